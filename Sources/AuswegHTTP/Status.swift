/// The statuses this server ever sends.
public enum Status: Int, Sendable, CaseIterable {
    case ok = 200
    case partialContent = 206
    case movedPermanently = 301
    case badRequest = 400
    case notFound = 404
    case methodNotAllowed = 405
    case uriTooLong = 414
    case rangeNotSatisfiable = 416
    case headerFieldsTooLarge = 431
    case versionNotSupported = 505

    public var reason: String {
        switch self {
        case .ok: "OK"
        case .partialContent: "Partial Content"
        case .movedPermanently: "Moved Permanently"
        case .badRequest: "Bad Request"
        case .notFound: "Not Found"
        case .methodNotAllowed: "Method Not Allowed"
        case .uriTooLong: "URI Too Long"
        case .rangeNotSatisfiable: "Range Not Satisfiable"
        case .headerFieldsTooLarge: "Request Header Fields Too Large"
        case .versionNotSupported: "HTTP Version Not Supported"
        }
    }
}
