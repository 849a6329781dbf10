import Foundation
import Glibc
import Testing

/// MaxConnections under a client that tries to take every place: newcomers
/// are still served, and answers already given are never cut short.
@Suite(.serialized) struct ConnectionCapTests {
    static let cap = 20

    @Test func aFullCapClosesTheWaitingConnectionNearestItsDeadlineForEachNewcomer() throws {
        let server = try ServerProcess.start(
            Set(Listener.allCases), ["MaxConnections": "\(Self.cap)", "Workers": "1"])
        defer { server.stop(grace: 0) }
        let redirect = try server.endpoint(.http)
        var silent: [SocketConnection] = []
        for _ in 0..<Self.cap {
            silent.append(try SocketConnection(redirect))
            // Distinct accept times, so their deadlines are ordered.
            usleep(5_000)
        }
        usleep(200_000)
        #expect(silent.filter { $0.peerHasClosed() }.isEmpty)

        // Kept alive and idle after their answer, the newcomers wait for a
        // later deadline (IdleTimeout) than the silent ones (HeaderTimeout).
        var newcomers: [SocketConnection] = []
        for served in 1...5 {
            let newcomer = try SocketConnection(redirect)
            try newcomer.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try newcomer.readResponse().status == 301)
            newcomers.append(newcomer)
            let closed = silent.map { $0.peerHasClosed() }
            #expect(closed == (0..<Self.cap).map { $0 < served }, "after newcomer \(served)")
        }
        #expect(newcomers.filter { $0.peerHasClosed() }.isEmpty)
    }

    @Test func placesHeldByAnswersAreNotTakenAndTheNewcomerIsClosedInstead() throws {
        let server = try ServerProcess.start(
            Set(Listener.allCases), ["MaxConnections": "4", "Workers": "1"])
        defer { server.stop(grace: 0) }
        let redirect = try server.endpoint(.http)
        // Each is answered 400 and then lingers (2 s) while it stays open.
        let answered = try (0..<4).map { _ in
            let client = try SocketConnection(redirect)
            try client.send("GET / HTTP/1.1\r\n\r\n")
            return client
        }
        usleep(200_000)

        let refused = try SocketConnection(redirect)
        try? refused.send(MalformedRequest.follower)
        let refusal = try refused.readToEnd()
        #expect(refusal.closed && refusal.bytes.isEmpty)
        for client in answered {
            let answer = try client.readToEnd()
            #expect(HTTPResponse.statuses(answer.bytes) == [400] && answer.closed)
        }
    }
}
