/// One line of an audit: which check, its verdict, what was looked at and
/// why it passed or failed.
public struct AuditFinding: Sendable, Equatable {
    public enum Verdict: String, Sendable {
        case pass = "PASS"
        case fail = "FAIL"
        case warn = "WARN"
    }

    /// A stable dotted name, such as `unit.LimitCORE` or `sysctl.core_pattern`.
    public let check: String
    public let verdict: Verdict
    /// The file, setting or process that was examined.
    public let subject: String
    public let reason: String

    public init(_ check: String, _ verdict: Verdict, _ subject: String, _ reason: String) {
        self.check = check
        self.verdict = verdict
        self.subject = subject
        self.reason = reason
    }

    static func pass(_ check: String, _ subject: String, _ reason: String) -> AuditFinding {
        AuditFinding(check, .pass, subject, reason)
    }

    static func fail(_ check: String, _ subject: String, _ reason: String) -> AuditFinding {
        AuditFinding(check, .fail, subject, reason)
    }

    static func warn(_ check: String, _ subject: String, _ reason: String) -> AuditFinding {
        AuditFinding(check, .warn, subject, reason)
    }
}
