import Foundation

/// The findings of one testssl.sh run, from its flat JSON file
/// (`--jsonfile`): one entry per check, with testssl's own verdict.
struct TestSSLReport {
    struct Finding: Decodable {
        let id: String
        let severity: String
        let finding: String
    }

    /// Verdicts that mean testssl found something wrong.
    static let faultSeverities: Set<String> = ["LOW", "MEDIUM", "HIGH", "CRITICAL", "WARN"]

    let findings: [Finding]

    init(jsonFile: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: jsonFile))
        findings = try JSONDecoder().decode([Finding].self, from: data)
    }

    /// The finding text of check `id`, or nil when testssl did not run it.
    func finding(_ id: String) -> String? {
        findings.first { $0.id == id }?.finding
    }

    /// Every finding with a fault verdict whose check is not in `excused`.
    func faults(excusing excused: Set<String>) -> [String] {
        findings.filter { Self.faultSeverities.contains($0.severity) && !excused.contains($0.id) }
            .map { "\($0.id) \($0.severity): \($0.finding)" }
    }
}
