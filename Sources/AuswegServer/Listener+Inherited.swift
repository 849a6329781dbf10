import AuswegHTTP
import CSystem
import Glibc

extension Listener {
    /// Takes over a socket passed in by socket activation. It must be a
    /// listening stream socket of the family `kind` needs (inet or inet6
    /// for HTTPS and HTTP, unix for the onion) and, unless `port` is 0,
    /// bound to `port`. It is made non-blocking and closed on exec.
    public convenience init(kind: ListenerKind, inheritedDescriptor fd: Int32, port: UInt16 = 0)
        throws(ListenerError)
    {
        let label = "fd \(fd) (\(ActivatedSockets.name(of: kind)))"
        guard Self.socketOption(fd, SO_ACCEPTCONN) == 1,
            Self.socketOption(fd, SO_TYPE) == Int32(SOCK_STREAM.rawValue)
        else { throw .notListening(label) }
        let family = Self.socketOption(fd, SO_DOMAIN)
        let isTCP = family == AF_INET || family == AF_INET6
        guard isTCP == (kind != .onion), isTCP || family == AF_UNIX else {
            throw .wrongFamily(label, expected: kind == .onion ? "AF_UNIX" : "AF_INET or AF_INET6")
        }
        let name = isTCP ? Self.tcpName(fd) : Self.unixName(fd)
        if isTCP, port != 0, Self.boundPort(fd) != port {
            throw .wrongPort(label, bound: Self.boundPort(fd), configured: port)
        }
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0,
            fcntl(fd, F_SETFD, FD_CLOEXEC) == 0
        else { throw .system("fcntl", label, errno) }
        self.init(kind: kind, fileDescriptor: fd, isTCP: isTCP, name: name)
    }

    /// An integer socket option; -1 when the descriptor is no socket.
    private static func socketOption(_ fd: Int32, _ option: Int32) -> Int32 {
        var value: Int32 = -1
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, option, &value, &length) == 0 else { return -1 }
        return value
    }

    /// `127.0.0.1:443` or `[::]:443`, as the start-up line prints it.
    private static func tcpName(_ fd: Int32) -> String {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(fd, $0, &length)
            }
        }
        let host = withUnsafeBytes(of: storage) { raw in
            if Int32(storage.ss_family) == AF_INET {
                var address = raw.load(as: sockaddr_in.self).sin_addr
                return text(AF_INET, &address)
            }
            var address = raw.load(as: sockaddr_in6.self).sin6_addr
            return text(AF_INET6, &address)
        }
        return ListenAddress(host: host, port: boundPort(fd)).description
    }

    private static func text(_ family: Int32, _ address: UnsafeRawPointer) -> String {
        var characters = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(family, address, &characters, socklen_t(characters.count)) != nil else {
            return "?"
        }
        return String(
            decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) },
            as: UTF8.self)
    }

    private static func unixName(_ fd: Int32) -> String {
        var address = sockaddr_un()
        var length = socklen_t(MemoryLayout<sockaddr_un>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(fd, $0, &length)
            }
        }
        return withUnsafeBytes(of: address.sun_path) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
