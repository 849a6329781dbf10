import Glibc

/// Why the card's files could not be written; nothing is left half written.
public enum CardWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, errno: Int32)
    case converterFailed(program: String, status: Int32)
    case converterNotStarted(program: String, errno: Int32)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let errno):
            "cannot write \(path): \(String(cString: strerror(errno)))"
        case .converterFailed(let program, let status):
            "\(program) failed (status \(status)); no file written"
        case .converterNotStarted(let program, let errno):
            "cannot start \(program): \(String(cString: strerror(errno))); no file written"
        }
    }
}
