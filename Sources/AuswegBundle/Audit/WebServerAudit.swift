/// Other web servers on the host: none may sit in front of Ausweg's ports
/// or socket with an access log, which would record every visitor.
enum WebServerAudit {
    /// A web server's configuration folder, the directives with which it
    /// listens on or forwards to a port (none: any line may), and how to
    /// tell, in one file, that access logging is on or off.
    struct Server: Sendable {
        let name: String
        let folder: String
        let portDirectives: [String]
        let logsByDefault: Bool
        let logOn: [String]
        let logOff: [String]
    }

    static let servers = [
        Server(
            name: "nginx", folder: "/etc/nginx",
            portDirectives: ["listen", "proxy_pass", "server ", "grpc_pass"], logsByDefault: true,
            logOn: ["access_log"],
            logOff: ["access_log off"]),
        Server(
            name: "apache", folder: "/etc/apache2",
            portDirectives: ["Listen", "<VirtualHost", "ProxyPass"], logsByDefault: false,
            logOn: ["CustomLog", "TransferLog"], logOff: ["CustomLog /dev/null"]),
        Server(
            name: "httpd", folder: "/etc/httpd",
            portDirectives: ["Listen", "<VirtualHost", "ProxyPass"], logsByDefault: false,
            logOn: ["CustomLog", "TransferLog"], logOff: ["CustomLog /dev/null"]),
        Server(
            name: "caddy", folder: "/etc/caddy", portDirectives: [], logsByDefault: false,
            logOn: ["log"],
            logOff: []),
        Server(
            name: "lighttpd", folder: "/etc/lighttpd",
            portDirectives: ["server.port", "$SERVER", "proxy.server", "\"port\""],
            logsByDefault: false,
            logOn: ["accesslog.filename", "mod_accesslog"], logOff: []),
        Server(
            name: "haproxy", folder: "/etc/haproxy",
            portDirectives: ["bind", "server"], logsByDefault: false,
            logOn: ["option httplog", "log "], logOff: []),
    ]

    static func run(_ host: AuditHost, _ configuration: Configuration?) -> [AuditFinding] {
        // Without a configuration, the ports a production host would use.
        let ports =
            configuration.map { [$0.https?.port, $0.redirect?.port].compactMap { $0 } } ?? [
                80, 443,
            ]
        let markers = ports.map { String($0) } + [configuration?.onionSocket].compactMap { $0 }
        let present = servers.filter { host.exists($0.folder) }
        guard !present.isEmpty else {
            return [.pass("webservers", "no other web server", "nothing else could log visitors")]
        }
        return present.map { server in
            // Debian keeps switched-off sites in sites-available, conf-available
            // and mods-available; only their links in *-enabled are read.
            let active = host.files(under: server.folder).filter { !$0.contains("-available/") }
            let logging = active.filter { path in
                guard let text = host.text(path) else { return false }
                return mentions(text, markers, on: server.portDirectives) && logs(text, server)
            }
            return logging.isEmpty
                ? .pass(
                    "webservers.\(server.name)", server.folder,
                    "nothing there logs access on ports \(markers.joined(separator: " "))")
                : .fail(
                    "webservers.\(server.name)", logging.joined(separator: " "),
                    "an access log records visitors to our ports: switch it off")
        }
    }

    /// A port as a whole number, or the socket path, on a line that binds
    /// or forwards (so that a character table's numbers do not count).
    static func mentions(_ text: String, _ markers: [String], on directives: [String]) -> Bool {
        let lines = text.split(separator: "\n").filter { line in
            let trimmed = line.trimmingCharacters()
            return !trimmed.hasPrefix("#")
                && (directives.isEmpty || directives.contains { trimmed.hasPrefix($0) })
        }
        for line in lines {
            for marker in markers where mentions(line, marker) { return true }
        }
        return false
    }

    private static func mentions(_ line: Substring, _ marker: String) -> Bool {
        var index = line.startIndex
        while index < line.endIndex {
            if line[index...].hasPrefix(marker) {
                let before = index > line.startIndex ? line[line.index(before: index)] : " "
                let end = line.index(index, offsetBy: marker.count)
                let after = end < line.endIndex ? line[end] : " "
                if marker.hasPrefix("/") || !before.isNumber && !after.isNumber { return true }
            }
            index = line.index(after: index)
        }
        return false
    }

    private static func logs(_ text: String, _ server: Server) -> Bool {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters() }
            .filter { !$0.hasPrefix("#") }
        if lines.contains(where: { line in server.logOff.contains { line.hasPrefix($0) } }) {
            return false
        }
        return server.logsByDefault
            || lines.contains { line in server.logOn.contains { line.hasPrefix($0) } }
    }
}
