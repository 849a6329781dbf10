import AuswegHTTP

/// The loaded content and settings, and the language choices made from them.
struct ResponseSite: Sendable {
    let content: SiteContent
    let settings: SiteSettings
    let codes: [String]

    init(content: SiteContent, settings: SiteSettings) {
        self.content = content
        self.settings = settings
        codes = content.languages.map(\.code)
    }

    func negotiatedLanguage(_ request: Request) -> String {
        Negotiation.bestLanguage(
            acceptLanguage: request.acceptLanguage, available: codes,
            fallback: content.defaultLanguage.code)
    }

    /// The language a path names (`/en/…`), else the negotiated one.
    func language(ofPath path: String, _ request: Request) -> String {
        let first = path.split(separator: "/", maxSplits: 1).first.map(String.init)
        if let first, codes.contains(first) { return first }
        return negotiatedLanguage(request)
    }
}
