import Foundation
import Testing

/// What the server says when it starts, the socket it makes for tor, and
/// how it stops.
@Suite(.timeLimit(.minutes(1)))
struct StartupTests {
    @Test func printsOneLinePerListener() throws {
        let server = try ServerProcess.start([.https, .http, .onion])
        defer { server.stop() }

        let counts = server.startup.counts
        let notes = server.startup.notes
        let socket = server.directory.file("onion.sock")

        #expect(counts == [.https: 1, .http: 1, .onion: 1])
        #expect(try server.endpoint(.onion) == .unixSocket(path: socket))
        #expect(notes.allSatisfy { $0.hasPrefix("ausweg: ") })
        #expect(server.standardError == "")
    }

    @Test func onionSocketIsOpenToOwnerAndGroupOnly() throws {
        let server = try ServerProcess.start([.onion])
        defer { server.stop() }

        let attributes = try FileManager.default.attributesOfItem(
            atPath: server.directory.file("onion.sock"))

        #expect(attributes[.type] as? FileAttributeType == .typeSocket)
        #expect(attributes[.posixPermissions] as? Int == 0o660)
    }

    @Test func createsASelfSignedCertificateForLocalhost() throws {
        let server = try ServerProcess.start([.https])
        defer { server.stop() }

        let certificate = try #require(server.generatedCertificate)
        let text = try Command.succeed(
            "openssl", ["x509", "-in", certificate, "-noout", "-subject", "-ext", "subjectAltName"]
        ).text
        let served = try TLSClient.handshake(port: server.port(.https))
        let servedFingerprint = try Certificate.fingerprint(ofPEM: served.certificate ?? "")

        #expect(text.contains("CN = localhost"))
        #expect(text.contains("DNS:localhost"))
        #expect(try servedFingerprint == Certificate.fingerprint(ofFile: certificate))
    }

    @Test func exitsWithStatus0OnSIGTERM() throws {
        let server = try ServerProcess.start([.https, .onion])

        let status = server.stop()

        #expect(status == 0)
        #expect(server.outputAfterStartup == "")
    }
}
