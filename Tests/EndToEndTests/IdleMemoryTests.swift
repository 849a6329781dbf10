import Foundation
import Glibc
import Testing

/// Idle connections cost the server bounded memory: the bounds README
/// states under Security.
@Suite(.serialized) struct IdleMemoryTests {
    static let connections = 10_000
    /// 5,000 plain connections that send nothing; about 0.3 KiB each was
    /// measured.
    static let plainBoundKiB = 16 * 1024
    /// All 10,000, half of them waiting in a TLS handshake (OpenSSL's
    /// handshake buffers, about 42 KiB each, were measured).
    static let totalBoundKiB = 256 * 1024

    @Test(.enabled(if: OpenFiles.hardLimit > connections + 100))
    func tenThousandIdleConnectionsStayUnderTheDocumentedBounds() throws {
        OpenFiles.raiseLimit()
        let server = try ServerProcess.start(
            Set(Listener.allCases), ["MaxConnections": "\(Self.connections)"])
        defer { server.stop(grace: 0) }
        let (redirect, https) = (try server.endpoint(.http), try server.endpoint(.https))
        let before = server.residentKiB()
        let plain = (0..<Self.connections / 2).compactMap { _ in
            try? SocketConnection(redirect)
        }
        usleep(300_000)
        let plainOnly = server.residentKiB()
        let tls = (0..<Self.connections / 2).compactMap { _ in try? SocketConnection(https) }
        usleep(300_000)
        let all = server.residentKiB()

        #expect(plain.count + tls.count == Self.connections)
        #expect(plain.filter { $0.peerHasClosed() }.isEmpty)
        #expect(tls.filter { $0.peerHasClosed() }.isEmpty)
        if PackageLayout.isMeasurable {
            #expect(plainOnly - before < Self.plainBoundKiB, "VmRSS \(before) → \(plainOnly) KiB")
            #expect(all - before < Self.totalBoundKiB, "VmRSS \(before) → \(all) KiB")
        }
    }
}
