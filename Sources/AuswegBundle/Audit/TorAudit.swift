import Glibc

/// tor's logging, its SOCKS port, and the onion service's key folder.
enum TorAudit {
    static let quietSeverities: Set = ["notice", "warn", "err"]
    static let memoryDestinations: Set = ["syslog", "stdout", "stderr"]

    static func run(_ host: AuditHost) -> [AuditFinding] {
        guard let tor = TorConfiguration(host: host) else {
            return [.warn("tor", TorConfiguration.torrc, "missing: tor is not installed")]
        }
        return [safeLogging(tor), logging(tor), socksPort(tor)] + onionFolders(host, tor)
    }

    private static func safeLogging(_ tor: TorConfiguration) -> AuditFinding {
        let value = tor.values("SafeLogging").last ?? "1"
        return value == "1"
            ? .pass("tor.SafeLogging", "SafeLogging \(value)", "addresses are scrubbed from logs")
            : .fail(
                "tor.SafeLogging", "SafeLogging \(value)",
                "expected 1: tor would log addresses")
    }

    /// `Log notice syslog` at most: no info or debug, and no file.
    private static func logging(_ tor: TorConfiguration) -> AuditFinding {
        let lines = tor.values("Log")
        let subject =
            lines.isEmpty ? "Log unset" : lines.map { "Log \($0)" }.joined(separator: "; ")
        for line in lines {
            let words = line.split(separator: " ").map(String.init)
            let severity = words.first?.split(separator: "-").first.map(String.init) ?? ""
            let destination = words.count > 1 ? words[1] : ""
            guard quietSeverities.contains(severity) else {
                return .fail(
                    "tor.Log", subject, "expected notice or above: \(severity) is too verbose")
            }
            guard memoryDestinations.contains(destination) else {
                return .fail(
                    "tor.Log", subject, "expected syslog: \(destination) writes a file")
            }
        }
        return .pass("tor.Log", subject, "notices at most, to the in-memory journal")
    }

    private static func socksPort(_ tor: TorConfiguration) -> AuditFinding {
        let ports = tor.values("SocksPort")
        let subject =
            "SocksPort " + (ports.isEmpty ? "unset (9050)" : ports.joined(separator: ", "))
        return !ports.isEmpty && ports.allSatisfy({ $0 == "0" })
            ? .pass("tor.SocksPort", subject, "tor acts as no client on this host")
            : .warn("tor.SocksPort", subject, "expected 0: this host needs no tor client")
    }

    /// The onion key folder must be tor's alone: mode 0700.
    private static func onionFolders(_ host: AuditHost, _ tor: TorConfiguration)
        -> [AuditFinding]
    {
        let folders = tor.values("HiddenServiceDir")
        guard !folders.isEmpty else {
            return [.warn("tor.onionDirectory", "HiddenServiceDir unset", "no onion service")]
        }
        return folders.map { folder in
            guard let mode = host.mode(folder) else {
                return .warn(
                    "tor.onionDirectory", "\(folder): not created yet",
                    "tor creates it with mode 0700 at its first start")
            }
            let bits = String(mode & 0o777, radix: 8)
            return mode & 0o077 == 0
                ? .pass(
                    "tor.onionDirectory", "\(folder): mode \(bits)", "the onion key is tor's alone")
                : .fail(
                    "tor.onionDirectory", "\(folder): mode \(bits)",
                    "expected 700: others can read the onion service's key")
        }
    }
}
