/// The server's own configuration: it must load with the server's parser,
/// which knows no key that prints anything per request, and must not run
/// the server as root.
enum ConfigAudit {
    static let standardPath = "/etc/ausweg/ausweg.conf"

    /// The findings, and the configuration when it loaded, for the checks
    /// that need its ports.
    static func run(_ host: AuditHost, file: String?) -> ([AuditFinding], Configuration?) {
        let path = file ?? standardPath
        guard host.exists(path) else {
            return ([.fail("config", path, "missing: the service cannot start")], nil)
        }
        let configuration: Configuration
        do {
            configuration = try Configuration.load(file: host.path(path), overrides: [])
        } catch {
            return ([.fail("config", path, "does not load: \(error.description)")], nil)
        }
        var findings = [
            AuditFinding.pass(
                "config.noRequestOutput", path,
                "loads with the server's parser, which has no key that prints per request")
        ]
        if configuration.user == "root" {
            findings.append(
                .fail("config.User", "\(path): User root", "the server must not serve as root"))
        }
        return (findings, configuration)
    }
}
