import AuswegBundle
import AuswegServer
import Foundation
import TestSupport
import Testing

@Suite struct ConfigurationTests {
    private let scratch: ScratchFolder

    init() throws {
        scratch = try ScratchFolder("conf")
    }

    private func file(_ text: String) throws -> String {
        try scratch.write(text, to: "\(UUID().uuidString).conf")
    }

    @Test func defaultsServeHTTPSOnLoopback() throws {
        let configuration = try Configuration.load(file: nil, overrides: [])
        #expect(configuration.https == ListenAddress(host: "127.0.0.1", port: 8443))
        #expect(configuration.redirect == ListenAddress(host: "127.0.0.1", port: 8080))
        #expect(configuration.onionSocket == nil)
        #expect(configuration.contentDirectory == "content")
        #expect(configuration.site.hotlineNumber == nil)
    }

    @Test func readsKeysCommentsAndBlankLines() throws {
        let path = try file(
            """
            # an operator's file
            HTTPSPort [::1]:443

            HotlineNumber +49 800 123-4567
            HeaderTimeout 5 seconds
            IdleTimeout 500 ms
            OnionSocket /run/ausweg/onion.sock
            """)
        let configuration = try Configuration.load(file: path, overrides: [])
        #expect(configuration.https == ListenAddress(host: "::1", port: 443))
        #expect(configuration.site.hotlineNumber == "+498001234567")
        #expect(configuration.site.hotlineDisplay == "+49 800 123-4567")
        #expect(configuration.timeouts.header == 5000)
        #expect(configuration.timeouts.idle == 500)
        #expect(configuration.onionSocket == "/run/ausweg/onion.sock")
    }

    @Test func commandLineOverridesTheFile() throws {
        let path = try file("SiteName Notizen\n")
        let invocation = try Invocation(arguments: ["--config", path, "--SiteName", "Info"])
        let configuration = try Configuration.load(
            file: invocation.configFile, overrides: invocation.overrides)
        #expect(configuration.site.siteName == "Info")
    }

    @Test func repeatedCommandLineKeyIsRefused() throws {
        let invocation = try Invocation(arguments: ["--SiteName", "a", "--SiteName", "b"])
        #expect(
            throws: ConfigurationError(
                file: "command line", line: 3, "SiteName already set on argument 1")
        ) {
            try Configuration.load(file: nil, overrides: invocation.overrides)
        }
    }

    @Test func repeatedConfigFileIsRefused() {
        #expect(throws: ConfigurationError(file: "command line", line: 3, "--config given twice")) {
            try Invocation(arguments: ["--config", "a.conf", "--config", "b.conf"])
        }
    }

    @Test(arguments: [
        ("+49 (0) 30 123 456", "+4930123456"),
        ("(030) 123 456", "030123456"),
        ("+1 (212) 555-0100", "+12125550100"),
        ("08000 116 016", "08000116016"),
    ])
    func hotlineIsDialledAsWritten(_ written: String, _ dialled: String) throws {
        let configuration = try Configuration.load(
            file: nil, overrides: [Override(key: "HotlineNumber", value: written, position: 2)])
        #expect(configuration.site.hotlineNumber == dialled)
        #expect(configuration.site.hotlineDisplay == written)
    }

    @Test func unknownKeyNamesFileAndLine() throws {
        let path = try file("# comment\nSiteName x\nColour blue\n")
        #expect(throws: ConfigurationError(file: path, line: 3, "unknown key Colour")) {
            try Configuration.load(file: path, overrides: [])
        }
    }

    @Test func repeatedKeyIsRefused() throws {
        let path = try file("SiteName a\nSiteName b\n")
        #expect(
            throws: ConfigurationError(file: path, line: 2, "SiteName already set on line 1")
        ) {
            try Configuration.load(file: path, overrides: [])
        }
    }

    @Test(arguments: [
        ("HTTPSPort localhost:443", "HTTPSPort: expected address:port"),
        ("HTTPPort 127.0.0.1:99999", "HTTPPort: expected address:port"),
        ("HotlineNumber call us", "HotlineNumber: expected a phone number"),
        ("ExitURL http://example.org", "ExitURL: expected an https:// URL"),
        ("ExitURL https://x.example/\"onload=", "ExitURL: expected an https:// URL"),
        ("PublicURL https://x.example/path", "PublicURL: expected https://host"),
        ("HeaderTimeout soon", "HeaderTimeout: expected a duration"),
        ("MaxConnections 0", "MaxConnections: expected a whole number"),
        ("OnionSocket relative.sock", "OnionSocket: expected an absolute path"),
        ("SiteName", "SiteName needs a value"),
    ])
    func badValueNamesItsLine(_ line: String, _ message: String) throws {
        let path = try file("# first\n\(line)\n")
        #expect {
            try Configuration.load(file: path, overrides: [])
        } throws: { error in
            "\(error)".hasPrefix("\(path):2: \(message)")
        }
    }

    @Test func missingFileIsReported() {
        #expect {
            try Configuration.load(file: "/nonexistent/ausweg.conf", overrides: [])
        } throws: { error in
            "\(error)" == "/nonexistent/ausweg.conf: No such file or directory"
        }
    }

    @Test func certificateWithoutKeyIsRefused() throws {
        let path = try file("CertificateFile /etc/ssl/a.pem\n")
        #expect(
            throws: ConfigurationError(
                file: path, line: 0, "CertificateFile and CertificateKeyFile go together")
        ) {
            try Configuration.load(file: path, overrides: [])
        }
    }

    @Test func noListenerAtAllIsRefused() {
        let overrides = [
            Override(key: "HTTPSPort", value: "0", position: 2),
            Override(key: "HTTPPort", value: "0", position: 4),
        ]
        #expect(throws: ConfigurationError.self) {
            try Configuration.load(file: nil, overrides: overrides)
        }
    }

    @Test func badCommandLineValueIsReportedByPosition() throws {
        let invocation = try Invocation(arguments: ["serve", "--Workers", "many"])
        #expect(
            throws: ConfigurationError(
                file: "command line", line: 2, "Workers: expected a whole number from 0 to 256")
        ) {
            try Configuration.load(file: nil, overrides: invocation.overrides)
        }
    }

    @Test func invocationParsesCommandAndRefusesStrayArguments() throws {
        #expect(try Invocation(arguments: ["check-config"]).command == .checkConfig)
        #expect(try Invocation(arguments: []).command == .serve)
        #expect(throws: ConfigurationError.self) { try Invocation(arguments: ["frobnicate"]) }
        #expect(throws: ConfigurationError.self) { try Invocation(arguments: ["--SiteName"]) }
        #expect(throws: ConfigurationError.self) { try Invocation(arguments: ["serve", "x"]) }
    }
}
