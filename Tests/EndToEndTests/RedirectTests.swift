import Testing

/// The port-80 listener sends everyone to the HTTPS site named in the
/// configuration, whatever Host the request claims.
@Suite(.timeLimit(.minutes(1)))
struct RedirectTests {
    static let publicURL = "https://hilfe.example:8443"
    static let targets = ["/", "/de/3?x=1&y=%C3%A4", "/en/?", "/no/such/page?q=a%2Fb"]

    @Test func redirectKeepsPathAndQueryAndIgnoresTheHostHeader() throws {
        let server = try ServerProcess.start([.http], ["PublicURL": Self.publicURL])
        defer { server.stop() }
        let curl = Curl(server: server)

        for target in Self.targets {
            let response = try curl.fetch(target, on: .http, headers: ["Host: evil.example"])

            #expect(response.status == 301, "\(target)")
            #expect(response.value("Location") == Self.publicURL + target)
            #expect(response.body == [], "\(target)")
        }
        #expect(server.outputAfterStartup == "")
    }

    @Test func redirectWithoutHostHeaderIsRefused() throws {
        let server = try ServerProcess.start([.http], ["PublicURL": Self.publicURL])
        defer { server.stop() }
        let connection = try SocketConnection(server.endpoint(.http))

        try connection.send("GET /de/ HTTP/1.1\r\n\r\n")
        let response = try connection.readResponse()

        #expect(response.status == 400)
        #expect(response.values("Location") == [])
    }

    @Test func headAnswersTheSameRedirect() throws {
        let server = try ServerProcess.start([.http], ["PublicURL": Self.publicURL])
        defer { server.stop() }
        let curl = Curl(server: server)

        let response = try curl.fetch(
            "/en/5?a=b", on: .http, method: "HEAD", headers: ["Host: evil.example"])

        #expect(response.status == 301)
        #expect(response.value("Location") == Self.publicURL + "/en/5?a=b")
    }
}
