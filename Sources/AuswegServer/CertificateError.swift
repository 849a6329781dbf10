import Glibc

/// Why the self-signed certificate could not be made.
public enum CertificateError: Error, Sendable, CustomStringConvertible {
    case openSSL(OpenSSLError)
    case cannotWrite(String, errno: Int32)

    public var description: String {
        switch self {
        case .openSSL(let error): error.description
        case .cannotWrite(let path, let code): "\(path): \(String(cString: strerror(code)))"
        }
    }
}
