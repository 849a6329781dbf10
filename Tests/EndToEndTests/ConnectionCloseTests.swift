import Testing

/// Requests that end their connection: a refusal, or a request that
/// announces a body the server will not read.
@Suite(.timeLimit(.minutes(1)))
struct ConnectionCloseTests {
    static let closeTimeout = 5.0
    static let bodyRequest =
        "GET /de/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello"
        + "GET /en/ HTTP/1.1\r\nHost: localhost\r\n\r\n"

    static let manyFields = (1...70).map { "X-Field-\($0): v\r\n" }.joined()

    /// Refusals and the statuses they draw.
    static let refusals = [
        ("DELETE /de/ HTTP/1.1\r\nHost: localhost\r\n\r\n", 405),
        ("GET /de/ HTTP/1.1\r\n\r\n", 400),
        ("GET /de/ HTTP/1.1\r\nHost : localhost\r\n\r\n", 400),
        ("GET /de/../etc HTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
        ("GET /de/ HTTP/2.0\r\nHost: localhost\r\n\r\n", 505),
        ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        ("GET /de/ HTTP/1.1\r\nHost: x\r\n" + manyFields + "\r\n", 431),
    ]

    @Test(arguments: [Listener.http, .onion])
    func announcedBodyIsAnsweredThenTheConnectionCloses(on listener: Listener) throws {
        let server = try ServerProcess.start([listener])
        defer { server.stop() }
        let connection = try SocketConnection(server.endpoint(listener))

        try connection.send(Self.bodyRequest)
        let bytes = try #require(try connection.readUntilClosed(timeout: Self.closeTimeout))

        // One answer only: neither the body nor the request after it is read.
        let responses = try HTTPResponse.parseAll(bytes, toHead: [false])
        #expect(responses[0].status == (listener == .http ? 301 : 200))
        #expect(responses[0].value("Connection") == "close")
    }

    @Test func announcedBodyOverTLSIsAnsweredThenTheConnectionCloses() throws {
        let server = try ServerProcess.start([.https])
        defer { server.stop() }

        let bytes = try TLSClient.exchange(
            Self.bodyRequest, port: server.port(.https), timeout: Self.closeTimeout)

        let responses = try HTTPResponse.parseAll(bytes, toHead: [false])
        #expect(responses[0].status == 200)
        #expect(responses[0].value("Content-Language") == "de")
        #expect(responses[0].value("Connection") == "close")
    }

    @Test(arguments: [Listener.http, .onion])
    func refusalsAreAnsweredThenTheConnectionCloses(on listener: Listener) throws {
        let server = try ServerProcess.start([listener])
        defer { server.stop() }

        for (request, status) in Self.refusals {
            let connection = try SocketConnection(server.endpoint(listener))
            try connection.send(request + "GET /de/ HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let bytes = try #require(try connection.readUntilClosed(timeout: Self.closeTimeout))

            let responses = try HTTPResponse.parseAll(bytes, toHead: [false])
            #expect(responses[0].status == status, "\(request.prefix(30))")
            #expect(responses[0].value("Connection") == "close", "\(request.prefix(30))")
        }
        #expect(server.outputAfterStartup == "")
    }
}
