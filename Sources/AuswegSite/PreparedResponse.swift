import AuswegHTTP

/// A response serialised with its headers, ready to write as it is: a head
/// of its own and a body shared with every response that sends the same.
struct PreparedResponse: Sendable {
    /// The whole head; once padded, up to the `Padding` field's filler.
    let head: [UInt8]
    /// The number of filler bytes once padded, else nil.
    let filler: Int?
    let body: [UInt8]
    let closesConnection: Bool
    /// Where the value of the Onion-Location field sits in `head`, so a
    /// request with a query can get its own without serialising again.
    let onionLocation: Range<Int>?

    /// - Parameter onionLocation: the Onion-Location value; only HTML
    ///   responses on the HTTPS listener carry one.
    init(
        status: Status, fields: [(String, String)], body: [UInt8], listener: ListenerKind,
        closesConnection: Bool, onionLocation: String? = nil
    ) {
        var head = Self.statusAndFields(status, fields, listener)
        var location: Range<Int>?
        if let onionLocation {
            precondition(listener == .https, "Onion-Location outside the HTTPS listener")
            let start = head.utf8.count + "Onion-Location: ".utf8.count
            head += Self.fieldLine("Onion-Location", onionLocation)
            location = start..<start + onionLocation.utf8.count
        }
        head += "Content-Length: \(body.count)\r\n"
        if closesConnection { head += "Connection: close\r\n" }
        head += "\r\n"
        self.init(
            head: Array(head.utf8), filler: nil, body: body, closesConnection: closesConnection,
            onionLocation: location)
    }

    /// The head alone, for a body of `contentLength` bytes sent from
    /// elsewhere: an audio clip, whose Content-Range depends on the request.
    static func head(
        status: Status, fields: [(String, String)], contentLength: Int, listener: ListenerKind,
        closesConnection: Bool
    ) -> [UInt8] {
        var head = statusAndFields(status, fields, listener)
        head += "Content-Length: \(contentLength)\r\n"
        if closesConnection { head += "Connection: close\r\n" }
        return Array((head + "\r\n").utf8)
    }

    /// The status line, `fields`, then the listener's security headers.
    private static func statusAndFields(
        _ status: Status, _ fields: [(String, String)], _ listener: ListenerKind
    ) -> String {
        var head = "HTTP/1.1 \(status.rawValue) \(status.reason)\r\n"
        for (name, value) in fields + HeaderPolicy.fields(for: listener) {
            head += fieldLine(name, value)
        }
        return head
    }

    private init(
        head: [UInt8], filler: Int?, body: [UInt8], closesConnection: Bool,
        onionLocation: Range<Int>?
    ) {
        self.head = head
        self.filler = filler
        self.body = body
        self.closesConnection = closesConnection
        self.onionLocation = onionLocation
    }

    /// The bytes the whole response takes on the wire.
    var size: Int {
        head.count + (filler.map { $0 + Self.headEnd.count } ?? 0) + body.count
    }

    /// The same response with another Onion-Location value; itself when it
    /// carries none.
    func replacingOnionLocation(with value: String) -> PreparedResponse {
        guard let range = onionLocation else { return self }
        precondition(!Self.breaksLine(value), "header value with CRLF")
        let replacement = Array(value.utf8)
        return PreparedResponse(
            head: head[..<range.lowerBound] + replacement + head[range.upperBound...],
            filler: filler, body: body, closesConnection: closesConnection,
            onionLocation: range.lowerBound..<range.lowerBound + replacement.count)
    }

    /// The same response grown to exactly `total` bytes by a `Padding`
    /// field of filler, the head's last field, so that the Onion-Location
    /// range stays where it is. The filler is kept as a count.
    func padded(to total: Int) -> PreparedResponse {
        precondition(filler == nil, "padding a padded response")
        let filler = total - size - Self.paddingLineOverhead
        precondition(filler >= 1, "padding target below the response's own size")
        let kept = head[..<(head.count - Self.headEnd.count / 2)]
        // Sized exactly: appending to a full array would double its memory,
        // and every page keeps four padded heads for the server's life.
        var grown: [UInt8] = []
        grown.reserveCapacity(kept.count + Self.paddingName.count)
        grown.append(contentsOf: kept)
        grown.append(contentsOf: Self.paddingName)
        return PreparedResponse(
            head: grown, filler: filler, body: body, closesConnection: closesConnection,
            onionLocation: onionLocation)
    }

    private static let paddingName = Array("Padding: ".utf8)
    /// "Padding: " and the CRLF that end the field around its filler.
    static let paddingLineOverhead = paddingName.count + "\r\n".utf8.count
    /// The CRLF after the filler and the empty line's.
    private static let headEnd = Array("\r\n\r\n".utf8)

    func reply(headOnly: Bool) -> Reply {
        Reply(
            head: head, filler: filler, body: body, sendsBody: !headOnly,
            closesConnection: closesConnection)
    }

    /// The reply with the Onion-Location value `origin` + `target`, built
    /// in memory of its own that is wiped once written: the target is what
    /// the visitor asked for (threat model, promise 2). Only the head is
    /// built; the body stays shared.
    func reply(headOnly: Bool, onionOrigin origin: String, target: String) -> Reply {
        guard let range = onionLocation else { return reply(headOnly: headOnly) }
        var origin = origin
        var target = target
        let built = head.withUnsafeBytes { head in
            origin.withUTF8 { origin in
                target.withUTF8 { target in
                    SensitiveBytes(concatenating: [
                        UnsafeRawBufferPointer(rebasing: head[..<range.lowerBound]),
                        UnsafeRawBufferPointer(origin), UnsafeRawBufferPointer(target),
                        UnsafeRawBufferPointer(rebasing: head[range.upperBound...]),
                    ])
                }
            }
        }
        return Reply(
            sensitiveHead: built, filler: filler, body: body, sendsBody: !headOnly,
            closesConnection: closesConnection)
    }

    private static func fieldLine(_ name: String, _ value: String) -> String {
        precondition(!breaksLine(value), "header value with CRLF")
        return "\(name): \(value)\r\n"
    }

    /// Scalars, not Characters: "\r\n" is a single Character.
    private static func breaksLine(_ value: String) -> Bool {
        value.unicodeScalars.contains { $0 == "\r" || $0 == "\n" }
    }
}
