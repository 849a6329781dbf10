import CTLS
import Glibc
import Testing

@testable import AuswegServer

/// A server transport and an OpenSSL client over a non-blocking socket pair.
@Suite struct TLSTransportTests {
    @Test func idleBuffersAreFreedOnceAfterEachUse() throws {
        let certificate = try TestCertificate(for: "tls-transport")
        let context = certificate.context
        var pair: [Int32] = [0, 0]
        let kind = Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue)
        try #require(socketpair(AF_UNIX, kind, 0, &pair) == 0)
        let server = try #require(TLSTransport(takingOwnershipOf: pair[0], context: context))
        let clientContext = try #require(SSL_CTX_new(TLS_client_method()))
        let client = try #require(SSL_new(clientContext))
        defer {
            SSL_free(client)
            SSL_CTX_free(clientContext)
            close(pair[1])
        }
        SSL_set_fd(client, pair[1])
        SSL_set_connect_state(client)

        var serverDone = false
        for _ in 0..<20 where !serverDone || SSL_is_init_finished(client) != 1 {
            _ = SSL_do_handshake(client)
            if !serverDone { serverDone = server.handshake() == .done(0) }
        }
        #expect(serverDone)

        #expect(server.releaseIdleBuffers())
        #expect(!server.releaseIdleBuffers())
        #expect(SSL_write(client, "GET", 3) == 3)
        var received = [UInt8](repeating: 0, count: 64)
        let step = received.withUnsafeMutableBytes { server.read(into: $0) }
        #expect(step == .done(3))
        #expect(server.releaseIdleBuffers())
        #expect(!server.releaseIdleBuffers())
    }
}
