/// Size limits on a request head (RFC 9112 leaves them to the server).
public struct RequestLimits: Sendable, Equatable {
    /// Longest request line, without its CRLF; longer → 414.
    public var requestLine: Int
    /// Longest header block after the request line, CRLFs included; longer → 431.
    public var headerBlock: Int
    /// Most header fields; more → 431.
    public var headerFields: Int

    public static let standard = RequestLimits(
        requestLine: 8 * 1024, headerBlock: 16 * 1024, headerFields: 64)

    public init(requestLine: Int, headerBlock: Int, headerFields: Int) {
        self.requestLine = requestLine
        self.headerBlock = headerBlock
        self.headerFields = headerFields
    }
}
