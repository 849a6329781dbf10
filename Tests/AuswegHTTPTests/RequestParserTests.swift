import AuswegHTTP
import Testing

struct RequestParserTests {
    @Test func parsesGetWithEveryField() {
        let text = RequestFixture.head(
            "GET /de/hilfe?x=1 HTTP/1.1",
            fields: [
                "Accept-Encoding: gzip, br", "Accept-Language: de-DE,de;q=0.9",
                "User-Agent: curl/8.5.0",
            ])

        let outcome = RequestFixture.parse(text)

        let expected = Request(
            method: .get, version: .http11, path: "/de/hilfe", target: "/de/hilfe?x=1",
            acceptEncoding: "gzip, br", acceptLanguage: "de-DE,de;q=0.9",
            announcesBody: false, wantsClose: false)
        #expect(outcome == .request(expected, consumed: text.utf8.count))
    }

    @Test func parsesHeadOverHTTP10AsClosing() {
        let text = RequestFixture.head("HEAD / HTTP/1.0")

        let outcome = RequestFixture.parse(text)

        let expected = Request(
            method: .head, version: .http10, path: "/", target: "/", wantsClose: true)
        #expect(outcome == .request(expected, consumed: text.utf8.count))
    }

    @Test func keepsHTTP11OpenWithoutConnectionClose() {
        let outcome = RequestFixture.parse(RequestFixture.head("GET / HTTP/1.1"))

        #expect(outcome.request?.wantsClose == false)
        #expect(outcome.request?.acceptEncoding == nil)
        #expect(outcome.request?.acceptLanguage == nil)
    }

    @Test(arguments: [
        ("Connection: close", true),
        ("connection: CLOSE", true),
        ("Connection: keep-alive, Close", true),
        ("Connection: , close ,", true),
        ("Connection: keep-alive", false),
        ("Connection: closed", false),
    ])
    func readsConnectionClose(field: String, wantsClose: Bool) {
        let outcome = RequestFixture.parse(RequestFixture.head("GET / HTTP/1.1", fields: [field]))

        #expect(outcome.request?.wantsClose == wantsClose)
    }

    @Test(arguments: [
        ("Content-Length: 0", false),
        ("Content-Length: 000", false),
        ("Content-Length: 5", true),
        ("Content-Length: 999999999999999999", true),
        ("Transfer-Encoding: chunked", true),
        ("X-Other: 1", false),
    ])
    func reportsAnnouncedBody(field: String, announcesBody: Bool) {
        let outcome = RequestFixture.parse(RequestFixture.head("GET / HTTP/1.1", fields: [field]))

        #expect(outcome.request?.announcesBody == announcesBody)
    }

    @Test func joinsRepeatedAcceptFieldsInOrder() {
        let text = RequestFixture.head(
            "GET / HTTP/1.1",
            fields: [
                "Accept-Language: de", "accept-encoding: gzip", "ACCEPT-LANGUAGE:  en;q=0.5 ",
                "Accept-Encoding:br",
            ])

        let request = RequestFixture.parse(text).request

        #expect(request?.acceptLanguage == "de, en;q=0.5")
        #expect(request?.acceptEncoding == "gzip, br")
    }

    @Test func acceptsObsoleteTextInValues() {
        let bytes =
            Array("GET / HTTP/1.1\r\nHost: a\r\nX-Name: caf".utf8) + [0xE9]
            + Array("\r\n\r\n".utf8)

        let outcome = RequestFixture.parse(bytes)

        #expect(outcome.request?.path == "/")
        #expect(outcome.consumed == bytes.count)
    }

    @Test func splitsPipelinedRequests() {
        let first = RequestFixture.head("GET /a HTTP/1.1")
        let second = RequestFixture.head("HEAD /b HTTP/1.1", fields: ["Connection: close"])
        let bytes = Array((first + second).utf8)

        let firstOutcome = RequestFixture.parse(bytes)
        let consumed = firstOutcome.consumed ?? 0
        let secondOutcome = RequestParser.parse(bytes[consumed...])

        #expect(consumed == first.utf8.count)
        #expect(firstOutcome.request?.path == "/a")
        #expect(secondOutcome.consumed == second.utf8.count)
        #expect(secondOutcome.request?.method == .head)
        #expect(secondOutcome.request?.path == "/b")
        #expect(secondOutcome.request?.wantsClose == true)
    }

    @Test func parsesFirstRequestBeforeIncompleteSecond() {
        let first = RequestFixture.head("GET /a HTTP/1.1")
        let bytes = Array((first + "GET /b HTT").utf8)

        let firstOutcome = RequestFixture.parse(bytes)
        let secondOutcome = RequestParser.parse(bytes[first.utf8.count...])

        #expect(firstOutcome.consumed == first.utf8.count)
        #expect(secondOutcome == .needMoreBytes)
    }

    @Test func needsMoreBytesForEveryProperPrefix() {
        let bytes = Array(
            RequestFixture.head("GET /a?b HTTP/1.1", fields: ["Accept-Encoding: gzip"]).utf8)

        let outcomes = (0..<bytes.count).map { RequestFixture.parse(Array(bytes[..<$0])) }

        #expect(outcomes.allSatisfy { $0 == .needMoreBytes })
        #expect(RequestFixture.parse(bytes).consumed == bytes.count)
    }

    @Test func parsesFromUnsafeBytes() {
        let bytes = Array(RequestFixture.head("GET /x HTTP/1.1").utf8)

        let outcome = bytes.withUnsafeBytes { RequestParser.parse($0) }

        #expect(outcome.request?.path == "/x")
        #expect(outcome.consumed == bytes.count)
    }
}
