import AuswegHTTP
import Testing

struct HeaderFieldTests {
    static let requestLine = "GET / HTTP/1.1\r\n"

    @Test(arguments: [
        ("Host: a\nX: b\r\n\r\n", RequestError.bareLineFeed),
        ("Host: a\r\n\n", .bareLineFeed),
        ("Host: a\r\n\n\r\n", .bareLineFeed),
        ("Host: a\rb\r\n\r\n", .malformedHeader),
        ("Host: a\r\r\n\r\n", .malformedHeader),
        ("Host: a\r\n\r \r\n", .malformedHeader),
        ("Host: a\r\nX: b\u{0}c\r\n\r\n", .nulByte),
        ("Host: a\r\nX\u{0}: b\r\n\r\n", .nulByte),
        ("Host: a\r\nX: b\r\n c\r\n\r\n", .obsoleteLineFolding),
        ("Host: a\r\nX: b\r\n\tc\r\n\r\n", .obsoleteLineFolding),
        (" Host: a\r\n\r\n", .obsoleteLineFolding),
        ("Host : a\r\n\r\n", .whitespaceBeforeColon),
        ("Host: a\r\nX\t: b\r\n\r\n", .whitespaceBeforeColon),
        ("Host: a\r\n: b\r\n\r\n", .malformedHeader),
        ("Host: a\r\nX b\r\n\r\n", .malformedHeader),
        ("Host: a\r\nX b: c\r\n\r\n", .malformedHeader),
        ("Host: a\r\nX\r\n\r\n", .malformedHeader),
        ("Host: a\r\nX(: b\r\n\r\n", .malformedHeader),
        ("Host: a\r\nX: b\u{7F}\r\n\r\n", .malformedHeader),
        ("Host: a\r\nX: b\u{1}\r\n\r\n", .malformedHeader),
        ("Host: a/b\r\n\r\n", .malformedHeader),
        ("Host: a b\r\n\r\n", .malformedHeader),
        ("Host: user@a\r\n\r\n", .malformedHeader),
        ("Host: a\r\nConnection: clo se\r\n\r\n", .malformedHeader),
        ("X: a\r\n\r\n", .missingHost),
        ("\r\n", .missingHost),
        ("Host: a\r\nHost: a\r\n\r\n", .duplicateHost),
        ("host: a\r\nHOST: b\r\n\r\n", .duplicateHost),
        ("Host: a\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n", .invalidContentLength),
        ("Host: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", .conflictingLength),
        ("Host: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n", .conflictingLength),
    ])
    func rejectsMalformedFields(fields: String, error: RequestError) {
        let outcome = RequestFixture.parse(Self.requestLine + fields)

        #expect(outcome == .rejected(error))
        #expect(error.status == .badRequest)
    }

    @Test(arguments: [
        "", "abc", "-1", "+1", "1 2", "1,1", "1, 1", "0x10", "1.0", "١",
        "9999999999999999999", "0000000000000000000",
    ])
    func rejectsInvalidContentLength(value: String) {
        let text = RequestFixture.head("GET / HTTP/1.1", fields: ["Content-Length: " + value])

        let outcome = RequestFixture.parse(text)

        #expect(outcome == .rejected(.invalidContentLength))
        #expect(RequestError.invalidContentLength.status == .badRequest)
    }

    @Test func requiresHostOverHTTP10() {
        let outcome = RequestFixture.parse(RequestFixture.head(["GET / HTTP/1.0"]))

        #expect(outcome == .rejected(.missingHost))
        #expect(RequestError.missingHost.status == .badRequest)
    }

    @Test(arguments: [
        "Host:", "Host: example.org:443", "Host: [::1]:8080", "Host: 127.0.0.1",
        "HOST:\texample.org\t", "Host: abcdefghijklmnop.onion",
    ])
    func acceptsValidHost(field: String) {
        let text = RequestFixture.head(["GET / HTTP/1.1", field])

        let outcome = RequestFixture.parse(text)

        #expect(outcome.consumed == text.utf8.count)
    }

    @Test func trimsWhitespaceAroundValues() {
        let text = RequestFixture.head(
            "GET / HTTP/1.1", fields: ["Accept-Encoding: \t gzip ;q=1 \t", "X-Empty:"])

        let outcome = RequestFixture.parse(text)

        #expect(outcome.request?.acceptEncoding == "gzip ;q=1")
    }
}
