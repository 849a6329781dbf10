/// Every page's HTML and its gzip form, made once before serialising.
struct RenderedPages {
    /// By path, e.g. `/de/1`.
    var pages: [String: RenderedBody] = [:]
    /// The 404 page by language code.
    var notFound: [String: RenderedBody] = [:]
    /// The page for refused requests, in the default language: a refused
    /// request has told us nothing we trust, its language included.
    var error = RenderedBody(html: "")
}

/// A body in both encodings; each listener kind reuses the same bytes.
struct RenderedBody {
    let identity: [UInt8]
    let gzipped: [UInt8]

    init(html: String) {
        identity = Array(html.utf8)
        gzipped = Gzip.compress(identity)
    }
}
