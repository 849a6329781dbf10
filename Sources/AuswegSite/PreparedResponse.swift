import AuswegHTTP

/// A response serialised with its headers, ready to write as it is.
struct PreparedResponse: Sendable {
    let bytes: [UInt8]
    /// Where the head ends: HEAD writes this much and no more.
    let headLength: Int
    let closesConnection: Bool
    /// Where the value of the Onion-Location field sits in `bytes`, so a
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
        let headBytes = Array(head.utf8)
        bytes = headBytes + body
        headLength = headBytes.count
        self.closesConnection = closesConnection
        self.onionLocation = location
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
        bytes: [UInt8], headLength: Int, closesConnection: Bool, onionLocation: Range<Int>?
    ) {
        self.bytes = bytes
        self.headLength = headLength
        self.closesConnection = closesConnection
        self.onionLocation = onionLocation
    }

    /// The same response with another Onion-Location value; itself when it
    /// carries none.
    func replacingOnionLocation(with value: String) -> PreparedResponse {
        guard let range = onionLocation else { return self }
        precondition(!Self.breaksLine(value), "header value with CRLF")
        let replacement = Array(value.utf8)
        return PreparedResponse(
            bytes: bytes[..<range.lowerBound] + replacement + bytes[range.upperBound...],
            headLength: headLength - range.count + replacement.count,
            closesConnection: closesConnection,
            onionLocation: range.lowerBound..<range.lowerBound + replacement.count)
    }

    /// The same response grown to exactly `total` bytes by a `Padding`
    /// field of filler, the head's last field, so that the body and the
    /// Onion-Location range stay where they are.
    func padded(to total: Int) -> PreparedResponse {
        let filler = total - bytes.count - Self.paddingLineOverhead
        precondition(filler >= 1, "padding target below the response's own size")
        let headEnd = headLength - 2
        var grown: [UInt8] = []
        grown.reserveCapacity(total)
        grown.append(contentsOf: bytes[..<headEnd])
        grown.append(contentsOf: "Padding: ".utf8)
        grown.append(contentsOf: [UInt8](repeating: UInt8(ascii: "0"), count: filler))
        grown.append(contentsOf: "\r\n".utf8)
        grown.append(contentsOf: bytes[headEnd...])
        return PreparedResponse(
            bytes: grown, headLength: headLength + total - bytes.count,
            closesConnection: closesConnection, onionLocation: onionLocation)
    }

    /// "Padding: " and the CRLF that end the field around its filler.
    static let paddingLineOverhead = "Padding: \r\n".utf8.count

    func reply(headOnly: Bool) -> Reply {
        Reply(
            bytes: bytes, count: headOnly ? headLength : bytes.count,
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
