import Foundation

/// A plain TCP or unix-socket connection that sends raw bytes and reads
/// responses, for what curl cannot do: pipelining, bodies that are
/// announced, half-sent heads, hostile bytes, clients that never read.
final class SocketConnection {
    static let readTimeout = 5.0

    private let descriptor: Int32
    private var received: [UInt8] = []
    private(set) var closedByPeer = false

    init(_ endpoint: Endpoint) throws {
        var domain = AF_INET
        if case .unixSocket = endpoint { domain = AF_UNIX }
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        descriptor = socket(domain, type, 0)
        guard descriptor >= 0 else { throw HarnessError.socketFailed("socket", errno: errno) }
        // On failure deinit closes the socket: self is complete by now.
        try connect(to: endpoint)
    }

    deinit {
        close(descriptor)
    }

    private func connect(to endpoint: Endpoint) throws {
        let result: Int32
        switch endpoint {
        case .loopback(let port):
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = in_addr_t(INADDR_LOOPBACK).bigEndian
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        case .unixSocket(let path):
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { buffer in
                buffer.copyBytes(from: path.utf8.prefix(buffer.count - 1))
            }
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
        }
        guard result == 0 else { throw HarnessError.socketFailed("connect", errno: errno) }
    }

    /// Writes all of `text` in as few writes as the kernel allows.
    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Writes all of `bytes`; throws when the peer is gone.
    func send(_ bytes: [UInt8]) throws {
        var bytes = bytes[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else {
                if errno == EINTR { continue }
                throw HarnessError.socketFailed("send", errno: errno)
            }
            bytes = bytes.dropFirst(count)
        }
    }

    /// Reads until one whole response is buffered and returns it; bytes
    /// after it stay buffered for the next call.
    func readResponse(toHead: Bool = false, timeout: Double = readTimeout) throws -> HTTPResponse {
        let deadline = Deadline(seconds: timeout)
        while true {
            if let (response, consumed) = try HTTPResponse.parse(received[...], toHead: toHead) {
                received.removeFirst(consumed)
                return response
            }
            if closedByPeer { throw HarnessError.closedBeforeResponse(received: received.count) }
            guard try receive(until: deadline) else {
                throw HarnessError.responseTimedOut(received: received.count)
            }
        }
    }

    /// Waits for the peer to close; returns the bytes that came before, or
    /// nil when the connection is still open at the deadline.
    func readUntilClosed(timeout: Double = readTimeout) throws -> [UInt8]? {
        let (bytes, closed) = try readToEnd(timeout: timeout)
        return closed ? bytes : nil
    }

    /// Reads until the peer closes or the deadline passes; returns every
    /// byte that came and whether the peer closed.
    func readToEnd(timeout: Double = readTimeout) throws -> (bytes: [UInt8], closed: Bool) {
        let deadline = Deadline(seconds: timeout)
        while !closedByPeer {
            guard try receive(until: deadline) else { break }
        }
        defer { received.removeAll() }
        return (received, closedByPeer)
    }

    /// Whether the peer has closed (FIN or reset), without waiting and
    /// without reading: a client that never reads stays one.
    func peerHasClosed() -> Bool {
        // POLLRDHUP needs _GNU_SOURCE in <poll.h>, so Glibc lacks it.
        let peerShutDown: Int16 = 0x2000
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN) | peerShutDown, revents: 0)
        guard poll(&poller, 1, 0) == 1 else { return false }
        return poller.revents & (peerShutDown | Int16(POLLHUP) | Int16(POLLERR)) != 0
    }

    /// Waits for bytes or the end of the stream; false at the deadline.
    private func receive(until deadline: Deadline) throws -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, deadline.remainingMilliseconds)
        if ready == 0 { return false }
        if ready < 0 {
            if errno == EINTR { return true }
            throw HarnessError.socketFailed("poll", errno: errno)
        }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            received += chunk[..<count]
        } else if count == 0 || errno == ECONNRESET {
            closedByPeer = true
        } else if errno != EINTR {
            throw HarnessError.socketFailed("recv", errno: errno)
        }
        return true
    }
}
