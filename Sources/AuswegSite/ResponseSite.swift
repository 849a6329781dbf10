import AuswegHTTP

/// The loaded content and settings, and the language choices made from them.
struct ResponseSite: Sendable {
    let content: SiteContent
    let settings: SiteSettings
    let codes: [String]
    /// `http://<address>.onion`, the start of every Onion-Location value;
    /// nil when no onion address is known.
    let onionOrigin: String?

    init(content: SiteContent, settings: SiteSettings) {
        self.content = content
        self.settings = settings
        codes = content.languages.map(\.code)
        onionOrigin = settings.onionAddress.map { "http://\($0.hostname)" }
    }

    /// The Onion-Location value for `target` on `listener`: only the HTTPS
    /// listener sends one, never the onion listener or port 80.
    func onionLocation(_ target: String, on listener: ListenerKind) -> String? {
        onionOrigin(on: listener).map { $0 + target }
    }

    /// The start of every Onion-Location value on `listener`, or nil when
    /// it sends none.
    func onionOrigin(on listener: ListenerKind) -> String? {
        listener == .https ? onionOrigin : nil
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
