import AuswegHTTP
import Testing

struct RequestLimitsTests {
    static let limits = RequestLimits.standard
    static let version = " HTTP/1.1"

    /// A request line of exactly `length` bytes, CRLF not counted.
    static func requestLine(length: Int) -> String {
        let padding = length - "GET /".count - version.count
        return "GET /" + String(repeating: "a", count: padding) + version
    }

    /// Field lines after Host whose block, final CRLF included, is `size` bytes.
    static func fields(blockSize size: Int) -> [String] {
        let fixed = (RequestFixture.host + "\r\n" + "X-Pad: \r\n" + "\r\n").utf8.count
        return ["X-Pad: " + String(repeating: "p", count: size - fixed)]
    }

    @Test func acceptsRequestLineAtLimit() {
        let text = RequestFixture.head(Self.requestLine(length: Self.limits.requestLine))

        let outcome = RequestFixture.parse(text)

        #expect(outcome.consumed == text.utf8.count)
    }

    @Test func rejectsRequestLineOverLimit() {
        let text = RequestFixture.head(Self.requestLine(length: Self.limits.requestLine + 1))

        let outcome = RequestFixture.parse(text)

        #expect(outcome == .rejected(.requestLineTooLong))
        #expect(RequestError.requestLineTooLong.status == .uriTooLong)
    }

    @Test func rejectsLongRequestLineBeforeItsEnd() {
        let line = Array(Self.requestLine(length: Self.limits.requestLine + 10).utf8)

        let atLimit = RequestFixture.parse(Array(line[..<Self.limits.requestLine]))
        let early = RequestFixture.parse(Array(line[..<(Self.limits.requestLine + 3)]))

        #expect(atLimit == .needMoreBytes)
        #expect(early == .rejected(.requestLineTooLong))
    }

    @Test func rejectsRequestLineUnderCustomLimit() {
        let limits = RequestLimits(requestLine: 16, headerBlock: 64, headerFields: 4)

        let accepted = RequestFixture.parse(
            RequestFixture.head(Self.requestLine(length: 16)), limits: limits)
        let early = RequestFixture.parse("GET /aaaaaaaaaaaaaaa", limits: limits)

        #expect(accepted.request?.path == "/aa")
        #expect(early == .rejected(.requestLineTooLong))
    }

    @Test func acceptsHeaderBlockAtLimit() {
        let fields = Self.fields(blockSize: Self.limits.headerBlock)
        let text = RequestFixture.head("GET / HTTP/1.1", fields: fields)

        let outcome = RequestFixture.parse(text)

        #expect(outcome.consumed == text.utf8.count)
    }

    @Test func rejectsHeaderBlockOverLimit() {
        let fields = Self.fields(blockSize: Self.limits.headerBlock + 1)
        let text = RequestFixture.head("GET / HTTP/1.1", fields: fields)

        let outcome = RequestFixture.parse(text)

        #expect(outcome == .rejected(.headerBlockTooLarge))
        #expect(RequestError.headerBlockTooLarge.status == .headerFieldsTooLarge)
    }

    @Test func rejectsLargeHeaderBlockBeforeItsEnd() {
        let start = "GET / HTTP/1.1\r\n" + RequestFixture.host + "\r\nX-Pad: "
        let padding = Self.limits.headerBlock + 1 - (start.utf8.count - 16)
        let text = start + String(repeating: "p", count: padding)

        let outcome = RequestFixture.parse(text)

        #expect(text.utf8.count - 16 == Self.limits.headerBlock + 1)
        #expect(outcome == .rejected(.headerBlockTooLarge))
    }

    @Test func acceptsFieldCountAtLimit() {
        let fields = (1..<Self.limits.headerFields).map { "X-\($0): v" }
        let text = RequestFixture.head("GET / HTTP/1.1", fields: fields)

        let outcome = RequestFixture.parse(text)

        #expect(fields.count + 1 == 64)
        #expect(outcome.consumed == text.utf8.count)
    }

    @Test func rejectsFieldCountOverLimit() {
        let fields = (0..<Self.limits.headerFields).map { "X-\($0): v" }
        let text = RequestFixture.head("GET / HTTP/1.1", fields: fields)

        let outcome = RequestFixture.parse(text)

        #expect(outcome == .rejected(.tooManyHeaderFields))
        #expect(RequestError.tooManyHeaderFields.status == .headerFieldsTooLarge)
    }

    @Test func rejectsTooManyFieldsBeforeHeadEnds() {
        let fields = (0..<Self.limits.headerFields).map { "X-\($0): v\r\n" }
        let text = "GET / HTTP/1.1\r\n" + RequestFixture.host + "\r\n" + fields.joined()

        let outcome = RequestFixture.parse(text)

        #expect(outcome == .rejected(.tooManyHeaderFields))
    }
}
