import Foundation
import Glibc
import Testing

/// The open-file limit: MaxConnections is fitted to it at start-up, and a
/// server that runs out of descriptors anyway rests instead of spinning,
/// then serves the clients that waited.
@Suite(.serialized) struct DescriptorExhaustionTests {
    @Test func aLowOpenFileLimitLowersMaxConnectionsAndSaysSo() throws {
        let server = try HostileServer(
            extra: ["--MaxConnections", "1000", "--Workers", "1"], fileLimit: 100)
        defer {
            server.signal(SIGKILL)
            server.removeFolder()
        }
        #expect(
            server.startupText.contains(
                "ausweg: MaxConnections lowered from 1000 to 67: the open-file limit is 100\n"))

        let held = (0..<80).compactMap { _ in RawClient(.tcp(server.redirectPort)) }
        let newcomer = try #require(RawClient(.unix(server.onionPath)))
        newcomer.send(MalformedRequest.follower)
        #expect(RawResponse.statuses(newcomer.readToEnd().bytes) == [200])
        #expect(held.count == 80)
    }

    @Test func runningOutOfDescriptorsRestsTheListenerAndServesTheWaitingLater() throws {
        let server = try HostileServer(extra: ["--Workers", "1"])
        defer {
            server.signal(SIGKILL)
            server.removeFolder()
        }
        var held: [RawClient] = (0..<10).compactMap { _ in RawClient(.tcp(server.redirectPort)) }
        usleep(200_000)
        try server.limitOpenFiles(to: server.lowestFreeDescriptor())

        var waiting: [RawClient?] = try (0..<10).map { _ in
            let client = try #require(RawClient(.tcp(server.redirectPort)))
            client.send(MalformedRequest.follower)
            return client
        }
        usleep(300_000)
        let cpuBefore = server.cpuSeconds()
        usleep(1_500_000)
        let cpuUsed = server.cpuSeconds() - cpuBefore
        // Spinning on a readable listener burns most of a core.
        #expect(cpuUsed < 0.3, "\(cpuUsed) s of CPU in 1.5 s")

        held.removeAll()
        for index in waiting.indices {
            #expect(RawResponse.statuses(waiting[index]?.readToEnd().bytes ?? []) == [301])
            waiting[index] = nil
        }
    }
}
