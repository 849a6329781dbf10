import Foundation
import Glibc

/// Where a raw client connects: a loopback TCP port or a unix socket.
enum RawEndpoint: Sendable, CustomStringConvertible {
    case tcp(UInt16)
    case unix(String)

    var description: String {
        switch self {
        case .tcp(let port): "127.0.0.1:\(port)"
        case .unix(let path): path
        }
    }
}

/// A blocking socket client with a receive timeout, for bytes no HTTP
/// library would send.
final class RawClient {
    let fd: Int32

    /// Connects, or nil when the connection is refused.
    /// - Parameter receiveBuffer: a small one makes a client that never
    ///   reads stall the server's writes sooner.
    init?(_ endpoint: RawEndpoint, receiveTimeout: Double = 5, receiveBuffer: Int32? = nil) {
        switch endpoint {
        case .tcp(let port):
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            if var size = receiveBuffer {
                setsockopt(
                    fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
            }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard result == 0 else {
                close(fd)
                return nil
            }
        case .unix(let path):
            fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array(path.utf8)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            guard result == 0 else {
                close(fd)
                return nil
            }
        }
        var timeout = timeval(
            tv_sec: Int(receiveTimeout), tv_usec: Int((receiveTimeout * 1e6)) % 1_000_000)
        setsockopt(
            fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// Sends all of `bytes`; false when the peer is gone.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if count <= 0 { return false }
            sent += count
        }
        return true
    }

    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Reads until the peer closes or the receive timeout passes.
    func readToEnd() -> (bytes: [UInt8], closed: Bool) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return (received, true) }
            if count < 0 { return (received, errno == ECONNRESET) }
            received += buffer[..<count]
        }
    }

    /// Whether the peer has closed (FIN or reset), without waiting and
    /// without reading: a client that never reads stays that way.
    func peerHasClosed() -> Bool {
        // POLLRDHUP (Linux, <poll.h> with _GNU_SOURCE) is not imported.
        let peerShutDown: Int16 = 0x2000
        var poller = pollfd(fd: fd, events: Int16(POLLIN) | peerShutDown, revents: 0)
        guard poll(&poller, 1, 0) == 1 else { return false }
        return poller.revents & (peerShutDown | Int16(POLLHUP) | Int16(POLLERR)) != 0
    }

    /// Reads one response whose head says its length (or until close).
    func readResponse() -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            if let length = RawResponse.completeLength(received), received.count >= length {
                return received
            }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { return received }
            received += buffer[..<count]
        }
    }
}

/// What a test reads from raw response bytes.
enum RawResponse {
    /// The status codes of the responses in `bytes`, one after another as
    /// their Content-Length frames them.
    static func statuses(_ bytes: [UInt8]) -> [Int] {
        var found: [Int] = []
        var rest = bytes[...]
        let prefix = Array("HTTP/1.1 ".utf8)
        while rest.count >= 12, Array(rest.prefix(9)) == prefix {
            let code = String(decoding: rest.dropFirst(9).prefix(3), as: UTF8.self)
            guard let value = Int(code) else { break }
            found.append(value)
            guard let length = completeLength(Array(rest)) else { break }
            rest = rest.dropFirst(length)
        }
        return found
    }

    /// Head plus Content-Length, once the head is complete.
    static func completeLength(_ bytes: [UInt8]) -> Int? {
        let marker: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4,
            let end = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<$0 + 4]) == marker })
        else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
        for line in head.components(separatedBy: "\r\n")
        where line.hasPrefix("content-length:") {
            let value = line.dropFirst(15).trimmingCharacters(in: .whitespaces)
            guard let length = Int(value) else { return nil }
            return end + 4 + length
        }
        return nil
    }
}
