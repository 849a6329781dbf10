import AuswegHTTP
import Testing

/// The line scan skips plain text eight bytes at a time; these tests put a
/// forbidden byte at every offset of a word, so no alignment slips through.
struct LineEndTests {
    static let prefix = Array("GET / HTTP/1.1\r\nHost: a\r\nX-Value: ".utf8)
    static let suffix = Array("\r\n\r\n".utf8)

    /// A field value of 24 bytes with `byte` at `offset`.
    static func head(with byte: UInt8, at offset: Int) -> [UInt8] {
        var value = Array("abcdefghijklmnopqrstuvwx".utf8)
        value[offset] = byte
        return prefix + value + suffix
    }

    @Test(arguments: [
        (UInt8(0x00), RequestError.nulByte),
        (0x01, .malformedHeader),
        (0x0A, .bareLineFeed),
        (0x0D, .malformedHeader),
        (0x1F, .malformedHeader),
        (0x7F, .malformedHeader),
    ])
    func rejectsForbiddenByteAtEveryOffset(byte: UInt8, error: RequestError) {
        let outcomes = (0..<24).map { RequestFixture.parse(Self.head(with: byte, at: $0)) }

        #expect(outcomes.allSatisfy { $0 == .rejected(error) })
    }

    @Test(arguments: [UInt8(0x09), 0x20, 0x21, 0x7E, 0x80, 0x9F, 0xA0, 0xFF])
    func acceptsAllowedByteAtEveryOffset(byte: UInt8) {
        let heads = (0..<24).map { Self.head(with: byte, at: $0) }

        let consumed = heads.map { RequestFixture.parse($0).consumed }

        #expect(consumed == heads.map(\.count))
    }

    @Test func acceptsValueOfObsoleteTextOnly() {
        let value = (0x80...0xFF).map(UInt8.init)
        let bytes = Self.prefix + value + Self.suffix

        let outcome = RequestFixture.parse(bytes)

        #expect(outcome.consumed == bytes.count)
    }

    @Test(arguments: [
        ("GET /a\u{1}b HTTP/1.1", RequestError.malformedRequestLine),
        ("GET /a\u{7F} HTTP/1.1", .malformedRequestLine),
        ("GET / HTTP/1.1\u{1B}", .malformedRequestLine),
    ])
    func rejectsControlByteInRequestLine(line: String, error: RequestError) {
        let outcome = RequestFixture.parse(RequestFixture.head(line))

        #expect(outcome == .rejected(error))
    }
}
