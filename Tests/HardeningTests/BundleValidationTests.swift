import Foundation
import Testing

/// The bundle's files as their own tools read them: systemd's exposure
/// score, AppArmor's parser and nftables' checker.
@Suite struct BundleValidationTests {
    /// With the ports passed in by the socket units the service has no
    /// network of its own; what is left is the host's root directory, unix
    /// sockets (for the onion) and the clock device that ProtectClock=
    /// still allows, 0.1 each, which systemd rounds to 0.2.
    static let clearnetExposure = 0.2
    static let onionOnlyExposure = 0.2

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

    @Test func clearnetUnitExposureStaysAtItsFloorWithTheSocketUnits() throws {
        #expect(try exposure([]) <= Self.clearnetExposure)
    }

    @Test func onionOnlyUnitExposureStaysAtItsFloor() throws {
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

    /// systemd's own parser, on the service and its two socket units side by
    /// side, with the binary path pointing at the build so that systemd
    /// finds an executable: it warns about any key or value it does not
    /// know, which the exposure score would silently ignore.
    private func verifyUnits(edit: (String) -> String = { $0 }) throws -> ProgramResult {
        let scratch = try ScratchFolder()
        let names = ["ausweg.service", "ausweg-https.socket", "ausweg-http.socket"]
        for name in names {
            let text = try String(
                contentsOfFile: ProjectLayout.hardening + "/systemd/" + name, encoding: .utf8)
            let built = text.replacingOccurrences(
                of: "/usr/local/bin/ausweg", with: ProjectLayout.binary)
            try scratch.write(name, edit(built))
        }
        return try Program.run("systemd-analyze", ["verify"] + names.map(scratch.file))
    }

    @Test func unitsPassSystemdVerify() throws {
        let result = try verifyUnits()
        #expect(result.status == 0)
        #expect(result.errors == "")
    }

    @Test func systemdVerifyNamesAMistypedKey() throws {
        let result = try verifyUnits {
            $0.replacingOccurrences(of: "PrivateNetwork=", with: "PrivateNetwrk=")
        }
        #expect(result.errors.contains("Unknown key 'PrivateNetwrk'"), "\(result.errors)")
    }

    @Test func systemdVerifyNamesAMistypedSocketKey() throws {
        let result = try verifyUnits {
            $0.replacingOccurrences(of: "FileDescriptorName=", with: "FileDescriptorNam=")
        }
        #expect(result.errors.contains("Unknown key 'FileDescriptorNam'"), "\(result.errors)")
    }

    /// Each socket unit hands its socket to the service under the name the
    /// server maps to a listener, on the port of the shipped configuration.
    @Test func socketUnitsNameTheirSocketsAsTheServerExpects() throws {
        let folder = ProjectLayout.hardening + "/systemd/"
        let https = try String(contentsOfFile: folder + "ausweg-https.socket", encoding: .utf8)
        let http = try String(contentsOfFile: folder + "ausweg-http.socket", encoding: .utf8)
        let config = try String(
            contentsOfFile: ProjectLayout.hardening + "/config/ausweg.conf", encoding: .utf8)
        let settings = { (text: String) in
            text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        }
        #expect(settings(https).contains("ListenStream=443"))
        #expect(settings(https).contains("FileDescriptorName=https"))
        #expect(settings(http).contains("ListenStream=80"))
        #expect(settings(http).contains("FileDescriptorName=http"))
        #expect(settings(config).contains("HTTPSPort 0.0.0.0:443"))
        #expect(settings(config).contains("HTTPPort 0.0.0.0:80"))
        let service = try String(contentsOfFile: folder + "ausweg.service", encoding: .utf8)
        #expect(settings(service).contains("Sockets=ausweg-https.socket ausweg-http.socket"))
    }
}
