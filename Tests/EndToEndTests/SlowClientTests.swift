import Foundation
import Testing

/// Clients that stall are cut off at their deadline, and never hold up
/// anyone else meanwhile, even with a single worker thread.
@Suite(.timeLimit(.minutes(1)))
struct SlowClientTests {
    static let timeout = 3.0
    static let overrides = [
        "Workers": "1", "HandshakeTimeout": "3 seconds", "HeaderTimeout": "3 seconds",
    ]
    /// Served well before any stalled client is cut off.
    static let prompt = 1.5
    static let earliestCut = timeout * 0.75
    static let latestCut = timeout + 4
    /// How long to look whether a connection is still open.
    static let glance = 0.05

    @Test func stalledClientsAreCutOffWhileOthersAreServed() throws {
        let server = try ServerProcess.start([.https, .http], Self.overrides)
        defer { server.stop() }
        let opened = ContinuousClock.now
        let silentTCP = try SocketConnection(server.endpoint(.https))
        let halfHeadPlain = try SocketConnection(server.endpoint(.http))
        try halfHeadPlain.send("GET /de/ HTTP/1.1\r\nHo")
        let halfHeadTLS = try TLSSession(port: server.port(.https))
        try halfHeadTLS.send("GET /de/ HTTP/1.1\r\nHo")

        let timing = try Curl(server: server).run(["/de/"], options: ["-w", "\n%{time_total}"])
        let served = try #require(Double(timing.text.split(separator: "\n").last ?? ""))
        #expect(timing.text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(served < Self.prompt)

        let openMeanwhile = [
            try silentTCP.readUntilClosed(timeout: Self.glance) == nil,
            try halfHeadPlain.readUntilClosed(timeout: Self.glance) == nil,
            !halfHeadTLS.waitForClose(timeout: Self.glance),
        ]
        #expect(Self.seconds(since: opened) < Self.earliestCut)
        #expect(openMeanwhile == [true, true, true])

        let closed = [
            try silentTCP.readUntilClosed(timeout: Self.latestCut) != nil,
            try halfHeadPlain.readUntilClosed(timeout: Self.latestCut) != nil,
            halfHeadTLS.waitForClose(timeout: Self.latestCut),
        ]
        #expect(closed == [true, true, true])
        #expect(Self.seconds(since: opened) < Self.latestCut)
        #expect(server.outputAfterStartup == "")
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
