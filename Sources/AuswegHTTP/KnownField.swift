/// The header fields the parser reads; every other field is only checked.
enum KnownField {
    case host
    case contentLength
    case transferEncoding
    case connection
    case acceptEncoding
    case acceptLanguage
    case range
    case ifRange

    /// The field `name` names, ignoring case (RFC 9110 §5.1), or nil.
    init?(name: UnsafeRawBufferPointer) {
        // The length picks the candidate, so most unknown names cost one
        // comparison of integers.
        switch name.count {
        case 4 where name.equalsIgnoringCase("host"):
            self = .host
        case 5 where name.equalsIgnoringCase("range"):
            self = .range
        case 8 where name.equalsIgnoringCase("if-range"):
            self = .ifRange
        case 10 where name.equalsIgnoringCase("connection"):
            self = .connection
        case 14 where name.equalsIgnoringCase("content-length"):
            self = .contentLength
        case 15 where name.equalsIgnoringCase("accept-encoding"):
            self = .acceptEncoding
        case 15 where name.equalsIgnoringCase("accept-language"):
            self = .acceptLanguage
        case 17 where name.equalsIgnoringCase("transfer-encoding"):
            self = .transferEncoding
        default:
            return nil
        }
    }
}
