import Foundation
import Glibc
import Testing

/// The open-file limit: MaxConnections is fitted to it at start-up, and a
/// server that runs out of descriptors anyway rests instead of spinning,
/// then serves the clients that waited.
@Suite(.serialized) struct DescriptorExhaustionTests {
    @Test func aLowOpenFileLimitLowersMaxConnectionsAndSaysSo() throws {
        let server = try ServerProcess.start(
            Set(Listener.allCases), ["MaxConnections": "1000", "Workers": "1"], fileLimit: 100)
        defer { server.stop(grace: 0) }
        #expect(
            server.startup.notes.contains(
                "ausweg: MaxConnections lowered from 1000 to 67: the open-file limit is 100"))

        let redirect = try server.endpoint(.http)
        let held = (0..<80).compactMap { _ in try? SocketConnection(redirect) }
        let newcomer = try SocketConnection(server.endpoint(.onion))
        try newcomer.send(MalformedRequest.follower)
        #expect(HTTPResponse.statuses(try newcomer.readToEnd().bytes) == [200])
        #expect(held.count == 80)
    }

    @Test func runningOutOfDescriptorsRestsTheListenerAndServesTheWaitingLater() throws {
        let server = try ServerProcess.start(Set(Listener.allCases), ["Workers": "1"])
        defer { server.stop(grace: 0) }
        let redirect = try server.endpoint(.http)
        var held = (0..<10).compactMap { _ in try? SocketConnection(redirect) }
        usleep(200_000)
        try server.limitOpenFiles(to: server.lowestFreeDescriptor())

        var waiting: [SocketConnection?] = try (0..<10).map { _ in
            let client = try SocketConnection(redirect)
            try client.send(MalformedRequest.follower)
            return client
        }
        usleep(300_000)
        let cpuBefore = server.cpuSeconds()
        usleep(1_500_000)
        let cpuUsed = server.cpuSeconds() - cpuBefore
        // Spinning on a readable listener burns most of a core; a sanitized
        // server is allowed more for its own bookkeeping, still far below.
        #expect(cpuUsed < (PackageLayout.isMeasurable ? 0.3 : 0.75), "\(cpuUsed) s of CPU in 1.5 s")

        held.removeAll()
        for index in waiting.indices {
            let answer = try waiting[index]?.readToEnd().bytes ?? []
            #expect(HTTPResponse.statuses(answer) == [301])
            waiting[index] = nil
        }
    }
}
