import Testing

/// Configuration faults end the program with `file:line: message` and
/// status 2; a valid file passes `check-config`.
@Suite(.timeLimit(.minutes(1)))
struct ConfigurationErrorTests {
    static let usageError: Int32 = 2

    @Test(arguments: ["check-config", "serve"])
    func unknownKeyInFileNamesFileAndLine(command: String) throws {
        let files = try TemporaryDirectory()
        let config = try files.write(
            "# Ausweg\nSiteName Hilfe\n\nFrobnicate yes\nHTTPSPort 127.0.0.1:0\n",
            to: "ausweg.conf")

        let result = try Self.run([command, "--config", config, "--HTTPPort", "0"], in: files)

        #expect(result.status == Self.usageError)
        #expect(result.errorOutput.hasSuffix("\(config):4: unknown key Frobnicate\n"))
        #expect(result.errorOutput.split(separator: "\n").count == 1)
        #expect(result.text == "")
    }

    @Test func validFilePassesCheckConfig() throws {
        let files = try TemporaryDirectory()
        let config = try files.write(
            """
            # A complete configuration
            HTTPSPort 127.0.0.1:0
            HTTPPort 0
            SiteName Hilfe
            PublicURL https://hilfe.example
            ExitURL https://wetter.example/
            HotlineNumber +49 30 123 456
            HotlineHours Mo-Fr 9-17
            HeaderTimeout 3 seconds
            IdleTimeout 500 ms
            Workers 2

            """, to: "ausweg.conf")

        let result = try Self.run(["check-config", "--config", config], in: files)

        #expect(result.status == 0)
        #expect(result.errorOutput == "")
    }

    @Test(arguments: [
        ("HeaderTimeout", "soon"),
        ("HTTPSPort", "127.0.0.1:99999"),
        ("HTTPPort", "localhost:80"),
        ("MaxConnections", "0"),
        ("PublicURL", "http://hilfe.example"),
        ("ExitURL", "javascript:alert(1)"),
        ("OnionSocket", "relative.sock"),
    ])
    func badValueOnTheCommandLineExitsWithStatus2(key: String, value: String) throws {
        let files = try TemporaryDirectory()

        let result = try Self.run(["check-config", "--" + key, value], in: files)

        #expect(result.status == Self.usageError)
        #expect(result.errorOutput.contains("command line:2: \(key)"))
        #expect(result.errorOutput.split(separator: "\n").count == 1)
    }

    @Test func issuedCertificateWithoutItsChainIsRefusedWithItsFullChainAccepted() throws {
        let files = try TemporaryDirectory()
        let (leaf, chain, key) = (files.file("leaf.crt"), files.file("full.pem"), files.file("k"))
        try Certificate.makeIssued(leaf: leaf, chain: chain, key: key, in: files.path)

        let alone = try Self.run(
            ["check-config", "--CertificateFile", leaf, "--CertificateKeyFile", key], in: files)
        let full = try Self.run(
            ["check-config", "--CertificateFile", chain, "--CertificateKeyFile", key], in: files)

        #expect(alone.status == Self.usageError)
        #expect(alone.errorOutput.hasPrefix("ausweg: \(leaf): holds the certificate alone"))
        #expect(full.status == 0)
        #expect(full.errorOutput == "")
    }

    @Test func missingConfigurationFileExitsWithStatus2() throws {
        let files = try TemporaryDirectory()

        let result = try Self.run(["check-config", "--config", files.file("none.conf")], in: files)

        #expect(result.status == Self.usageError)
        #expect(result.errorOutput.contains(files.file("none.conf")))
    }

    /// Runs the binary with its state and content kept away from the
    /// package; none of these invocations may start serving.
    static func run(_ arguments: [String], in files: TemporaryDirectory) throws -> CommandResult {
        let places = [
            "--StateDir", files.file("state"), "--ContentDir", PackageLayout.contentDirectory,
        ]
        return try Command.run(PackageLayout.binary, arguments + places, timeout: 10)
    }
}
