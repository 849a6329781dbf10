import AuswegHTTP
import Testing

@testable import AuswegServer

/// Promise 2 of the threat model: request bytes live in one buffer that
/// never moves and are zeroed as soon as they are answered.
@Suite struct RequestWipingTests {
    let transport = MemoryTransport()
    let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 16 * 1024, alignment: 16)

    private func connection(responder: any Responder = EchoPathResponder()) -> Connection {
        Connection(
            transport: transport, listener: .onion, secure: false, responder: responder,
            limits: .standard, timeouts: .standard, now: 0)
    }

    private func request(_ path: String) -> [UInt8] {
        Array("GET \(path) HTTP/1.1\r\nHost: x\r\nAccept-Language: de-AT\r\n\r\n".utf8)
    }

    private var output: String { String(decoding: transport.written, as: UTF8.self) }

    @Test func bufferNeverMovesWhileHeadsArriveInPieces() throws {
        let subject = connection()
        let second = request("/second")
        let third = request("/third")
        transport.incoming = [request("/first") + second[..<9]]
        _ = subject.drive(now: 0, scratch: scratch)
        let address = try #require(subject.inputAddress)

        for piece in [second[9..<30], second[30...] + third[..<1], third[1...]] {
            transport.incoming = [Array(piece)]
            _ = subject.drive(now: 1, scratch: scratch)
            #expect(subject.inputAddress == address)
        }

        #expect(output == "</first></second></third>")
    }

    @Test func wholeHeadIsAnsweredFromScratchAndOnlyTheRestIsBuffered() {
        let subject = connection()
        let first = request("/first")
        let second = request("/second")
        transport.incoming = [first + second[..<12]]

        _ = subject.drive(now: 0, scratch: scratch)

        #expect(output == "</first>")
        #expect(subject.inputWritten == Array(second[..<12]))
        #expect(scratch[..<(first.count + 12)].allSatisfy { $0 == 0 })
    }

    @Test func answeredHeadIsZeroedAndTheNextOneMovedToTheFront() {
        let subject = connection()
        let first = request("/first")
        let second = request("/second")
        transport.incoming = [Array(first[..<12]), Array(first[12...] + second[..<9])]

        _ = subject.drive(now: 0, scratch: scratch)

        let written = subject.inputWritten
        #expect(output == "</first>")
        #expect(written.count == first.count + 9)
        #expect(Array(written[..<9]) == Array(second[..<9]))
        #expect(written[9...].allSatisfy { $0 == 0 })
    }

    @Test func everyByteIsZeroOnceAllHeadsAreAnswered() {
        let subject = connection()
        let second = request("/second")
        transport.incoming = [request("/first") + second[..<12]]
        _ = subject.drive(now: 0, scratch: scratch)
        transport.incoming = [Array(second[12...])]

        _ = subject.drive(now: 1, scratch: scratch)

        #expect(output == "</first></second>")
        #expect(subject.inputWritten.count == second.count)
        #expect(subject.inputWritten.allSatisfy { $0 == 0 })
    }

    @Test func refusedHeadIsZeroed() {
        let subject = connection()
        transport.incoming = [
            Array("GET /x HTTP/1.1\r\nAccept-Language: de\r\n".utf8),
            Array("\r\nGET /y".utf8),
        ]

        _ = subject.drive(now: 0, scratch: scratch)

        #expect(output == "<400>")
        #expect(subject.inputWritten.count == 46)
        #expect(subject.inputWritten.allSatisfy { $0 == 0 })
        #expect(scratch[..<38].allSatisfy { $0 == 0 })
    }

    @Test func headThatFillsTheBufferIsRefusedAndZeroed() {
        let subject = connection()
        let field = "X-Filler: " + String(repeating: "a", count: 1000) + "\r\n"
        let head = "GET /x HTTP/1.1\r\n" + String(repeating: field, count: 30)
        transport.incoming = [Array(head.utf8)]

        _ = subject.drive(now: 0, scratch: scratch)

        #expect(output == "<431>")
        #expect(subject.inputWritten.count > scratch.count)
        #expect(subject.inputWritten.allSatisfy { $0 == 0 })
    }

    @Test func scratchIsZeroedAfterTheFirstReadIsCopied() {
        let subject = connection()
        let bytes = request("/first")
        transport.incoming = [Array(bytes[..<20])]

        _ = subject.drive(now: 0, scratch: scratch)

        #expect(subject.inputWritten == Array(bytes[..<20]))
        #expect(scratch[..<20].allSatisfy { $0 == 0 })
    }

    @Test func connectionThatSendsNothingTakesNoBuffer() {
        let subject = connection()

        #expect(subject.drive(now: 0, scratch: scratch) == .waiting)

        #expect(subject.inputAddress == nil)
    }

    @Test func replyBuiltForTheRequestIsZeroedOnceWritten() throws {
        let responder = SensitiveEchoResponder()
        let subject = connection(responder: responder)
        transport.incoming = [request("/secret")]

        _ = subject.drive(now: 0, scratch: scratch)

        #expect(output == "</secret>")
        let reply = try #require(responder.issued.first)
        #expect(reply.count == 9)
        #expect(reply.withUnsafeBytes { $0.allSatisfy { $0 == 0 } })
    }
}
