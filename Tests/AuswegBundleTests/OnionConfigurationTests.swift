import AuswegBundle
import Testing

@Suite struct OnionConfigurationTests {
    @Test func readsTheOnionKeys() throws {
        let overrides = [
            Override(key: "OnionSocket", value: "/run/ausweg/onion.sock", position: 2),
            Override(key: "OnionSocketGroup", value: "0", position: 4),
            Override(key: "OnionHostnameFile", value: "/var/lib/ausweg/hostname", position: 6),
            Override(key: "TorConfigFile", value: "/etc/tor/torrc.d/ausweg.conf", position: 8),
            Override(key: "HTTPSPort", value: "0", position: 10),
            Override(key: "HTTPPort", value: "0", position: 12),
        ]
        let configuration = try Configuration.load(file: nil, overrides: overrides)
        #expect(configuration.onionSocketGroup == 0)
        #expect(configuration.onionHostnameFile == "/var/lib/ausweg/hostname")
        #expect(configuration.torConfigFile == "/etc/tor/torrc.d/ausweg.conf")
        #expect(configuration.isOnionOnly)
    }

    @Test func groupIsLookedUpByName() throws {
        let overrides = [
            Override(key: "OnionSocket", value: "/run/ausweg/onion.sock", position: 2),
            Override(key: "OnionSocketGroup", value: "root", position: 4),
        ]
        #expect(try Configuration.load(file: nil, overrides: overrides).onionSocketGroup == 0)
    }

    @Test func unknownGroupIsRefused() {
        let overrides = [
            Override(key: "OnionSocket", value: "/run/ausweg/onion.sock", position: 2),
            Override(key: "OnionSocketGroup", value: "no-such-group-here", position: 4),
        ]
        #expect {
            try Configuration.load(file: nil, overrides: overrides)
        } throws: { error in
            "\(error)".hasPrefix("command line:4: OnionSocketGroup: expected the name")
        }
    }

    @Test(arguments: ["OnionSocketGroup", "TorConfigFile"])
    func onionSettingsNeedTheSocket(_ key: String) {
        let overrides = [
            Override(key: key, value: key == "TorConfigFile" ? "/x" : "0", position: 2)
        ]
        let message = "OnionSocketGroup and TorConfigFile need OnionSocket"
        #expect(throws: ConfigurationError(file: "command line", line: 0, message)) {
            try Configuration.load(file: nil, overrides: overrides)
        }
    }
}
