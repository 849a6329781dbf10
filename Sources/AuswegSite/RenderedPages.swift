/// The HTML of every page, before it is serialised.
struct RenderedPages {
    /// By path, e.g. `/de/1`.
    var pages: [String: String] = [:]
    /// The 404 page by language code.
    var notFound: [String: String] = [:]
    /// The page for refused requests, in the default language: a refused
    /// request has told us nothing we trust, its language included.
    var error = ""
}
