/// The systemd unit's sandboxing, core-dump and output settings, one
/// finding per setting that a promise depends on.
enum UnitAudit {
    static let unit = "/etc/systemd/system/ausweg.service"
    static let dropIns = "/etc/systemd/system/ausweg.service.d"

    /// A setting, what it must be, and why the promise needs it.
    struct Rule: Sendable {
        let key: String
        let expected: String
        let holds: @Sendable (SettingsFile) -> Bool
        let why: String
    }

    static let allowedFamilies: Set = ["AF_INET", "AF_INET6", "AF_UNIX"]
    static let allowedCapabilities: Set = ["CAP_NET_BIND_SERVICE"]
    static let journalOutputs: Set = ["journal", "null", "inherit", "journal+console"]

    static let rules: [Rule] = [
        Rule(
            key: "LimitCORE", expected: "0", holds: { $0.last("LimitCORE") == "0" },
            why: "no core file can hold request bytes or keys"),
        Rule(
            key: "MemorySwapMax", expected: "0", holds: { $0.last("MemorySwapMax") == "0" },
            why: "the server's memory is never written to swap"),
        Rule(
            key: "DynamicUser", expected: "yes, or a User that is not root",
            holds: { $0.isTrue("DynamicUser") || ($0.last("User").map { $0 != "root" } ?? false) },
            why: "a dedicated user that owns no files outside its own folders"),
        Rule(
            key: "NoNewPrivileges", expected: "yes", holds: { $0.isTrue("NoNewPrivileges") },
            why: "nothing the server runs can gain privileges"),
        Rule(
            key: "ProtectSystem", expected: "strict",
            holds: { $0.last("ProtectSystem") == "strict" },
            why: "the whole file system is read-only to the server"),
        Rule(
            key: "ProtectHome", expected: "yes",
            holds: { ["yes", "true", "tmpfs"].contains($0.last("ProtectHome") ?? "") },
            why: "no home folder is visible"),
        Rule(
            key: "PrivateTmp", expected: "yes", holds: { $0.isTrue("PrivateTmp") },
            why: "no shared /tmp to leave anything in"),
        Rule(
            key: "PrivateDevices", expected: "yes", holds: { $0.isTrue("PrivateDevices") },
            why: "no access to disks or terminals"),
        Rule(
            key: "MemoryDenyWriteExecute", expected: "yes",
            holds: { $0.isTrue("MemoryDenyWriteExecute") },
            why: "no memory both writable and executable, so injected code cannot run"),
        Rule(
            key: "CapabilityBoundingSet", expected: "CAP_NET_BIND_SERVICE or empty",
            holds: {
                $0.has("CapabilityBoundingSet")
                    && Set($0.words("CapabilityBoundingSet")).isSubset(of: allowedCapabilities)
            },
            why: "only binding ports 80 and 443 is privileged"),
        Rule(
            key: "AmbientCapabilities", expected: "CAP_NET_BIND_SERVICE or none",
            holds: { Set($0.words("AmbientCapabilities")).isSubset(of: allowedCapabilities) },
            why: "only binding ports 80 and 443 is privileged"),
        Rule(
            key: "RestrictAddressFamilies", expected: "AF_INET AF_INET6 AF_UNIX at most",
            holds: {
                !$0.words("RestrictAddressFamilies").isEmpty
                    && Set($0.words("RestrictAddressFamilies")).isSubset(of: allowedFamilies)
            },
            why: "no netlink or packet sockets"),
        Rule(
            key: "SystemCallFilter", expected: "an allow list",
            holds: { !$0.words("SystemCallFilter").isEmpty },
            why: "system calls outside a web server's needs are refused"),
        Rule(
            key: "StandardOutput", expected: "journal (kept in memory) or null",
            holds: { journalOutputs.contains($0.last("StandardOutput") ?? "journal") },
            why: "start-up lines go to the in-memory journal, never to a file"),
        Rule(
            key: "StandardError", expected: "journal (kept in memory) or null",
            holds: { journalOutputs.contains($0.last("StandardError") ?? "journal") },
            why: "errors go to the in-memory journal, never to a file"),
        Rule(
            key: "ExecStart", expected: "ausweg serve, with no shell or redirection",
            holds: { unit in
                guard let command = unit.last("ExecStart") else { return false }
                return command.contains("ausweg serve") && !command.contains(">")
                    && !command.contains("sh -c") && !command.contains("|")
            },
            why: "the server's own output rules hold only if nothing wraps it"),
    ]

    static func run(_ host: AuditHost) -> [AuditFinding] {
        guard host.exists(unit) else {
            return [.fail("unit", unit, "missing: the service runs without its sandbox")]
        }
        let settings = SettingsFile(host: host, main: unit, dropInFolders: [dropIns])
        let files = settings.sources.joined(separator: " + ")
        return rules.map { rule in
            let found = settings.values[rule.key]?.joined(separator: " ") ?? "unset"
            let subject = "\(files): \(rule.key)=\(found)"
            return rule.holds(settings)
                ? .pass("unit.\(rule.key)", subject, rule.why)
                : .fail("unit.\(rule.key)", subject, "expected \(rule.expected): \(rule.why)")
        }
    }
}
