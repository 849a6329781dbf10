import Foundation
import Glibc
import Testing

/// MaxConnections under a client that tries to take every place: newcomers
/// are still served, and answers already given are never cut short.
@Suite(.serialized) struct ConnectionCapTests {
    static let cap = 20

    @Test func aFullCapClosesTheWaitingConnectionNearestItsDeadlineForEachNewcomer() throws {
        let server = try HostileServer(extra: [
            "--MaxConnections", "\(Self.cap)", "--Workers", "1",
        ])
        defer {
            server.signal(SIGKILL)
            server.removeFolder()
        }
        var silent: [RawClient] = []
        for _ in 0..<Self.cap {
            silent.append(try #require(RawClient(.tcp(server.redirectPort))))
            // Distinct accept times, so their deadlines are ordered.
            usleep(5_000)
        }
        usleep(200_000)
        #expect(silent.filter { $0.peerHasClosed() }.isEmpty)

        // Kept alive and idle after their answer, the newcomers wait for a
        // later deadline (IdleTimeout) than the silent ones (HeaderTimeout).
        var newcomers: [RawClient] = []
        for served in 1...5 {
            let newcomer = try #require(RawClient(.tcp(server.redirectPort)))
            newcomer.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(RawResponse.statuses(newcomer.readResponse()) == [301])
            newcomers.append(newcomer)
            let closed = silent.map { $0.peerHasClosed() }
            #expect(closed == (0..<Self.cap).map { $0 < served }, "after newcomer \(served)")
        }
        #expect(newcomers.filter { $0.peerHasClosed() }.isEmpty)
    }

    @Test func placesHeldByAnswersAreNotTakenAndTheNewcomerIsClosedInstead() throws {
        let server = try HostileServer(extra: ["--MaxConnections", "4", "--Workers", "1"])
        defer {
            server.signal(SIGKILL)
            server.removeFolder()
        }
        // Each is answered 400 and then lingers (2 s) while it stays open.
        let answered = try (0..<4).map { _ in
            let client = try #require(RawClient(.tcp(server.redirectPort)))
            client.send("GET / HTTP/1.1\r\n\r\n")
            return client
        }
        usleep(200_000)

        let refused = try #require(RawClient(.tcp(server.redirectPort)))
        refused.send(MalformedRequest.follower)
        let refusal = refused.readToEnd()
        #expect(refusal.closed && refusal.bytes.isEmpty)
        for client in answered {
            let answer = client.readToEnd()
            #expect(RawResponse.statuses(answer.bytes) == [400] && answer.closed)
        }
    }
}
