import Testing

/// Several requests, one after the other, over one connection.
@Suite(.timeLimit(.minutes(1)))
struct KeepAliveTests {
    static let paths = ["/de/1", "/en/", "/de/none"]

    @Test func curlReusesItsHTTPSConnection() throws {
        let server = try ServerProcess.start([.https])
        defer { server.stop() }
        let curl = Curl(server: server)

        let result = try curl.run(Self.paths, options: ["-v"])
        let responses = try HTTPResponse.parseAll(result.output, toHead: [false, false, false])
        let log = result.errorOutput

        #expect(responses.map(\.status) == [200, 200, 404])
        #expect(responses.map { $0.value("Content-Language") } == ["de", "en", "de"])
        #expect(log.components(separatedBy: "Re-using existing connection").count == 3)
        #expect(log.components(separatedBy: "Connected to").count == 2)
        #expect(server.outputAfterStartup == "")
    }

    @Test(arguments: [Listener.http, .onion])
    func plainListenerServesRequestsInTurnOnOneConnection(on listener: Listener) throws {
        let server = try ServerProcess.start([listener], ["PublicURL": "https://hilfe.example"])
        defer { server.stop() }
        let connection = try SocketConnection(server.endpoint(listener))

        var responses: [HTTPResponse] = []
        for path in Self.paths {
            try connection.send("GET \(path) HTTP/1.1\r\nHost: localhost\r\n\r\n")
            responses.append(try connection.readResponse())
        }

        if listener == .http {
            #expect(responses.map(\.status) == [301, 301, 301])
            let locations = responses.map { $0.value("Location") ?? "" }
            #expect(locations == Self.paths.map { "https://hilfe.example" + $0 })
        } else {
            #expect(responses.map(\.status) == [200, 200, 404])
            #expect(responses.map { $0.value("Content-Language") } == ["de", "en", "de"])
        }
        #expect(!connection.closedByPeer)
        #expect(server.outputAfterStartup == "")
    }
}
