import Testing

/// Requests sent together in one write, answered in order.
@Suite(.timeLimit(.minutes(1)))
struct PipeliningTests {
    static let requests =
        "GET /de/1 HTTP/1.1\r\nHost: localhost\r\n\r\n"
        + "HEAD /en/ HTTP/1.1\r\nHost: localhost\r\n\r\n"
        + "GET /de/none HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    static let heads = [false, true, false]

    @Test func pipelinedRequestsOverTLSAreAnsweredInOrder() throws {
        let server = try ServerProcess.start([.https])
        defer { server.stop() }

        let bytes = try TLSClient.exchange(Self.requests, port: server.port(.https))
        let responses = try HTTPResponse.parseAll(bytes, toHead: Self.heads)

        Self.expectInOrder(responses)
    }

    @Test func pipelinedRequestsOverTheOnionSocketAreAnsweredInOrder() throws {
        let server = try ServerProcess.start([.onion])
        defer { server.stop() }
        let connection = try SocketConnection(server.endpoint(.onion))

        try connection.send(Self.requests)
        let bytes = try #require(try connection.readUntilClosed())
        let responses = try HTTPResponse.parseAll(bytes, toHead: Self.heads)

        Self.expectInOrder(responses)
    }

    static func expectInOrder(_ responses: [HTTPResponse]) {
        #expect(responses.map(\.status) == [200, 200, 404])
        #expect(responses.map { $0.value("Content-Language") } == ["de", "en", "de"])
        #expect(responses.map(\.body.isEmpty) == [false, true, false])
        #expect(responses[2].value("Connection") == "close")
    }
}
