import Glibc

/// Why a listener could not be opened.
public enum ListenerError: Error, Sendable, CustomStringConvertible {
    case badAddress(String)
    case notASocket(String)
    case socketInUse(String)
    case system(String, String, Int32)
    case notListening(String)
    case wrongFamily(String, expected: String)
    case wrongPort(String, bound: UInt16, configured: UInt16)

    public var description: String {
        switch self {
        case .badAddress(let address): "\(address): not a literal address and port"
        case .notASocket(let path): "\(path): exists and is not a socket"
        case .socketInUse(let path): "\(path): another process is listening on it"
        case .system(let call, let address, let code):
            "\(address): \(call) failed: \(String(cString: strerror(code)))"
        case .notListening(let socket): "\(socket): not a listening stream socket"
        case .wrongFamily(let socket, let expected): "\(socket): not an \(expected) socket"
        case .wrongPort(let socket, let bound, let configured):
            "\(socket): listens on port \(bound), the configuration says \(configured)"
        }
    }
}
