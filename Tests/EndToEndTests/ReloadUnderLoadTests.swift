import Foundation
import Testing

/// Fifty certificate reloads (SIGHUP) while wrk loads the HTTPS listener,
/// one of them with a broken certificate: no request fails, each good
/// reload is seen by the next handshake, the broken one keeps the current
/// certificate and prints one line.
@Suite(.serialized) struct ReloadUnderLoadTests {
    static let reloads = 50
    static let brokenReload = 25
    /// Upper bound of the load; wrk is stopped once the reloads are done.
    static let loadSeconds = 120
    static let reloadTimeout = 5.0

    @Test func fiftyReloadsUnderLoadFailNoRequestAndABrokenCertificateKeepsTheOldOne() throws {
        let files = try CertificateReloadTests.Files()
        let server = try ServerProcess.start([.https], files.overrides)
        defer { server.stop() }
        let port = try server.port(.https)
        let url = "https://127.0.0.1:\(port)/de/1"
        // Each request on a new connection meets the current certificate;
        // kept-alive ones carry on across reloads.
        let handshaking = try Wrk(
            url: url, connections: 2, seconds: Self.loadSeconds, headers: ["Connection: close"])
        let keptAlive = try Wrk(url: url, connections: 2, seconds: Self.loadSeconds)

        var installed = "a"
        var expected: [String] = []
        var shown: [String] = []
        var complained = false
        var shownAfterBroken = ""
        for reload in 1...Self.reloads {
            if reload == Self.brokenReload {
                try files.installTruncatedCertificate()
                server.send(signal: SIGHUP)
                complained = Deadline.wait(seconds: Self.reloadTimeout) {
                    !server.standardError.isEmpty
                }
                shownAfterBroken = try CertificateReloadTests.peerFingerprint(port: port)
                continue
            }
            installed = installed == "a" ? "b" : "a"
            try files.install(certificate: installed, key: installed)
            server.send(signal: SIGHUP)
            expected.append(try files.fingerprint(installed))
            shown.append(
                try CertificateReloadTests.waitForFingerprint(expected.last ?? "", port: port))
        }
        let loads = [try handshaking.stop(), try keptAlive.stop()]
        let lines = server.standardError.split(separator: "\n", omittingEmptySubsequences: false)

        #expect(shown == expected)
        #expect(complained)
        // Reload 24 installed "a"; the broken one left it in place.
        #expect(try shownAfterBroken == files.fingerprint("a"))
        #expect(lines.count == 2 && lines[0].hasPrefix("ausweg: ") && lines[1].isEmpty)
        for load in loads {
            #expect(load.socketErrors == nil)
            #expect(load.failedAnswers == 0)
            #expect(load.requests >= 100, "\(load.requests) requests")
        }
        #expect(server.isRunning)
    }
}

extension CertificateReloadTests.Files {
    /// Overwrites the configured certificate with the first half of
    /// certificate "b", a PEM block cut off in the middle.
    func installTruncatedCertificate() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: folder.file("b.crt")))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: certificate))
    }
}
