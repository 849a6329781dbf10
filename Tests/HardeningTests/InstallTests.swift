import Foundation
import Testing

/// `install.sh --root` builds a host tree that `ausweg audit --root` passes.
@Suite struct InstallTests {
    private func install(_ root: String, _ extra: [String] = []) throws -> ProgramResult {
        try Program.run(
            ProjectLayout.installer, ["--root", root, "--binary", ProjectLayout.binary] + extra)
    }

    @Test func installedTreePassesTheAudit() throws {
        let scratch = try ScratchFolder()
        let installed = try install(scratch.path)
        #expect(installed.status == 0, "\(installed.errors)")

        let audit = try Program.run(ProjectLayout.binary, ["audit", "--root", scratch.path])
        #expect(audit.status == 0, "\(audit.output)")
        #expect(!audit.output.contains("FAIL"))
        #expect(audit.output.contains("PASS  unit.LimitCORE"))
        #expect(audit.output.contains("PASS  sysctl.core_pattern"))
        #expect(audit.output.contains(" 0 fail"))
    }

    @Test func secondRunChangesNothing() throws {
        let scratch = try ScratchFolder()
        _ = try install(scratch.path)
        let again = try install(scratch.path)
        #expect(again.status == 0)
        #expect(again.output.contains("0 change(s) made"), "\(again.output)")
    }

    @Test func operatorsConfigurationSurvivesASecondRun() throws {
        let scratch = try ScratchFolder()
        _ = try install(scratch.path)
        let config = scratch.path + "/etc/ausweg/ausweg.conf"
        try "HTTPSPort 0.0.0.0:443\n".write(toFile: config, atomically: true, encoding: .utf8)
        _ = try install(scratch.path)
        #expect(try String(contentsOfFile: config, encoding: .utf8) == "HTTPSPort 0.0.0.0:443\n")
    }

    @Test func dryRunWritesNothing() throws {
        let scratch = try ScratchFolder()
        let dry = try install(scratch.path, ["--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.output.contains("install /etc/systemd/system/ausweg.service"))
        #expect(dry.output.contains("dry run: 13 change(s) would be made"), "\(dry.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    @Test func unknownArgumentIsRefused() throws {
        let result = try Program.run(ProjectLayout.installer, ["--rooot", "/tmp"])
        #expect(result.status == 2)
        #expect(result.errors.contains("unknown argument --rooot"))
    }

    @Test func auditOfAnEmptyTreeFailsWithExitOne() throws {
        let scratch = try ScratchFolder()
        let audit = try Program.run(ProjectLayout.binary, ["audit", "--root", scratch.path])
        #expect(audit.status == 1)
        #expect(audit.output.contains("FAIL  unit: /etc/systemd/system/ausweg.service: missing"))
    }
}
