import AuswegHTTP
import Testing

struct RequestLineTests {
    @Test(arguments: [
        "GET  / HTTP/1.1",
        " GET / HTTP/1.1",
        "GET / HTTP/1.1 ",
        "GET /  HTTP/1.1",
        "GET / ",
        "GET /",
        "GET",
        "",
        "GET\t/ HTTP/1.1",
        "G@T / HTTP/1.1",
        "GET / http/1.1",
        "GET / HTTP/1.10",
        "GET / HTTP/1",
        "GET / HTTP/a.b",
        "GET / HTTP-1.1",
        "GET /\r HTTP/1.1",
    ])
    func rejectsMalformedRequestLine(line: String) {
        let outcome = RequestFixture.parse(RequestFixture.head(line))

        #expect(outcome == .rejected(.malformedRequestLine))
        #expect(RequestError.malformedRequestLine.status == .badRequest)
    }

    @Test(arguments: ["HTTP/2.0", "HTTP/3.0", "HTTP/0.9", "HTTP/1.2", "HTTP/9.9"])
    func rejectsUnsupportedVersion(version: String) {
        let outcome = RequestFixture.parse(RequestFixture.head("GET / " + version))

        #expect(outcome == .rejected(.versionNotSupported))
        #expect(RequestError.versionNotSupported.status == .versionNotSupported)
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "OPTIONS", "get", "Head", "PRI", "X-Custom!"])
    func rejectsMethodsOtherThanGetAndHead(method: String) {
        let outcome = RequestFixture.parse(RequestFixture.head(method + " / HTTP/1.1"))

        #expect(outcome == .rejected(.methodNotAllowed))
        #expect(RequestError.methodNotAllowed.status == .methodNotAllowed)
    }

    @Test(arguments: [
        (RequestFixture.head(["POST / HTTP/1.1"]), RequestError.missingHost),
        (
            RequestFixture.head(
                "POST / HTTP/1.1", fields: ["Content-Length: 1", "Transfer-Encoding: chunked"]),
            .conflictingLength
        ),
        (RequestFixture.head("POST /%2e%2e HTTP/1.1"), .pathEscapesRoot),
        (RequestFixture.head("OPTIONS * HTTP/1.1"), .invalidTarget),
        (RequestFixture.head("CONNECT example.org:443 HTTP/1.1"), .invalidTarget),
        (RequestFixture.head("POST / HTTP/1.1", fields: ["X : y"]), .whitespaceBeforeColon),
        (RequestFixture.head("POST / HTTP/2.0"), .versionNotSupported),
        (RequestFixture.head(["GET / HTTP/2.0"]), .missingHost),
    ])
    func reportsInvalidHeadBeforeMethodOrVersion(text: String, error: RequestError) {
        let outcome = RequestFixture.parse(text)

        #expect(outcome == .rejected(error))
        #expect(error.status == .badRequest || error == .versionNotSupported)
    }

    @Test func waitsForWholeHeadBeforeRefusingMethod() {
        let outcome = RequestFixture.parse("POST / HTTP/1.1\r\nHost: a\r\n")

        #expect(outcome == .needMoreBytes)
    }

    @Test func rejectsBareLineFeedAfterRequestLine() {
        let outcome = RequestFixture.parse("GET / HTTP/1.1\nHost: a\r\n\r\n")

        #expect(outcome == .rejected(.bareLineFeed))
        #expect(RequestError.bareLineFeed.status == .badRequest)
    }

    @Test func rejectsNulInRequestLine() {
        let outcome = RequestFixture.parse(RequestFixture.head("GET /a\u{0}b HTTP/1.1"))

        #expect(outcome == .rejected(.nulByte))
        #expect(RequestError.nulByte.status == .badRequest)
    }

    @Test func rejectsEmptyLineBeforeRequestLine() {
        let outcome = RequestFixture.parse("\r\n" + RequestFixture.head("GET / HTTP/1.1"))

        #expect(outcome == .rejected(.malformedRequestLine))
    }
}
