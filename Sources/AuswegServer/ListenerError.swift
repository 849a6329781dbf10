import Glibc

/// Why a listener could not be opened.
public enum ListenerError: Error, Sendable, CustomStringConvertible {
    case badAddress(String)
    case notASocket(String)
    case socketInUse(String)
    case system(String, String, Int32)

    public var description: String {
        switch self {
        case .badAddress(let address): "\(address): not a literal address and port"
        case .notASocket(let path): "\(path): exists and is not a socket"
        case .socketInUse(let path): "\(path): another process is listening on it"
        case .system(let call, let address, let code):
            "\(address): \(call) failed: \(String(cString: strerror(code)))"
        }
    }
}
