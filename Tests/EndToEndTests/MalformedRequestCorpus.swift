/// Hostile request heads and the status each must get, on every listener.
///
/// Every case is sent followed by a valid request; a refused head must be
/// answered alone and the connection closed, so the follower is never
/// parsed. `nil` stands for the normal answer to a valid GET (200, or 301 on
/// the redirect listener): those cases are framed correctly and only carry
/// something the server must ignore. A head that announces a body is
/// answered and the connection closed, the body never read (`served: 1`);
/// otherwise the follower is served too (`served: 2`).
struct MalformedRequest: Sendable, CustomStringConvertible {
    let description: String
    let bytes: [UInt8]
    let status: Int?
    let served: Int

    /// `text` is read as Latin-1, so "\u{FF}" is the single byte 0xFF.
    init(_ name: String, _ text: String, _ status: Int?, served: Int = 1) {
        description = name
        bytes = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        self.status = status
        self.served = served
    }

    static let host = "Host: a\r\n"
    static let follower = "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"

    static func get(_ target: String, _ fields: String = "") -> String {
        "GET \(target) HTTP/1.1\r\n\(host)\(fields)\r\n"
    }

    static let corpus: [MalformedRequest] = framing + syntax + targets + methods + versions

    static let framing: [MalformedRequest] = [
        .init(
            "length and chunked",
            get("/", "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n") + "abc", 400),
        .init("two lengths", get("/", "Content-Length: 0\r\nContent-Length: 0\r\n"), 400),
        .init("negative length", get("/", "Content-Length: -1\r\n"), 400),
        .init("signed length", get("/", "Content-Length: +1\r\n"), 400),
        .init("huge length", get("/", "Content-Length: 99999999999999999999999\r\n"), 400),
        .init("length list", get("/", "Content-Length: 1, 1\r\n"), 400),
        .init("hex length", get("/", "Content-Length: 0x10\r\n"), 400),
        .init(
            "bad chunking never read", get("/", "Transfer-Encoding: chunked\r\n") + "zz\r\n", nil),
        .init("GET body never read", get("/", "Content-Length: 5\r\n") + "GET /", nil),
        .init("expect on GET", get("/", "Expect: 100-continue\r\n"), nil, served: 2),
    ]

    static let syntax: [MalformedRequest] = [
        .init("field without colon", get("/", "Foo\r\n"), 400),
        .init("space before colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400),
        .init("empty field name", get("/", ": x\r\n"), 400),
        .init("obsolete folding", get("/", "X: a\r\n b\r\n"), 400),
        .init("control byte in value", get("/", "X: a\u{01}b\r\n"), 400),
        .init("DEL in value", get("/", "X: a\u{7F}b\r\n"), 400),
        .init("NUL in value", get("/", "X: a\u{00}b\r\n"), 400),
        .init("bare CR in value", get("/", "X: a\rb\r\n"), 400),
        .init("bare LF after request line", "GET / HTTP/1.1\n\(host)\r\n", 400),
        .init("bare LF ends head", "GET / HTTP/1.1\r\n\(host)\n", 400),
        .init("leading empty line", "\r\n" + get("/"), 400),
        .init("request line too long", get("/" + String(repeating: "a", count: 9000)), 414),
        .init(
            "head too large",
            get(
                "/",
                String(repeating: "X: " + String(repeating: "a", count: 1000) + "\r\n", count: 17)),
            431),
        .init("too many fields", get("/", String(repeating: "X: a\r\n", count: 70)), 431),
        .init("missing host", "GET / HTTP/1.1\r\n\r\n", 400),
        .init("two hosts", get("/", host), 400),
        .init("space in host", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400),
        .init(
            "TLS hello on plain port",
            "\u{16}\u{03}\u{01}\u{00}\u{A5}\u{01}\u{00}\u{00}\u{A1}\u{03}\u{03}\r\n\r\n", 400),
    ]

    static let targets: [MalformedRequest] = [
        .init("absolute form accepted", get("http://elsewhere.example/"), nil, served: 2),
        .init("absolute form, other scheme", get("ftp://elsewhere.example/"), 400),
        .init("authority form", "CONNECT elsewhere.example:443 HTTP/1.1\r\n\(host)\r\n", 400),
        .init("asterisk form", "OPTIONS * HTTP/1.1\r\n\(host)\r\n", 400),
        .init("control byte in target", get("/\u{01}"), 400),
        .init("fragment in target", get("/#x"), 400),
        .init("dot-dot", get("/../etc/passwd"), 400),
        .init("encoded dot-dot", get("/%2e%2e/etc/passwd"), 400),
        .init("encoded dot-dot, upper case", get("/%2E%2E/etc/passwd"), 400),
        .init("half-encoded dot-dot", get("/.%2e/etc/passwd"), 400),
        .init("encoded slash", get("/..%2fetc%2fpasswd"), 400),
        .init("double-encoded dot-dot is a name", get("/%252e%252e/etc/passwd"), 404, served: 2),
        .init("overlong UTF-8 dots", get("/%c0%ae%c0%ae/etc/passwd"), 400),
        .init("backslash", get("/..\\etc"), 400),
        .init("encoded backslash", get("/..%5cetc"), 400),
        .init("deep dot-dot", get("/1/2/../../../x"), 400),
        .init("encoded NUL", get("/%00"), 400),
        .init("bad percent escape", get("/%zz"), 400),
        .init("invalid UTF-8", get("/%ff"), 400),
        .init("UTF-16 surrogate", get("/%ed%a0%80"), 400),
        .init("raw non-ASCII byte", get("/\u{C3}\u{A4}"), 400),
    ]

    static let methods: [MalformedRequest] = [
        .init(
            "POST body not read",
            "POST / HTTP/1.1\r\n\(host)Content-Length: \(follower.utf8.count)\r\n\r\n", 405),
        .init(
            "POST with expect gets no 100",
            "POST / HTTP/1.1\r\n\(host)Expect: 100-continue\r\nContent-Length: 5\r\n\r\n", 405),
        .init("PUT with body", "PUT / HTTP/1.1\r\n\(host)Content-Length: 5\r\n\r\nhello", 405),
        .init("unknown method", "BREW / HTTP/1.1\r\n\(host)\r\n", 405),
        .init("lower-case method", "get / HTTP/1.1\r\n\(host)\r\n", 405),
        .init("two spaces", "GET  / HTTP/1.1\r\n\(host)\r\n", 400),
        .init("tab separator", "GET\t/ HTTP/1.1\r\n\(host)\r\n", 400),
    ]

    static let versions: [MalformedRequest] = [
        .init("HTTP/0.9", "GET /\r\n\r\n", 400),
        .init("HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 400),
        .init("HTTP/1.2", "GET / HTTP/1.2\r\n\(host)\r\n", 505),
        .init("HTTP/2.0 line", "GET / HTTP/2.0\r\n\(host)\r\n", 505),
        .init("lower-case version", "GET / http/1.1\r\n\(host)\r\n", 400),
    ]
}
