import Testing

/// testssl.sh (Debian's package) against the HTTPS listener, offline: no
/// DNS lookup (`--nodns none`, `--ip`), no CRL or OCSP fetch (it only
/// phones out with `--phone-out`).
@Suite(.serialized) struct TLSScanTests {
    static let scanTimeout = 240.0
    /// Protocols, cipher categories, forward secrecy, server defaults
    /// (session resumption), renegotiation, compression (CRIME).
    static let checks = ["-p", "-s", "-f", "-S", "-R", "-C"]
    /// Faults of the test set-up, not of the server: the local openssl has
    /// no GOST engine, and the certificate the server made for itself is
    /// self-signed and names no CRL or OCSP responder (a CA's certificate
    /// brings both).
    static let excused: Set<String> = ["engine_problem", "cert_chain_of_trust", "cert_revocation"]

    @Test func testsslFindsNoWeakProtocolCipherCompressionRenegotiationOrResumption() throws {
        let server = try ServerProcess.start([.https])
        defer { server.stop() }
        let report = server.directory.file("testssl.json")
        let options = [
            "--quiet", "--color", "0", "--warnings", "off", "--nodns", "none",
            "--ip", "127.0.0.1", "--connect-timeout", "10", "--openssl-timeout", "10",
            "--jsonfile", report,
        ]
        let target = "localhost:\(try server.port(.https))"
        _ = try Command.run(
            "testssl", options + Self.checks + [target], timeout: Self.scanTimeout)
        let findings = try TestSSLReport(jsonFile: report)

        #expect(findings.faults(excusing: Self.excused) == [])
        let notOffered = [
            "SSLv2", "SSLv3", "TLS1", "TLS1_1", "cipherlist_NULL", "cipherlist_aNULL",
            "cipherlist_EXPORT", "cipherlist_LOW", "cipherlist_3DES_IDEA", "cipherlist_AVERAGE",
        ]
        for id in notOffered {
            #expect(findings.finding(id) == "not offered", "\(id)")
        }
        #expect(findings.finding("TLS1_2") == "offered")
        #expect(findings.finding("TLS1_3") == "offered with final")
        #expect(findings.finding("ALPN") == "http/1.1")
        #expect(findings.finding("PFS") == "offered")
        #expect(findings.finding("CRIME_TLS") == "not vulnerable")
        #expect(findings.finding("secure_client_renego") == "not vulnerable")
        #expect(findings.finding("sessionresumption_ticket") == "not supported")
        #expect(findings.finding("sessionresumption_ID") == "No Session ID, no resumption")
        #expect(server.outputAfterStartup == "")
    }
}
