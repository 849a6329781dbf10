import AuswegHTTP

/// The settings and the content's languages, and the language choices made
/// from them. The content itself is not kept: once every page is rendered,
/// serving needs only the language codes.
struct ResponseSite: Sendable {
    let settings: SiteSettings
    let codes: [String]
    /// The first language of `content/languages.txt`.
    let defaultCode: String
    /// `http://<address>.onion`, the start of every Onion-Location value;
    /// nil when no onion address is known.
    let onionOrigin: String?

    init(content: SiteContent, settings: SiteSettings) {
        self.settings = settings
        codes = content.languages.map(\.code)
        defaultCode = content.defaultLanguage.code
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
            fallback: defaultCode)
    }

    /// The language a path names (`/en/…`), else the negotiated one.
    func language(ofPath path: String, _ request: Request) -> String {
        let first = path.split(separator: "/", maxSplits: 1).first.map(String.init)
        if let first, codes.contains(first) { return first }
        return negotiatedLanguage(request)
    }
}
