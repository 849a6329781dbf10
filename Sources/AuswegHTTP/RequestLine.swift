/// The three parts of a request line (RFC 9112 §3), split and checked.
///
/// A method this server does not serve and a version it does not speak are
/// kept as nil, not thrown: they are answered only after the rest of the
/// head proved valid, so that framing errors always win.
struct RequestLine {
    /// GET or HEAD, or nil for any other method token (405).
    let method: Request.Method?
    /// HTTP/1.0 or HTTP/1.1, or nil for another well-formed version (505).
    let version: Request.Version?
    /// The request-target, unchecked beyond holding no SP.
    let target: UnsafeRawBufferPointer

    /// Splits `line` (without its CRLF) at its two single spaces.
    /// - Throws: `.malformedRequestLine` for anything but
    ///   `token SP 1*(not SP) SP HTTP/d.d`.
    init(parsing line: UnsafeRawBufferPointer) throws(RequestError) {
        // RFC 9112 §3: method SP request-target SP HTTP-version, exactly one
        // SP each; §3 allows lenient whitespace parsing, we do not.
        let methodEnd = line.firstIndex(of: ASCII.space, from: 0)
        let methodName = line.slice(0..<methodEnd)
        guard methodEnd < line.count, methodName.isToken else {
            throw .malformedRequestLine
        }
        let targetEnd = line.firstIndex(of: ASCII.space, from: methodEnd + 1)
        guard targetEnd < line.count, targetEnd > methodEnd + 1 else {
            throw .malformedRequestLine
        }
        method = Self.method(named: methodName)
        target = line.slice(methodEnd + 1..<targetEnd)
        version = try Self.version(line.slice(targetEnd + 1..<line.count))
    }

    /// RFC 9110 §9.1: method names are case-sensitive.
    private static func method(named name: UnsafeRawBufferPointer) -> Request.Method? {
        if name.equals("GET") {
            return .get
        }
        if name.equals("HEAD") {
            return .head
        }
        return nil
    }

    /// RFC 9112 §2.3: `HTTP-version = "HTTP" "/" DIGIT "." DIGIT`, the name
    /// case-sensitive.
    private static func version(
        _ text: UnsafeRawBufferPointer
    ) throws(RequestError) -> Request.Version? {
        guard text.count == 8, text.slice(0..<5).equals("HTTP/"), text[6] == ASCII.period,
            ASCII.isDigit(text[5]), ASCII.isDigit(text[7])
        else {
            throw .malformedRequestLine
        }
        switch (text[5], text[7]) {
        case (ASCII.one, ASCII.one): return .http11
        case (ASCII.one, ASCII.zero): return .http10
        default: return nil
        }
    }
}
