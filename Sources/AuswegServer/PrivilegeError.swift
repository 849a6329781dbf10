import Glibc

/// Why the process could not shed a privilege it must not keep.
public enum PrivilegeError: Error, Sendable, Equatable, CustomStringConvertible {
    case coreDumpsStillAllowed(Int32)
    case unknownUser(String)
    case notRootAndNotUser(String, uid: UInt32)
    case switchFailed(String, Int32)
    case rootRegainable(String)

    public var description: String {
        switch self {
        case .coreDumpsStillAllowed(let code):
            "cannot refuse core dumps: prctl failed: \(String(cString: strerror(code)))"
        case .unknownUser(let user): "User \(user): no such user"
        case .notRootAndNotUser(let user, let uid):
            "User \(user): running as uid \(uid), which is neither root nor \(user)"
        case .switchFailed(let call, let code):
            "cannot drop root: \(call) failed: \(String(cString: strerror(code)))"
        case .rootRegainable(let user):
            "cannot drop root: switched to \(user) but root can still be regained"
        }
    }
}
