import AuswegHTTP
import Testing

struct ByteRangeTests {
    private func parse(_ value: String) -> ByteRange? {
        Array(value.utf8).withUnsafeBytes { ByteRange(parsing: $0) }
    }

    @Test(arguments: [
        ("bytes=0-499", ByteRange.from(first: 0, last: 499)),
        ("bytes=500-", .from(first: 500, last: nil)),
        ("bytes=-500", .suffix(length: 500)),
        ("Bytes=7-7", .from(first: 7, last: 7)),
        ("  bytes=1-2 ", .from(first: 1, last: 2)),
    ])
    func readsOneRange(value: String, expected: ByteRange) {
        #expect(parse(value) == expected)
    }

    @Test(arguments: [
        "", "bytes=", "bytes=-", "bytes=5", "bytes=a-b", "bytes=0-1,3-4", "items=0-1",
        "bytes=5-4", "bytes= 0-1", "bytes=0 -1", "bytes=1234567890123456789-",
        "bytes=--1", "bytes=0-1-2",
    ])
    func ignoresWhatItCannotServeExactly(value: String) {
        #expect(parse(value) == nil)
    }

    @Test(arguments: [
        (ByteRange.from(first: 0, last: 499), 1000, ByteRange.Resolution.partial(0..<500)),
        (.from(first: 900, last: 5000), 1000, .partial(900..<1000)),
        (.from(first: 999, last: nil), 1000, .partial(999..<1000)),
        (.from(first: 1000, last: nil), 1000, .unsatisfiable),
        (.from(first: 2000, last: 3000), 1000, .unsatisfiable),
        (.suffix(length: 500), 1000, .partial(500..<1000)),
        (.suffix(length: 5000), 1000, .partial(0..<1000)),
        (.suffix(length: 0), 1000, .unsatisfiable),
        (.from(first: 0, last: nil), 0, .unsatisfiable),
    ])
    func resolvesAgainstTheBodySize(range: ByteRange, size: Int, expected: ByteRange.Resolution) {
        #expect(range.resolve(size: size) == expected)
    }

    @Test func parserKeepsASingleRangeHeader() {
        let head = RequestFixture.head("GET /a/1.opus HTTP/1.1", fields: ["Range: bytes=-500"])
        guard case .request(let request, _) = RequestFixture.parse(head) else {
            Issue.record("the head was not parsed")
            return
        }
        #expect(request.range == .suffix(length: 500))
    }

    @Test func parserIgnoresARepeatedRangeHeader() {
        let head = RequestFixture.head(
            "GET /a/1.opus HTTP/1.1", fields: ["Range: bytes=0-1", "Range: bytes=0-1"])
        guard case .request(let request, _) = RequestFixture.parse(head) else {
            Issue.record("the head was not parsed")
            return
        }
        #expect(request.range == nil)
    }

    @Test func parserIgnoresRangeUnderIfRange() {
        let head = RequestFixture.head(
            "GET /a/1.opus HTTP/1.1", fields: ["Range: bytes=0-1", "If-Range: \"x\""])
        guard case .request(let request, _) = RequestFixture.parse(head) else {
            Issue.record("the head was not parsed")
            return
        }
        #expect(request.range == nil)
    }
}
