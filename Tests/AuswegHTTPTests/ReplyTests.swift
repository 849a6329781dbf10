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

    @Test(arguments: [1, 2, 3, 7, 16, 100])
    func paddedReplyCopiesTheSameBytesInPiecesOfAnySize(piece: Int) {
        let reply = Reply(
            head: Array("HTTP/1.1 200 OK\r\nPadding: ".utf8), filler: 5,
            body: Array("<p>hi</p>".utf8), sendsBody: true, closesConnection: false)
        var copied: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: piece)
        while copied.count < reply.count {
            let count = buffer.withUnsafeMutableBytes { reply.copy(from: copied.count, into: $0) }
            copied += buffer[..<count]
        }
        #expect(
            String(decoding: copied, as: UTF8.self)
                == "HTTP/1.1 200 OK\r\nPadding: 00000\r\n\r\n<p>hi</p>")
        #expect(buffer.withUnsafeMutableBytes { reply.copy(from: reply.count, into: $0) } == 0)
    }

    @Test func headReplyStopsAtTheEmptyLine() {
        let reply = Reply(
            head: Array("HTTP/1.1 200 OK\r\nPadding: ".utf8), filler: 2,
            body: Array("body".utf8), sendsBody: false, closesConnection: true)
        #expect(
            reply.withUnsafeBytes { Array($0) }
                == Array("HTTP/1.1 200 OK\r\nPadding: 00\r\n\r\n".utf8))
    }
}
