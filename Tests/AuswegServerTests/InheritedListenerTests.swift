import AuswegHTTP
import AuswegServer
import Foundation
import Glibc
import Testing

/// Sockets handed over by socket activation: taken only when they listen,
/// with the family and port the configuration asks for.
@Suite struct InheritedListenerTests {
    /// A stream socket on 127.0.0.1 at a port the kernel picks.
    private func loopbackSocket(listening: Bool) -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                _ = bind(fd, $0, length)
                _ = getsockname(fd, $0, &length)
            }
        }
        if listening { listen(fd, 8) }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    private func refusal(_ body: () throws(ListenerError) -> Listener) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aListeningTCPSocketIsTakenWithItsAddressAndMadeNonBlocking() throws {
        let (fd, port) = loopbackSocket(listening: true)
        let listener = try Listener(kind: .https, inheritedDescriptor: fd, port: port)
        withExtendedLifetime(listener) {
            #expect(listener.name == "127.0.0.1:\(port)")
            #expect(listener.socketPath == nil)
            #expect(fcntl(fd, F_GETFL) & O_NONBLOCK != 0)
            #expect(fcntl(fd, F_GETFD) & FD_CLOEXEC != 0)
        }
    }

    @Test func portZeroInTheConfigurationAcceptsAnyPort() throws {
        let (fd, port) = loopbackSocket(listening: true)
        let listener = try Listener(kind: .redirect, inheritedDescriptor: fd)
        #expect(listener.name == "127.0.0.1:\(port)")
    }

    @Test func aSocketThatDoesNotListenIsRefused() {
        let (fd, _) = loopbackSocket(listening: false)
        defer { close(fd) }
        #expect(
            refusal { () throws(ListenerError) in
                try Listener(kind: .https, inheritedDescriptor: fd)
            } == "fd \(fd) (https): not a listening stream socket")
    }

    @Test func aDescriptorThatIsNoSocketIsRefused() {
        let fd = open("/dev/null", O_RDONLY)
        defer { close(fd) }
        #expect(
            refusal { () throws(ListenerError) in
                try Listener(kind: .redirect, inheritedDescriptor: fd)
            } == "fd \(fd) (http): not a listening stream socket")
    }

    @Test func aTCPSocketIsRefusedForTheOnion() {
        let (fd, _) = loopbackSocket(listening: true)
        defer { close(fd) }
        #expect(
            refusal { () throws(ListenerError) in
                try Listener(kind: .onion, inheritedDescriptor: fd)
            } == "fd \(fd) (onion): not an AF_UNIX socket")
    }

    @Test func aUnixSocketIsRefusedForHTTPS() {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        // An abstract address (leading zero byte) leaves no file behind.
        withUnsafeMutableBytes(of: &address.sun_path) {
            $0.copyBytes(from: [0] + Array("ausweg-inherited-\(getpid())".utf8))
        }
        withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                _ = bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        listen(fd, 8)
        #expect(
            refusal { () throws(ListenerError) in
                try Listener(kind: .https, inheritedDescriptor: fd)
            } == "fd \(fd) (https): not an AF_INET or AF_INET6 socket")
    }

    @Test func aPortOtherThanTheConfiguredOneIsRefused() {
        let (fd, port) = loopbackSocket(listening: true)
        defer { close(fd) }
        let other: UInt16 = port == 1 ? 2 : 1
        #expect(
            refusal { () throws(ListenerError) in
                try Listener(kind: .https, inheritedDescriptor: fd, port: other)
            } == "fd \(fd) (https): listens on port \(port), the configuration says \(other)")
    }
}
