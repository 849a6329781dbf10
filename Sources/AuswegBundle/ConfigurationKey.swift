import AuswegServer
import AuswegSite

/// One configuration key: its name and how its value is read into a
/// `Configuration`. The table below is the single list of keys; the README
/// documents each.
struct ConfigurationKey: Sendable {
    typealias Apply = @Sendable (inout Configuration, String) -> String?

    let name: String
    /// Sets the value, or returns what is wrong with it.
    let apply: Apply

    static let all = server + card

    /// The keys the server reads.
    static let server: [ConfigurationKey] = [
        listener("HTTPSPort") { $0.https = $1 },
        listener("HTTPPort") { $0.redirect = $1 },
        ConfigurationKey(name: "OnionSocket") { config, value in
            guard value.hasPrefix("/") || value == "0" else {
                return "expected an absolute path or 0"
            }
            config.onionSocket = value == "0" ? nil : value
            return nil
        },
        ConfigurationKey(name: "OnionSocketGroup") { config, value in
            guard let group = ConfigurationValue.groupID(value) else {
                return "expected the name or number of an existing group"
            }
            config.onionSocketGroup = group
            return nil
        },
        text("OnionHostnameFile") { $0.onionHostnameFile = $1 },
        text("TorConfigFile") { $0.torConfigFile = $1 },
        text("CertificateFile") { $0.certificateFile = $1 },
        text("CertificateKeyFile") { $0.certificateKeyFile = $1 },
        text("StateDir") { $0.stateDirectory = $1 },
        text("ContentDir") { $0.contentDirectory = $1 },
        text("AudioDir") { $0.audioDirectory = $1 },
        ConfigurationKey(name: "PublicURL") { config, value in
            guard let url = ConfigurationValue.publicURL(value) else {
                return "expected https://host[:port] with nothing after it"
            }
            config.site.publicURL = url
            return nil
        },
        text("ACMEWebroot") { $0.site.acmeWebroot = $1 },
        text("SiteName") { $0.site.siteName = $1 },
        ConfigurationKey(name: "ExitURL") { config, value in
            guard ConfigurationValue.isWebURL(value) else { return "expected an https:// URL" }
            config.site.exitURL = value
            return nil
        },
        ConfigurationKey(name: "HotlineNumber") { config, value in
            guard let dial = ConfigurationValue.dialString(value) else {
                return "expected a phone number: digits and one leading +, grouped by spaces,"
                    + " -, ., / or ()"
            }
            config.site.hotlineNumber = dial
            config.site.hotlineDisplay = value
            return nil
        },
        text("HotlineHours") { $0.site.hotlineHours = $1 },
        text("OperatorName") { $0.site.operatorName = $1 },
        text("OperatorAddress") { $0.site.operatorAddress = $1 },
        text("OperatorEmail") { $0.site.operatorEmail = $1 },
        duration("HandshakeTimeout") { $0.timeouts.handshake = $1 },
        duration("HeaderTimeout") { $0.timeouts.header = $1 },
        duration("IdleTimeout") { $0.timeouts.idle = $1 },
        duration("SendTimeout") { $0.timeouts.send = $1 },
        count("MaxConnections", 1...1_000_000) { $0.maxConnections = $1 },
        count("Workers", 0...256) { $0.workers = $1 },
        text("User") { $0.user = $1 },
    ]

    static func named(_ name: String) -> ConfigurationKey? {
        all.first { $0.name == name }
    }

    private static func text(
        _ name: String, _ set: @escaping @Sendable (inout Configuration, String) -> Void
    )
        -> ConfigurationKey
    {
        ConfigurationKey(name: name) { config, value in
            set(&config, value)
            return nil
        }
    }

    private static func listener(
        _ name: String, _ set: @escaping @Sendable (inout Configuration, ListenAddress?) -> Void
    ) -> ConfigurationKey {
        ConfigurationKey(name: name) { config, value in
            if value == "0" {
                set(&config, nil)
                return nil
            }
            guard let address = ListenAddress(parsing: value) else {
                return "expected address:port (a literal IP, e.g. 127.0.0.1:8443) or 0"
            }
            set(&config, address)
            return nil
        }
    }

    private static func duration(
        _ name: String, _ set: @escaping @Sendable (inout Configuration, Int) -> Void
    ) -> ConfigurationKey {
        ConfigurationKey(name: name) { config, value in
            guard let milliseconds = ConfigurationValue.milliseconds(value) else {
                return "expected a duration such as 10 seconds or 500 ms (at most one hour)"
            }
            set(&config, milliseconds)
            return nil
        }
    }

    private static func count(
        _ name: String, _ range: ClosedRange<Int>,
        _ set: @escaping @Sendable (inout Configuration, Int) -> Void
    ) -> ConfigurationKey {
        ConfigurationKey(name: name) { config, value in
            guard let number = Int(value), range.contains(number) else {
                return "expected a whole number from \(range.lowerBound) to \(range.upperBound)"
            }
            set(&config, number)
            return nil
        }
    }
}
