/// The AppArmor profile and the firewall that the bundle installs.
enum ConfinementAudit {
    static let profile = "/etc/apparmor.d/usr.local.bin.ausweg"
    static let firewall = "/etc/nftables.conf"
    static let loadedProfiles = "/sys/kernel/security/apparmor/profiles"

    static func run(_ host: AuditHost) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        if !host.exists(profile) {
            findings.append(.warn("apparmor", profile, "missing: the binary is not confined"))
        } else if host.isLive, let loaded = host.text(loadedProfiles),
            !loaded.contains("ausweg (enforce)")
        {
            findings.append(
                .warn("apparmor", loadedProfiles, "the profile is installed but not enforced"))
        } else {
            findings.append(
                .pass("apparmor", profile, "the binary may read and bind, nothing else"))
        }
        let rules = host.text(firewall) ?? ""
        findings.append(
            rules.contains("policy drop")
                ? .pass("nftables", firewall, "inbound and outbound traffic is dropped by default")
                : .warn(
                    "nftables", firewall, "no dropping firewall: install hardening/nftables.conf"))
        return findings
    }
}
