/// A request head that passed every check of `RequestParser`.
///
/// The site takes no input, so only what decides the answer is kept: the
/// method, the decoded path, and the few headers that pick a variant.
public struct Request: Sendable, Equatable {
    public enum Method: Sendable, Equatable {
        case get
        case head
    }

    public enum Version: Sendable, Equatable {
        case http10
        case http11
    }

    public var method: Method
    public var version: Version
    /// The path, percent-decoded exactly once; always starts with "/".
    public var path: String
    /// The request target's path and query as received (origin form), for
    /// the port-80 redirect. Holds only characters RFC 3986 allows there.
    public var target: String
    public var acceptEncoding: String?
    public var acceptLanguage: String?
    /// The single byte range asked for, if any; only audio clips honour it.
    public var range: ByteRange?
    /// Content-Length above zero or any Transfer-Encoding: the server
    /// answers and closes without reading the body.
    public var announcesBody: Bool
    /// HTTP/1.0, or `Connection: close`.
    public var wantsClose: Bool

    public init(
        method: Method, version: Version, path: String, target: String,
        acceptEncoding: String? = nil, acceptLanguage: String? = nil, range: ByteRange? = nil,
        announcesBody: Bool = false, wantsClose: Bool = false
    ) {
        self.method = method
        self.version = version
        self.path = path
        self.target = target
        self.acceptEncoding = acceptEncoding
        self.acceptLanguage = acceptLanguage
        self.range = range
        self.announcesBody = announcesBody
        self.wantsClose = wantsClose
    }
}
