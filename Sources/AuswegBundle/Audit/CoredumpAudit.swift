/// systemd-coredump, which would otherwise keep a crashed process's memory.
enum CoredumpAudit {
    static let main = "/etc/systemd/coredump.conf"
    static let folders = ["/usr/lib/systemd/coredump.conf.d", "/etc/systemd/coredump.conf.d"]

    static func run(_ host: AuditHost) -> [AuditFinding] {
        let settings = SettingsFile(host: host, main: main, dropInFolders: folders)
        let storage = settings.last("Storage") ?? "external"
        let size = settings.last("ProcessSizeMax") ?? "unset"
        return [
            storage == "none"
                ? .pass("coredump.Storage", "Storage=none", "no core is kept")
                : .fail(
                    "coredump.Storage", "Storage=\(storage)",
                    "expected none: cores would be kept in /var/lib/systemd/coredump"),
            size == "0"
                ? .pass("coredump.ProcessSizeMax", "ProcessSizeMax=0", "no core is even read")
                : .fail(
                    "coredump.ProcessSizeMax", "ProcessSizeMax=\(size)",
                    "expected 0: a core is read and summarised into the journal"),
        ]
    }
}
