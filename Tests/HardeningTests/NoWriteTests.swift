import Foundation
import Testing

/// Proof by behaviour: while a scripted visit makes 1,000 requests on all
/// three listeners, the server writes to sockets and nothing else.
@Suite struct NoWriteTests {
    static let requestsAtLeast = 1000

    /// `/` and every page of every language, e.g. `/de/` and `/de/1`.
    static func sitePaths() throws -> [String] {
        func words(_ name: String) throws -> [String] {
            try String(contentsOfFile: ProjectLayout.content + "/" + name, encoding: .utf8)
                .split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
                .compactMap { $0.split(separator: " ").first.map(String.init) }
        }
        let pages = try words("pages.txt")
        return try ["/"]
            + words("languages.txt").flatMap { code in
                pages.map { $0 == "/" ? "/\(code)/" : "/\(code)/\($0)" }
            }
    }

    @Test func onlySocketsAreWrittenWhileServing() throws {
        let server = try TracedServer()
        defer { server.stop() }
        let paths = try Self.sitePaths()
        var visit = ScriptedVisit()
        let https = "https://127.0.0.1:\(server.httpsPort)"
        let onion = ["unix-socket = \"\(server.onionSocket)\""]
        visit.walk(https, paths, status: "200", extra: ["insecure"])
        visit.refuse(https, extra: ["insecure"])
        visit.walk("http://onion", paths, status: "200", extra: onion)
        visit.refuse("http://onion", extra: onion)
        visit.walk(
            "http://127.0.0.1:\(server.redirectPort)", paths, status: "301", allForms: false)
        try server.scratch.write("visit.curl", visit.configuration)

        let curl = try Program.run(
            "curl", ["--silent", "--config", server.scratch.file("visit.curl")], seconds: 120)
        server.stop()

        let statuses = curl.output.split(separator: "\n").map(String.init)
        #expect(statuses.count >= Self.requestsAtLeast)
        #expect(statuses == visit.expected, "curl: \(curl.errors)")
        let serving = TraceLog(server.trace).after(printing: "ausweg: onion on ")
        let socketWrites = serving.filter { $0.target.hasPrefix("socket:") }
        #expect(socketWrites.count >= Self.requestsAtLeast)
        let elsewhere = serving.filter { !$0.target.hasPrefix("socket:") }
        #expect(elsewhere.map(\.line) == [])
    }

    @Test func traceLogTellsSocketsFromOtherTargets() {
        let log = TraceLog(
            """
            41 write(1<pipe:[7]>, "ausweg: onion on /x\\n", 20) = 20
            42 write(9<socket:[55]>, "HTTP/1.1 200 OK"..., 900) = 900
            42 openat(AT_FDCWD</>, "/tmp/log", O_WRONLY|O_CREAT, 0644) = 3</tmp/log>
            43 <... write resumed>) = 4
            """)
        let after = log.after(printing: "ausweg: onion on ")
        #expect(after.map(\.name) == ["write", "openat"])
        #expect(after.map(\.target) == ["socket:[55]", ""])
    }
}
