import Foundation
import Testing

/// SIGHUP loads the certificate files again: new connections get the new
/// certificate, open ones keep working, and a bad pair is refused.
@Suite(.timeLimit(.minutes(1)))
struct CertificateReloadTests {
    static let reloadTimeout = 5.0

    /// Certificates A and B with their keys, and the two files the server
    /// is configured with, holding A to begin with.
    struct Files {
        let folder: TemporaryDirectory
        let certificate: String
        let key: String

        init() throws {
            folder = try TemporaryDirectory()
            certificate = folder.file("chain.pem")
            key = folder.file("key.pem")
            for name in ["a", "b"] {
                try Certificate.make(
                    certificate: folder.file(name + ".crt"), key: folder.file(name + ".key"))
            }
            try install(certificate: "a", key: "a")
        }

        /// Overwrites the configured files with certificate `name` and key
        /// `keyName`.
        func install(certificate name: String, key keyName: String) throws {
            try Data(contentsOf: URL(fileURLWithPath: folder.file(name + ".crt")))
                .write(to: URL(fileURLWithPath: certificate))
            try Data(contentsOf: URL(fileURLWithPath: folder.file(keyName + ".key")))
                .write(to: URL(fileURLWithPath: key))
        }

        func fingerprint(_ name: String) throws -> String {
            try Certificate.fingerprint(ofFile: folder.file(name + ".crt"))
        }

        var overrides: [String: String] {
            ["CertificateFile": certificate, "CertificateKeyFile": key]
        }
    }

    @Test func reloadSwitchesNewConnectionsAndKeepsOpenOnes() throws {
        let files = try Files()
        let server = try ServerProcess.start([.https], files.overrides)
        defer { server.stop() }
        let port = try server.port(.https)
        let before = try Self.peerFingerprint(port: port)
        let session = try TLSSession(port: port)
        try session.send("GET /de/1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
        _ = try session.responses(1)

        try files.install(certificate: "b", key: "b")
        server.send(signal: SIGHUP)
        let after = try Self.waitForFingerprint(files.fingerprint("b"), port: port)
        try session.send("GET /en/2 HTTP/1.1\r\nHost: localhost\r\n\r\n")
        let answers = try session.responses(2)

        #expect(try before == files.fingerprint("a"))
        #expect(try after == files.fingerprint("b"))
        #expect(answers.map(\.status) == [200, 200])
        #expect(answers.map { $0.value("Content-Language") } == ["de", "en"])
        #expect(server.outputAfterStartup == "")
    }

    @Test func reloadWithMismatchedKeyKeepsTheCurrentCertificate() throws {
        let files = try Files()
        let server = try ServerProcess.start([.https], files.overrides)
        defer { server.stop() }
        let port = try server.port(.https)
        try files.install(certificate: "b", key: "b")
        server.send(signal: SIGHUP)
        _ = try Self.waitForFingerprint(files.fingerprint("b"), port: port)

        try files.install(certificate: "b", key: "a")
        server.send(signal: SIGHUP)
        let complained = Deadline.wait(seconds: Self.reloadTimeout) {
            !server.standardError.isEmpty
        }
        let fingerprint = try Self.peerFingerprint(port: port)
        let page = try Curl(server: server).fetch("/en/")
        // Time for a second line to appear, if the server were to print one.
        usleep(200_000)
        let lines = server.standardError.split(separator: "\n", omittingEmptySubsequences: false)

        #expect(complained)
        #expect(try fingerprint == files.fingerprint("b"))
        #expect(page.status == 200)
        #expect(lines.count == 2 && lines[1].isEmpty)
        #expect(lines.first?.hasPrefix("ausweg: ") == true)
        #expect(server.isRunning)
    }

    /// Connects until a new connection shows `expected`, then returns the
    /// last fingerprint seen.
    static func waitForFingerprint(_ expected: String, port: Int) throws -> String {
        var seen = ""
        _ = try Deadline.wait(seconds: reloadTimeout) {
            seen = try peerFingerprint(port: port)
            return seen == expected
        }
        return seen
    }

    /// The fingerprint of the certificate a new connection is shown.
    static func peerFingerprint(port: Int) throws -> String {
        let handshake = try TLSClient.handshake(port: port)
        let pem = try #require(handshake.certificate)
        return try Certificate.fingerprint(ofPEM: pem)
    }
}
