import Foundation
import Testing

/// The bundle's files as their own tools read them: systemd's exposure
/// score, AppArmor's parser and nftables' checker.
@Suite struct BundleValidationTests {
    /// An internet-facing listener keeps PrivateNetwork (0.5), internet
    /// sockets (0.3) and an open IP address list (0.2) exposed: 1.4 is the
    /// floor for the clearnet unit without socket activation.
    static let clearnetExposure = 1.4
    static let onionOnlyExposure = 1.0

    private func exposure(_ extra: [String]) throws -> Double {
        let scratch = try ScratchFolder()
        let installed = try Program.run(
            ProjectLayout.installer,
            ["--root", scratch.path, "--binary", ProjectLayout.binary] + extra)
        #expect(installed.status == 0, "\(installed.errors)")
        let result = try Program.run(
            "systemd-analyze",
            ["security", "--offline=true", "--root=\(scratch.path)", "ausweg.service"])
        let marker = "Overall exposure level for ausweg.service: "
        guard let line = result.output.split(separator: "\n").first(where: { $0.contains(marker) }),
            let number = line.components(separatedBy: marker).last?.split(separator: " ").first,
            let score = Double(number)
        else {
            Issue.record("no exposure line: \(result.output.suffix(300)) \(result.errors)")
            return 10
        }
        return score
    }

    @Test func clearnetUnitExposureStaysAtItsFloor() throws {
        #expect(try exposure([]) <= Self.clearnetExposure)
    }

    @Test func onionOnlyUnitExposureIsAtMostOne() throws {
        #expect(try exposure(["--onion-only"]) <= Self.onionOnlyExposure)
    }

    @Test func appArmorProfileParses() throws {
        let profile = ProjectLayout.hardening + "/apparmor/usr.local.bin.ausweg"
        let result = try Program.run("apparmor_parser", ["-Q", "-K", profile])
        #expect(result.status == 0, "\(result.errors)")
    }

    @Test func appArmorParserRejectsABrokenProfile() throws {
        let scratch = try ScratchFolder()
        let text = try String(
            contentsOfFile: ProjectLayout.hardening + "/apparmor/usr.local.bin.ausweg",
            encoding: .utf8)
        try scratch.write(
            "broken", text.replacingOccurrences(of: "/etc/ausweg/ r,", with: "/etc/ausweg/ r"))
        let result = try Program.run("apparmor_parser", ["-Q", "-K", scratch.file("broken")])
        #expect(result.status != 0)
    }

    /// `nft -c` asks the kernel to check the rules without applying them,
    /// which needs CAP_NET_ADMIN: a new user and network namespace gives it
    /// to an unprivileged user and keeps the host's own rules out of reach.
    /// nft also looks up the user names in `meta skuid` rules; where tor is
    /// not installed, root stands in for debian-tor.
    private func checkRuleset(_ text: String) throws -> ProgramResult {
        let scratch = try ScratchFolder()
        let torUser = getpwnam("debian-tor") != nil ? "debian-tor" : "root"
        try scratch.write(
            "nftables.conf",
            text.replacingOccurrences(of: "\"debian-tor\"", with: "\"\(torUser)\""))
        return try Program.run(
            "unshare",
            ["--map-root-user", "--net", "nft", "-c", "-f", scratch.file("nftables.conf")])
    }

    private var ruleset: String {
        get throws {
            try String(contentsOfFile: ProjectLayout.hardening + "/nftables.conf", encoding: .utf8)
        }
    }

    @Test func nftablesRulesetChecks() throws {
        let result = try checkRuleset(try ruleset)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors == "")
    }

    @Test func nftablesCheckerRejectsABrokenRuleset() throws {
        let result = try checkRuleset(
            try ruleset.replacingOccurrences(of: "policy drop;", with: "policy dropp;"))
        #expect(result.status != 0)
        #expect(result.errors.contains("dropp"))
    }

    @Test func nftablesRulesetLogsNothing() throws {
        let rules = try ruleset.split(separator: "\n").filter { !$0.contains("#") }
        #expect(rules.filter { $0.split(separator: " ").contains("log") } == [])
    }

    @Test func installerPassesShellcheck() throws {
        let result = try Program.run("shellcheck", ["--shell=sh", ProjectLayout.installer])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "")
    }

    /// systemd's own parser, on the unit and its onion-only drop-in side by
    /// side, with the binary path pointing at the build so that systemd
    /// finds an executable: it warns about any key or value it does not
    /// know, which the exposure score would silently ignore.
    private func verifyUnit(dropIn: (String) -> String = { $0 }) throws -> ProgramResult {
        let scratch = try ScratchFolder()
        let unit = try String(
            contentsOfFile: ProjectLayout.hardening + "/systemd/ausweg.service", encoding: .utf8)
        try scratch.write(
            "ausweg.service",
            unit.replacingOccurrences(of: "/usr/local/bin/ausweg", with: ProjectLayout.binary))
        mkdir(scratch.file("ausweg.service.d"), 0o700)
        let onion = try String(
            contentsOfFile: ProjectLayout.hardening + "/systemd/onion-only.conf", encoding: .utf8)
        try scratch.write("ausweg.service.d/onion-only.conf", dropIn(onion))
        return try Program.run("systemd-analyze", ["verify", scratch.file("ausweg.service")])
    }

    @Test func unitPassesSystemdVerify() throws {
        let result = try verifyUnit()
        #expect(result.status == 0)
        #expect(result.errors == "")
    }

    @Test func systemdVerifyNamesAMistypedKey() throws {
        let result = try verifyUnit {
            $0.replacingOccurrences(of: "PrivateNetwork=", with: "PrivateNetwrk=")
        }
        #expect(result.errors.contains("Unknown key 'PrivateNetwrk'"), "\(result.errors)")
    }
}
