import AuswegHTTP

/// One resource in every form a request can ask for: gzip or identity,
/// kept alive or closing. All four are built once, at start-up.
struct ResponseVariants: Sendable {
    private let identity: PreparedResponse
    private let identityClosing: PreparedResponse
    private let gzip: PreparedResponse?
    private let gzipClosing: PreparedResponse?

    /// - Parameters:
    ///   - gzipped: `body` compressed, or nil to offer identity alone.
    ///   - vary: the request headers that chose this body, for caches.
    init(
        status: Status, fields: [(String, String)], body: [UInt8], gzipped: [UInt8]?,
        listener: ListenerKind, vary: String = "Accept-Encoding"
    ) {
        func prepare(_ fields: [(String, String)], _ body: [UInt8], closing: Bool)
            -> PreparedResponse
        {
            PreparedResponse(
                status: status, fields: fields, body: body, listener: listener,
                closesConnection: closing)
        }
        let plainFields = fields + [("Vary", vary)]
        identity = prepare(plainFields, body, closing: false)
        identityClosing = prepare(plainFields, body, closing: true)
        if let zipped = gzipped {
            let zippedFields = fields + [("Content-Encoding", "gzip"), ("Vary", vary)]
            gzip = prepare(zippedFields, zipped, closing: false)
            gzipClosing = prepare(zippedFields, zipped, closing: true)
        } else {
            gzip = nil
            gzipClosing = nil
        }
    }

    func reply(coding: ContentCoding, closing: Bool, headOnly: Bool) -> Reply {
        let chosen: PreparedResponse
        switch (coding, closing) {
        case (.gzip, false): chosen = gzip ?? identity
        case (.gzip, true): chosen = gzipClosing ?? identityClosing
        case (.identity, false): chosen = identity
        case (.identity, true): chosen = identityClosing
        }
        return chosen.reply(headOnly: headOnly)
    }
}
