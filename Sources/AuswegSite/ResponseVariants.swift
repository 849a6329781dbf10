import AuswegHTTP

/// One resource in every form a request can ask for: gzip or identity,
/// kept alive or closing. All four are built once, at start-up.
struct ResponseVariants: Sendable {
    /// The four serialised forms, named for padding them alike.
    enum ResponseForm: CaseIterable, Sendable {
        case identity, identityClosing, gzip, gzipClosing
    }

    private let identity: PreparedResponse
    private let identityClosing: PreparedResponse
    private let gzip: PreparedResponse?
    private let gzipClosing: PreparedResponse?

    /// - Parameters:
    ///   - gzipped: `body` compressed, or nil to offer identity alone.
    ///   - vary: the request headers that chose this body, for caches.
    ///   - onionLocation: the Onion-Location value, HTTPS only.
    init(
        status: Status, fields: [(String, String)], body: [UInt8], gzipped: [UInt8]?,
        listener: ListenerKind, vary: String = "Accept-Encoding", onionLocation: String? = nil
    ) {
        func prepare(_ fields: [(String, String)], _ body: [UInt8], closing: Bool)
            -> PreparedResponse
        {
            PreparedResponse(
                status: status, fields: fields, body: body, listener: listener,
                closesConnection: closing, onionLocation: onionLocation)
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

    private init(
        identity: PreparedResponse, identityClosing: PreparedResponse,
        gzip: PreparedResponse?, gzipClosing: PreparedResponse?
    ) {
        self.identity = identity
        self.identityClosing = identityClosing
        self.gzip = gzip
        self.gzipClosing = gzipClosing
    }

    /// The same forms with another Onion-Location value, built at start-up
    /// for a second path to the same page (`/de` beside `/de/`); nil keeps
    /// them as they are.
    func replacingOnionLocation(with value: String?) -> ResponseVariants {
        guard let value else { return self }
        return ResponseVariants(
            identity: identity.replacingOnionLocation(with: value),
            identityClosing: identityClosing.replacingOnionLocation(with: value),
            gzip: gzip?.replacingOnionLocation(with: value),
            gzipClosing: gzipClosing?.replacingOnionLocation(with: value))
    }

    /// The serialised size of each form this resource has.
    var sizes: [ResponseForm: Int] {
        var sizes = [
            ResponseForm.identity: identity.size,
            .identityClosing: identityClosing.size,
        ]
        sizes[.gzip] = gzip?.size
        sizes[.gzipClosing] = gzipClosing?.size
        return sizes
    }

    /// Each form padded to the size `targets` gives for it.
    func padded(to targets: [ResponseForm: Int]) -> ResponseVariants {
        func pad(_ response: PreparedResponse, _ form: ResponseForm) -> PreparedResponse {
            guard let target = targets[form] else {
                preconditionFailure("no padding target for \(form)")
            }
            return response.padded(to: target)
        }
        return ResponseVariants(
            identity: pad(identity, .identity),
            identityClosing: pad(identityClosing, .identityClosing),
            gzip: gzip.map { pad($0, .gzip) },
            gzipClosing: gzipClosing.map { pad($0, .gzipClosing) })
    }

    /// - Parameter onionLocation: the onion origin and the request's target,
    ///   which replace the prepared Onion-Location value when the target
    ///   differs from the path it was built for; that reply is wiped once
    ///   written.
    func reply(
        coding: ContentCoding, closing: Bool, headOnly: Bool,
        onionLocation: (origin: String, target: String)? = nil
    ) -> Reply {
        let chosen: PreparedResponse
        switch (coding, closing) {
        case (.gzip, false): chosen = gzip ?? identity
        case (.gzip, true): chosen = gzipClosing ?? identityClosing
        case (.identity, false): chosen = identity
        case (.identity, true): chosen = identityClosing
        }
        guard let (origin, target) = onionLocation else { return chosen.reply(headOnly: headOnly) }
        return chosen.reply(headOnly: headOnly, onionOrigin: origin, target: target)
    }
}
