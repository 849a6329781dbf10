import Foundation
import Testing

/// One way an installed tree can break a no-log promise: the file it
/// changes (made if missing), how, and the audit line that must name it.
struct AuditFault: Sendable, CustomTestStringConvertible {
    let name: String
    let file: String
    let change: @Sendable (String) -> String
    let failure: String

    var testDescription: String { name }

    static let unit = "/etc/systemd/system/ausweg.service"

    static func replacing(
        _ name: String, _ file: String, _ old: String, _ new: String, failure: String
    ) -> AuditFault {
        AuditFault(
            name: name, file: file,
            change: { text in
                precondition(text.contains(old), "\(file) has no \(old)")
                return text.replacingOccurrences(of: old, with: new)
            }, failure: failure)
    }

    static func writing(_ name: String, _ file: String, _ text: String, failure: String)
        -> AuditFault
    {
        AuditFault(name: name, file: file, change: { _ in text }, failure: failure)
    }

    static let all: [AuditFault] = [
        replacing(
            "core dumps allowed", unit, "LimitCORE=0", "LimitCORE=infinity",
            failure: "FAIL  unit.LimitCORE: \(unit): LimitCORE=infinity: expected 0"),
        replacing(
            "writable system", unit, "ProtectSystem=strict", "ProtectSystem=full",
            failure: "FAIL  unit.ProtectSystem:"),
        replacing(
            "output to a file", unit, "StandardOutput=journal",
            "StandardOutput=append:/var/log/ausweg.log",
            failure: "FAIL  unit.StandardOutput:"),
        replacing(
            "wrapped in a shell", unit, "ExecStart=/usr/local/bin/ausweg serve",
            "ExecStart=/bin/sh -c '/usr/local/bin/ausweg serve >>/var/log/a'",
            failure: "FAIL  unit.ExecStart:"),
        writing(
            "drop-in undoing W^X", "/etc/systemd/system/ausweg.service.d/local.conf",
            "[Service]\nMemoryDenyWriteExecute=no\n",
            failure:
                "FAIL  unit.MemoryDenyWriteExecute: \(unit)"
                + " + /etc/systemd/system/ausweg.service.d/local.conf:"),
        replacing(
            "journal on disk", "/etc/systemd/journald.conf.d/ausweg.conf",
            "Storage=volatile", "Storage=persistent",
            failure: "FAIL  journald.Storage: Storage=persistent"),
        replacing(
            "journal copied to syslog", "/etc/systemd/journald.conf.d/ausweg.conf",
            "ForwardToSyslog=no", "ForwardToSyslog=yes",
            failure: "FAIL  journald.ForwardToSyslog:"),
        replacing(
            "cores kept", "/etc/systemd/coredump.conf.d/ausweg.conf", "Storage=none",
            "Storage=external", failure: "FAIL  coredump.Storage: Storage=external"),
        writing(
            "core pattern overridden", "/etc/sysctl.d/99-local.conf",
            "kernel.core_pattern = core\n",
            failure: "FAIL  sysctl.core_pattern: sysctl files: kernel.core_pattern = core"),
        writing(
            "set-uid processes dump", "/etc/sysctl.conf", "fs.suid_dumpable = 2\n",
            failure: "FAIL  sysctl.suid_dumpable: sysctl files: fs.suid_dumpable = 2"),
        replacing(
            "tor logs addresses", "/etc/tor/torrc.d/ausweg.conf", "SafeLogging 1",
            "SafeLogging 0", failure: "FAIL  tor.SafeLogging: SafeLogging 0"),
        replacing(
            "tor logs to a file", "/etc/tor/torrc.d/ausweg.conf", "Log notice syslog",
            "Log info file /var/log/tor/log",
            failure: "FAIL  tor.Log: Log info file /var/log/tor/log"),
        writing(
            "nginx logs our port", "/etc/nginx/sites-enabled/front",
            "server {\n  listen 443 ssl;\n  access_log /var/log/nginx/front.log;\n}\n",
            failure: "FAIL  webservers.nginx: /etc/nginx/sites-enabled/front:"),
        replacing(
            "serving as root", "/etc/ausweg/ausweg.conf", "StateDir /var/lib/ausweg",
            "StateDir /var/lib/ausweg\nUser root", failure: "FAIL  config.User:"),
        replacing(
            "unknown logging key", "/etc/ausweg/ausweg.conf", "StateDir /var/lib/ausweg",
            "StateDir /var/lib/ausweg\nAccessLog /var/log/ausweg.log",
            failure: "FAIL  config: /etc/ausweg/ausweg.conf: does not load:"),
    ]
}

/// `ausweg audit --root` on a tree that install.sh built, after one fault
/// was put in: it must exit 1 and name the fault in one FAIL line.
@Suite struct AuditFaultTests {
    private func installedTree() throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        let installed = try Program.run(
            ProjectLayout.installer, ["--root", scratch.path, "--binary", ProjectLayout.binary])
        #expect(installed.status == 0, "\(installed.errors)")
        return scratch
    }

    private func audit(_ tree: ScratchFolder) throws -> (status: Int32, fails: [String]) {
        let audit = try Program.run(ProjectLayout.binary, ["audit", "--root", tree.path])
        let fails = audit.output.split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix("FAIL") }
        return (audit.status, fails)
    }

    @Test(arguments: AuditFault.all) func faultFailsTheAudit(_ fault: AuditFault) throws {
        let tree = try installedTree()
        let path = tree.path + fault.file
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        let before = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        try fault.change(before).write(toFile: path, atomically: true, encoding: .utf8)

        let (status, fails) = try audit(tree)
        #expect(status == 1)
        #expect(fails.count == 1, "\(fails)")
        #expect(fails.first?.hasPrefix(fault.failure) == true, "\(fails)")
    }

    @Test func onionKeyFolderOthersCanReadFailsTheAudit() throws {
        let tree = try installedTree()
        let folder = tree.path + "/var/lib/tor/ausweg"
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])

        let (status, fails) = try audit(tree)
        #expect(status == 1)
        #expect(
            fails == [
                "FAIL  tor.onionDirectory: /var/lib/tor/ausweg/: mode 755: "
                    + "expected 700: others can read the onion service's key"
            ])
    }

    @Test func missingBinaryFailsTheAudit() throws {
        let tree = try installedTree()
        unlink(tree.path + "/usr/local/bin/ausweg")

        let (status, fails) = try audit(tree)
        #expect(status == 1)
        #expect(
            fails == [
                "FAIL  binary: /usr/local/bin/ausweg: missing or unreadable: nothing to audit"
            ])
    }
}
