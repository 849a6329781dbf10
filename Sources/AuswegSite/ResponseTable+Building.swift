import AuswegHTTP

extension ResponseTable {
    /// The most a page may weigh gzipped: it must fit the first round trips
    /// of a slow Tor circuit.
    public static let largestPage = 14 * 1024

    /// Renders every page and serialises every response. Any content fault
    /// (a bad link, raw HTML, a page over 14 KB gzipped) throws.
    /// - Parameters:
    ///   - audio: the clips; pages whose clip is missing show no player.
    ///   - listeners: the listener kinds to answer for; responses for the
    ///     others are neither built nor held in memory.
    public static func build(
        content: SiteContent, settings: SiteSettings, audio: AudioLibrary = .none,
        listeners: [ListenerKind] = ListenerKind.allCases
    ) throws(ContentError) -> ResponseTable {
        let site = ResponseSite(content: content, settings: settings)
        let pages = try PageRenderer(content: content, settings: settings, audio: audio)
            .renderAll()
        var responses: [ListenerKind: ListenerResponses] = [:]
        for listener in listeners {
            responses[listener] =
                prepare(pages, content: content, site: site, for: listener).paddedAlike()
        }
        return ResponseTable(site: site, responses: responses, audio: audio)
    }

    private static func prepare(
        _ pages: RenderedPages, content: SiteContent, site: ResponseSite,
        for listener: ListenerKind
    )
        -> ListenerResponses
    {
        var table = ListenerResponses()
        // A 404 or refusal is prepared with the onion home page as its
        // Onion-Location; a 404 gets its own target's at request time.
        let home = site.onionLocation("/", on: listener)
        for language in content.languages {
            let code = language.code
            table.notFound[code] = variants(
                pages.notFound[code], status: .notFound, code: code, listener: listener,
                onionLocation: home)
            guard listener != .redirect else { continue }
            for page in content.pages {
                let path = page.path(in: code)
                let ready = variants(
                    pages.pages[path], status: .ok, code: code, listener: listener,
                    onionLocation: site.onionLocation(path, on: listener))
                table.pages[path] = ready
                if page.segment.isEmpty {
                    let bare = "/\(code)"
                    table.pages[bare] = ready.replacingOnionLocation(
                        with: site.onionLocation(bare, on: listener))
                    table.roots[code] = variants(
                        pages.pages[path], status: .ok, code: code, listener: listener,
                        vary: "Accept-Encoding, Accept-Language", onionLocation: home)
                }
            }
        }
        // 404 has its own page per language, and 416 is an audio answer.
        let pageless: Set<Status> = [.notFound, .rangeNotSatisfiable]
        for status in Status.allCases where status.rawValue >= 400 && !pageless.contains(status) {
            let fields =
                status == .methodNotAllowed ? [("Allow", "GET, HEAD")] : [(String, String)]()
            table.refusals[status] = PreparedResponse(
                status: status, fields: htmlFields(content.defaultLanguage.code) + fields,
                body: pages.error.identity, listener: listener, closesConnection: true,
                onionLocation: home)
        }
        return table
    }

    private static func variants(
        _ body: RenderedBody?, status: Status, code: String, listener: ListenerKind,
        vary: String = "Accept-Encoding", onionLocation: String?
    ) -> ResponseVariants {
        guard let body else { preconditionFailure("a page was not rendered") }
        return ResponseVariants(
            status: status, fields: htmlFields(code), body: body.identity,
            gzipped: body.gzipped, listener: listener, vary: vary, onionLocation: onionLocation)
    }

    private static func htmlFields(_ code: String) -> [(String, String)] {
        [("Content-Type", "text/html; charset=utf-8"), ("Content-Language", code)]
    }
}
