import Testing

/// The headers every response carries, on every status and every listener.
@Suite(.timeLimit(.minutes(1)))
struct SecurityHeaderTests {
    /// A request and the status it must draw.
    struct Probe: CustomStringConvertible {
        let status: Int
        let path: String
        var method = "GET"
        var headers: [String] = []

        var description: String { "\(status) for \(method) \(path.prefix(40))" }
    }

    static let token = "e2e-Token_1"
    static let required = [
        ("Cache-Control", "no-store"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Content-Type-Options", "nosniff"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
    ]
    static let forbidden = ["Server", "ETag", "Last-Modified", "Set-Cookie", "Onion-Location"]
    static let hsts = "max-age=63072000"

    /// Requests that draw each status from `listener`; the redirect
    /// listener answers 200 and 404 only on the ACME path.
    static func probes(_ listener: Listener) -> [Probe] {
        let found = listener == .http ? "/.well-known/acme-challenge/" + token : "/de/"
        let missing = listener == .http ? "/.well-known/acme-challenge/none" : "/de/none"
        let manyFields = (1...70).map { "X-Field-\($0): v" }
        let bigField = ["X-Big: " + String(repeating: "b", count: 17 * 1024)]
        var probes = [
            Probe(status: 200, path: found),
            Probe(status: 404, path: missing),
            Probe(status: 400, path: "/de/", headers: ["Host:"]),
            Probe(status: 405, path: "/de/", method: "DELETE"),
            Probe(status: 414, path: "/de/" + String(repeating: "a", count: 9000)),
            Probe(status: 431, path: "/de/", headers: manyFields),
            Probe(status: 431, path: "/de/", headers: bigField),
        ]
        if listener == .http {
            probes.append(Probe(status: 301, path: "/de/1?x=1"))
        }
        return probes
    }

    @Test(arguments: Listener.allCases)
    func everyStatusCarriesTheSecurityHeaders(on listener: Listener) throws {
        let webroot = try TemporaryDirectory()
        try webroot.write("proof", to: ".well-known/acme-challenge/" + Self.token)
        let server = try ServerProcess.start([listener], ["ACMEWebroot": webroot.path])
        defer { server.stop() }
        let curl = Curl(server: server)

        for probe in Self.probes(listener) {
            let response = try curl.fetch(
                probe.path, on: listener, method: probe.method, headers: probe.headers)

            #expect(response.status == probe.status, "\(probe)")
            Self.expectSecurityHeaders(response, on: listener, probe: probe)
        }
        #expect(server.outputAfterStartup == "")
    }

    static func expectSecurityHeaders(
        _ response: HTTPResponse, on listener: Listener, probe: Probe
    ) {
        for (name, value) in required {
            #expect(response.value(name) == value, "\(name) on \(probe)")
        }
        let policy = response.value("Content-Security-Policy") ?? ""
        #expect(policy.hasPrefix("default-src 'none'"), "CSP on \(probe)")
        #expect(policy.contains("frame-ancestors 'none'"), "CSP on \(probe)")
        #expect(!policy.contains("script-src"), "CSP on \(probe)")
        let permissions = response.value("Permissions-Policy") ?? ""
        #expect(permissions.contains("camera=()"), "Permissions-Policy on \(probe)")
        #expect(permissions.contains("geolocation=()"), "Permissions-Policy on \(probe)")
        for name in forbidden {
            #expect(response.values(name) == [], "\(name) on \(probe)")
        }
        let transportSecurity = listener == .https ? [hsts] : []
        #expect(response.values("Strict-Transport-Security") == transportSecurity, "\(probe)")
    }
}
