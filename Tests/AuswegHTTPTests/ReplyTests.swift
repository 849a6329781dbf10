import AuswegHTTP
import Testing

@Suite struct ReplyTests {
    @Test func sensitiveBytesLayThePartsEndToEnd() {
        let parts: [[UInt8]] = [Array("Location: https://a".utf8), Array("/x?y".utf8), [13, 10]]
        let bytes = parts[0].withUnsafeBytes { first in
            parts[1].withUnsafeBytes { second in
                parts[2].withUnsafeBytes { SensitiveBytes(concatenating: [first, second, $0]) }
            }
        }
        #expect(bytes.count == 25)
        #expect(bytes.withUnsafeBytes { Array($0) } == Array("Location: https://a/x?y\r\n".utf8))
    }

    @Test func headOnlyReplyOffersItsHeadAlone() {
        let reply = Reply(bytes: Array("HEADbody".utf8), count: 4, closesConnection: false)
        #expect(reply.withUnsafeBytes { Array($0) } == Array("HEAD".utf8))
    }

    @Test func sensitiveReplyIsZeroedWhenWiped() {
        let text = Array("/private/path".utf8)
        let bytes = text.withUnsafeBytes { SensitiveBytes(concatenating: [$0]) }
        let reply = Reply(sensitive: bytes, count: bytes.count, closesConnection: true)

        reply.wipeIfSensitive()

        #expect(reply.withUnsafeBytes { Array($0) } == [UInt8](repeating: 0, count: 13))
    }

    @Test func sharedReplyIsKeptWhenWiped() {
        let reply = Reply(bytes: Array("ready".utf8), count: 5, closesConnection: false)

        reply.wipeIfSensitive()

        #expect(reply.withUnsafeBytes { Array($0) } == Array("ready".utf8))
    }
}
