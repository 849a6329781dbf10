/// Why a request head was refused. Each case maps to one status; the
/// connection is always closed after the answer.
public enum RequestError: Error, Sendable, Equatable {
    case malformedRequestLine
    case malformedHeader
    case bareLineFeed
    case obsoleteLineFolding
    case whitespaceBeforeColon
    case nulByte
    case missingHost
    case duplicateHost
    case conflictingLength
    case invalidContentLength
    case invalidTarget
    case pathEscapesRoot
    case encodedSlash
    case encodedNul
    case invalidPercentEncoding
    case invalidUTF8
    case methodNotAllowed
    case versionNotSupported
    case requestLineTooLong
    case headerBlockTooLarge
    case tooManyHeaderFields

    public var status: Status {
        switch self {
        case .methodNotAllowed: .methodNotAllowed
        case .versionNotSupported: .versionNotSupported
        case .requestLineTooLong: .uriTooLong
        case .headerBlockTooLarge, .tooManyHeaderFields: .headerFieldsTooLarge
        default: .badRequest
        }
    }
}
