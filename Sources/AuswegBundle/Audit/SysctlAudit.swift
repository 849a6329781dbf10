/// The kernel's core-dump settings: read from the running kernel on a live
/// host, from the sysctl files in a tree.
enum SysctlAudit {
    static let folders = ["/usr/lib/sysctl.d", "/run/sysctl.d", "/etc/sysctl.d"]
    static let discarding = ["|/bin/false", "|/usr/bin/false", "|/bin/true", "|/usr/bin/true"]

    static func run(_ host: AuditHost) -> [AuditFinding] {
        let files = SettingsFile(
            host: host,
            paths: SettingsFile.dropIns(host, folders) + ["/etc/sysctl.conf"])
        func value(_ key: String) -> (String?, String) {
            if host.isLive {
                let path = "/proc/sys/" + key.replacingDots()
                return (host.text(path)?.trimmingCharacters(), "running kernel \(key)")
            }
            return (files.last(key), "sysctl files: \(key)")
        }
        let (dumpable, dumpableSubject) = value("fs.suid_dumpable")
        let (pattern, patternSubject) = value("kernel.core_pattern")
        return [suidDumpable(dumpable, dumpableSubject), corePattern(pattern, patternSubject)]
    }

    private static func suidDumpable(_ value: String?, _ subject: String) -> AuditFinding {
        switch value {
        case "0":
            .pass("sysctl.suid_dumpable", "\(subject) = 0", "privileged processes never dump")
        case nil:
            .warn(
                "sysctl.suid_dumpable", "\(subject) unset",
                "the kernel default 0 applies; set it explicitly")
        case let other?:
            .fail(
                "sysctl.suid_dumpable", "\(subject) = \(other)",
                "expected 0: processes that changed user may dump core")
        }
    }

    private static func corePattern(_ value: String?, _ subject: String) -> AuditFinding {
        guard let value else {
            return .fail(
                "sysctl.core_pattern", "\(subject) unset",
                "expected |/bin/false: the default writes a core file into the working folder")
        }
        if discarding.contains(where: { value == $0 || value.hasPrefix($0 + " ") }) {
            return .pass("sysctl.core_pattern", "\(subject) = \(value)", "cores are discarded")
        }
        if value.hasPrefix("|") && value.contains("systemd-coredump") {
            return .warn(
                "sysctl.core_pattern", "\(subject) = \(value)",
                "cores go to systemd-coredump: safe only while its Storage is none")
        }
        return .fail(
            "sysctl.core_pattern", "\(subject) = \(value)",
            "expected |/bin/false: cores would be written to disk")
    }
}

extension String {
    /// `fs.suid_dumpable` as the path below /proc/sys.
    func replacingDots() -> String {
        String(map { $0 == "." ? "/" : $0 })
    }
}
