/// `ausweg audit`: checks a host, or a tree built for one, against every
/// no-log promise. It reads files and, on a live host, /proc; it changes
/// nothing.
public struct Audit: Sendable {
    public let root: String
    public let findings: [AuditFinding]

    /// Runs every check on the host at `root` ("/" for the running system),
    /// reading the ausweg configuration from `configFile` (a path on that
    /// host) or its standard place.
    public init(root: String, configFile: String? = nil) {
        let host = AuditHost(root: root)
        let (configFindings, configuration) = ConfigAudit.run(host, file: configFile)
        self.root = root
        findings =
            BinaryAudit.run(host) + ProcessAudit.run(host) + UnitAudit.run(host) + configFindings
            + WebServerAudit.run(host, configuration) + JournalAudit.run(host)
            + CoredumpAudit.run(host) + SysctlAudit.run(host) + TorAudit.run(host)
            + ConfinementAudit.run(host)
    }

    public var failed: Bool { findings.contains { $0.verdict == .fail } }

    public func count(_ verdict: AuditFinding.Verdict) -> Int {
        findings.filter { $0.verdict == verdict }.count
    }
}
