import Testing

/// TLS 1.2 and 1.3 only, forward-secret AEAD suites only, ALPN http/1.1.
@Suite(.timeLimit(.minutes(1)))
struct TLSPolicyTests {
    /// TLS alert 70, protocol_version (RFC 8446, section 6).
    static let protocolVersionAlert = 70
    /// TLS alert 40, handshake_failure.
    static let handshakeFailureAlert = 40
    /// Lets the client offer what its own defaults forbid, so that any
    /// refusal comes from the server.
    static let anything = ["-cipher", "ALL:@SECLEVEL=0"]

    /// The server has one certificate and no virtual hosts: an unknown name
    /// or none at all gets the same handshake, and learns nothing else.
    @Test(arguments: ["unknown.example", nil])
    func anyOrNoServerNameGetsTheOneCertificate(serverName: String?) throws {
        let server = try ServerProcess.start([.https])
        defer { server.stop() }

        let usual = try TLSClient.handshake(port: server.port(.https))
        let other = try TLSClient.handshake(port: server.port(.https), serverName: serverName)

        #expect(other.version != nil)
        #expect(other.certificate != nil)
        #expect(other.certificate == usual.certificate)
    }

    @Test func refusesTLS11() throws {
        let server = try ServerProcess.start([.https])
        defer { server.stop() }

        let handshake = try TLSClient.handshake(
            port: server.port(.https), options: ["-tls1_1"] + Self.anything)

        #expect(handshake.version == nil)
        #expect(handshake.cipher == nil)
        #expect(handshake.alert == Self.protocolVersionAlert)
    }

    @Test(arguments: [("-tls1_2", "TLSv1.2"), ("-tls1_3", "TLSv1.3")])
    func acceptsModernVersionsWithALPN(option: String, version: String) throws {
        let server = try ServerProcess.start([.https])
        defer { server.stop() }

        let handshake = try TLSClient.handshake(
            port: server.port(.https), options: [option, "-alpn", "h2,http/1.1"])

        let cipher = handshake.cipher ?? ""
        #expect(handshake.version == version)
        #expect(handshake.alpn == "http/1.1")
        #expect(cipher.contains("GCM") || cipher.contains("CHACHA20"))
        #expect(version == "TLSv1.3" || cipher.hasPrefix("ECDHE-"))
    }

    /// With an RSA certificate each of these suites could be negotiated,
    /// were the server to allow it: plain RSA key exchange, CBC with or
    /// without forward secrecy.
    static let weakSuites = [
        "AES128-SHA256", "AES256-GCM-SHA384", "ECDHE-RSA-AES128-SHA256", "ECDHE-RSA-AES256-SHA",
        "DHE-RSA-AES128-SHA",
    ]

    @Test func refusesSuitesWithoutForwardSecrecyOrAEAD() throws {
        let files = try TemporaryDirectory()
        let server = try Self.startWithRSACertificate(in: files)
        defer { server.stop() }

        for suite in Self.weakSuites {
            let handshake = try TLSClient.handshake(
                port: server.port(.https), options: ["-tls1_2", "-cipher", suite + ":@SECLEVEL=0"])

            #expect(handshake.cipher == nil, "\(suite)")
            #expect(handshake.alert == Self.handshakeFailureAlert, "\(suite)")
        }
    }

    @Test func acceptsForwardSecretAEADSuiteWithRSACertificate() throws {
        let files = try TemporaryDirectory()
        let server = try Self.startWithRSACertificate(in: files)
        defer { server.stop() }

        let cipher = "ECDHE-RSA-AES128-GCM-SHA256"
        let handshake = try TLSClient.handshake(
            port: server.port(.https), options: ["-tls1_2", "-cipher", cipher])

        #expect(handshake.cipher == cipher)
    }

    static func startWithRSACertificate(in files: TemporaryDirectory) throws -> ServerProcess {
        let (certificate, key) = (files.file("rsa.crt"), files.file("rsa.key"))
        try Certificate.make(certificate: certificate, key: key, type: .rsa2048)
        return try ServerProcess.start(
            [.https], ["CertificateFile": certificate, "CertificateKeyFile": key])
    }
}
