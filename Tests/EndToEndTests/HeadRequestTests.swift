import Testing

/// HEAD answers exactly the head GET would, and no body.
@Suite(.timeLimit(.minutes(1)))
struct HeadRequestTests {
    /// Pages, a missing page, each asked for with and without gzip.
    static let requests: [(path: String, headers: [String])] = ["/de/", "/en/4", "/de/none"]
        .flatMap { [($0, []), ($0, ["Accept-Encoding: gzip"])] }

    @Test func headOverHTTPSMatchesTheHeadOfGet() throws {
        let server = try ServerProcess.start([.https])
        defer { server.stop() }
        let curl = Curl(server: server)

        for (path, headers) in Self.requests {
            let get = try curl.fetch(path, headers: headers)
            let head = try curl.fetch(path, method: "HEAD", headers: headers)

            #expect(head.headText == get.headText, "\(path) \(headers)")
            #expect(!get.body.isEmpty, "\(path) \(headers)")
        }
    }

    @Test func headOverTheOnionSocketSendsNoBody() throws {
        let server = try ServerProcess.start([.onion])
        defer { server.stop() }
        let connection = try SocketConnection(server.endpoint(.onion))

        try connection.send("GET /en/4 HTTP/1.1\r\nHost: x.onion\r\n\r\n")
        let get = try connection.readResponse()
        try connection.send("HEAD /en/4 HTTP/1.1\r\nHost: x.onion\r\n\r\n")
        let head = try connection.readResponse(toHead: true)
        try connection.send("GET /en/none HTTP/1.1\r\nHost: x.onion\r\nConnection: close\r\n\r\n")
        let rest = try #require(try connection.readUntilClosed())

        // Any body after the HEAD answer would come before the 404 here.
        let after = try HTTPResponse.parseAll(rest, toHead: [false])
        #expect(get.status == 200)
        #expect(head.head == get.head)
        #expect(after.map(\.status) == [404])
    }
}
