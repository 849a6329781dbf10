/// Where journald keeps what services print: in memory only, handed to no
/// syslog daemon that would write it to disk.
enum JournalAudit {
    static let main = "/etc/systemd/journald.conf"
    static let folders = ["/usr/lib/systemd/journald.conf.d", "/etc/systemd/journald.conf.d"]
    static let persistentFolder = "/var/log/journal"
    static let syslogDaemons = ["/usr/sbin/rsyslogd", "/usr/sbin/syslog-ng"]

    static func run(_ host: AuditHost) -> [AuditFinding] {
        let settings = SettingsFile(host: host, main: main, dropInFolders: folders)
        let storage = settings.last("Storage") ?? "auto"
        var findings: [AuditFinding] = []
        findings.append(
            ["volatile", "none"].contains(storage)
                ? .pass("journald.Storage", "Storage=\(storage)", "the journal lives in memory")
                : .fail(
                    "journald.Storage", "Storage=\(storage)",
                    "expected volatile: the journal would be written to \(persistentFolder)"))
        findings.append(
            settings.isTrue("ForwardToSyslog")
                ? .fail(
                    "journald.ForwardToSyslog", "ForwardToSyslog=yes",
                    "every journal line is handed to syslog, which writes files")
                : .pass("journald.ForwardToSyslog", "ForwardToSyslog=no", "no copy to syslog"))
        let old = host.files(under: persistentFolder, depth: 2)
        findings.append(
            old.isEmpty
                ? .pass("journald.oldFiles", persistentFolder, "no journal files on disk")
                : .warn(
                    "journald.oldFiles", "\(persistentFolder): \(old.count) files",
                    "journal files from before remain on disk: delete them"))
        let daemons = syslogDaemons.filter { host.exists($0) }
        findings.append(
            daemons.isEmpty
                ? .pass("journald.syslogDaemon", "no syslog daemon", "nothing writes /var/log")
                : .warn(
                    "journald.syslogDaemon", daemons.joined(separator: " "),
                    "a syslog daemon is installed and may write /var/log: remove it"))
        return findings
    }
}
