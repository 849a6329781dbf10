import AuswegHTTP

/// A response serialised with its headers, ready to write as it is.
struct PreparedResponse: Sendable {
    let bytes: [UInt8]
    /// Where the head ends: HEAD writes this much and no more.
    let headLength: Int
    let closesConnection: Bool

    init(
        status: Status, fields: [(String, String)], body: [UInt8], listener: ListenerKind,
        closesConnection: Bool
    ) {
        var head = "HTTP/1.1 \(status.rawValue) \(status.reason)\r\n"
        for (name, value) in fields + HeaderPolicy.fields(for: listener) {
            precondition(!value.contains { $0 == "\r" || $0 == "\n" }, "header value with CRLF")
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\n"
        if closesConnection { head += "Connection: close\r\n" }
        head += "\r\n"
        let headBytes = Array(head.utf8)
        bytes = headBytes + body
        headLength = headBytes.count
        self.closesConnection = closesConnection
    }

    func reply(headOnly: Bool) -> Reply {
        Reply(
            bytes: bytes, count: headOnly ? headLength : bytes.count,
            closesConnection: closesConnection)
    }
}
