import AuswegHTTP
import Testing

@testable import AuswegServer

@Suite struct ConnectionTests {
    let transport = MemoryTransport()
    let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 16 * 1024, alignment: 16)

    private func connection(secure: Bool = false, now: UInt64 = 0) -> Connection {
        Connection(
            transport: transport, listener: .onion, secure: secure,
            responder: EchoPathResponder(), limits: .standard, timeouts: .standard, now: now)
    }

    private func request(_ path: String, _ extra: String = "") -> [UInt8] {
        Array("GET \(path) HTTP/1.1\r\nHost: x\r\n\(extra)\r\n".utf8)
    }

    private var output: String { String(decoding: transport.written, as: UTF8.self) }

    @Test func answersPipelinedRequestsInOrder() {
        let subject = connection()
        transport.incoming = [request("/a") + request("/b") + request("/c")]
        #expect(subject.drive(now: 0, scratch: scratch) == .waiting)
        #expect(output == "</a></b></c>")
        #expect(subject.state == .reading)
    }

    @Test func waitsForAHeadSplitAcrossReads() {
        let subject = connection()
        let bytes = request("/split")
        transport.incoming = [Array(bytes[..<10])]
        #expect(subject.drive(now: 0, scratch: scratch) == .waiting)
        #expect(output.isEmpty)
        transport.incoming = [Array(bytes[10...])]
        #expect(subject.drive(now: 5, scratch: scratch) == .waiting)
        #expect(output == "</split>")
    }

    @Test func keepsThePartOfTheNextHeadThatCameWithAWholeOne() {
        let subject = connection()
        let next = request("/next")
        transport.incoming = [request("/first") + next[..<7]]
        #expect(subject.drive(now: 0, scratch: scratch) == .waiting)
        #expect(output == "</first>")
        transport.incoming = [Array(next[7...])]
        #expect(subject.drive(now: 1, scratch: scratch) == .waiting)
        #expect(output == "</first></next>")
    }

    @Test func refusalIsAnsweredThenShutDownAndDrained() {
        let subject = connection()
        transport.incoming = [Array("GET /x HTTP/1.1\r\n\r\n".utf8)]
        #expect(subject.drive(now: 0, scratch: scratch) == .waiting)
        #expect(output == "<400>")
        #expect(transport.shutdownCalled)
        #expect(subject.state == .draining)
        #expect(subject.deadline == UInt64(ConnectionTimeouts.standard.linger))
        transport.peerClosed = true
        #expect(subject.drive(now: 1, scratch: scratch) == .finished)
    }

    @Test func bodyAnnouncingRequestIsAnsweredAndClosedWithoutReadingTheBody() {
        let subject = connection()
        transport.incoming = [request("/post", "Content-Length: 5\r\n") + Array("hello".utf8)]
        _ = subject.drive(now: 0, scratch: scratch)
        #expect(output == "</post>")
        #expect(transport.shutdownCalled)
        #expect(subject.state == .draining)
    }

    @Test func blockedWriteResumesWhereItStopped() {
        let subject = connection()
        transport.writeLimit = 3
        transport.writesBlocked = true
        transport.incoming = [request("/long")]
        #expect(subject.drive(now: 100, scratch: scratch) == .waiting)
        #expect(subject.state == .writing)
        #expect(subject.deadline == 100 + UInt64(ConnectionTimeouts.standard.send))
        transport.writesBlocked = false
        #expect(subject.drive(now: 200, scratch: scratch) == .waiting)
        #expect(output == "</long>")
    }

    @Test func deadlinesFollowTheStage() {
        let timeouts = ConnectionTimeouts.standard
        let subject = connection(secure: true, now: 1000)
        #expect(subject.deadline == 1000 + UInt64(timeouts.handshake))
        transport.incoming = [Array("GET /".utf8)]
        _ = subject.drive(now: 2000, scratch: scratch)
        #expect(subject.deadline == 2000 + UInt64(timeouts.header))
        transport.incoming = [Array(" HTTP/1.1\r\nHost: x\r\n\r\n".utf8)]
        _ = subject.drive(now: 3000, scratch: scratch)
        #expect(subject.deadline == 3000 + UInt64(timeouts.idle))
    }

    @Test func trickledBytesDoNotExtendTheHeaderDeadline() {
        let subject = connection()
        transport.incoming = [Array("G".utf8)]
        _ = subject.drive(now: 100, scratch: scratch)
        transport.incoming = [Array("E".utf8)]
        _ = subject.drive(now: 5000, scratch: scratch)
        #expect(subject.deadline == 100 + UInt64(ConnectionTimeouts.standard.header))
    }

    @Test func yieldsAfterItsShareOfPipelinedRequests() {
        let subject = connection()
        let count = Connection.requestsPerTurn + 4
        transport.incoming = [Array((0..<count).map { request("/\($0)") }.joined())]
        #expect(subject.drive(now: 0, scratch: scratch) == .yielded)
        #expect(output.filter { $0 == "<" }.count == Connection.requestsPerTurn)
        #expect(subject.drive(now: 0, scratch: scratch) == .waiting)
        #expect(output.filter { $0 == "<" }.count == count)
    }

    @Test func unfinishedHandshakeWaits() {
        transport.handshakeDone = false
        let subject = connection(secure: true)
        #expect(subject.drive(now: 0, scratch: scratch) == .waiting)
        #expect(subject.state == .handshaking)
    }

    @Test func waitsWithoutReadingAgainAfterAReadThatDrainedTheSocket() {
        let subject = connection()
        transport.reportsDraining = true
        transport.incoming = [request("/one")]
        #expect(subject.drive(now: 0, scratch: scratch) == .waiting)
        #expect(output == "</one>")
        #expect(transport.reads == 1)
        #expect(subject.drive(now: 1, scratch: scratch, readable: false) == .waiting)
        #expect(transport.reads == 1)
        transport.incoming = [request("/two")]
        #expect(subject.drive(now: 2, scratch: scratch, readable: true) == .waiting)
        #expect(output == "</one></two>")
        #expect(transport.reads == 2)
    }

    @Test func wakeForWritingRoomReadsWhenNoReadDrainedTheSocket() {
        let subject = connection()
        transport.incoming = [request("/one")]
        #expect(subject.drive(now: 0, scratch: scratch) == .waiting)
        transport.incoming = [request("/two")]
        #expect(subject.drive(now: 1, scratch: scratch, readable: false) == .waiting)
        #expect(output == "</one></two>")
    }

    @Test func waitsWithoutReadingAgainAfterADrainedPartOfAHead() {
        let subject = connection()
        transport.reportsDraining = true
        let bytes = request("/split")
        transport.incoming = [Array(bytes[..<10])]
        #expect(subject.drive(now: 0, scratch: scratch) == .waiting)
        #expect(transport.reads == 1)
        transport.incoming = [Array(bytes[10...])]
        #expect(subject.drive(now: 1, scratch: scratch) == .waiting)
        #expect(output == "</split>")
        #expect(transport.reads == 2)
    }

    @Test func readsOnWhileTheSocketMayHoldMore() {
        let subject = connection()
        transport.reportsDraining = true
        transport.incoming = [request("/a"), request("/b")]
        #expect(subject.drive(now: 0, scratch: scratch) == .waiting)
        #expect(output == "</a></b>")
        #expect(transport.reads == 2)
    }

    @Test func readsUntilNothingIsLeftWhenDrainingIsUnknown() {
        let subject = connection()
        transport.incoming = [request("/a")]
        #expect(subject.drive(now: 0, scratch: scratch) == .waiting)
        #expect(output == "</a>")
        #expect(transport.reads == 2)
    }

    @Test func peerCloseFinishesTheConnection() {
        let subject = connection()
        transport.peerClosed = true
        #expect(subject.drive(now: 0, scratch: scratch) == .finished)
    }
}
