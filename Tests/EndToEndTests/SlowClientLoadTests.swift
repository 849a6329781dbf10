import Foundation
import Glibc
import Testing

/// A thousand slow clients against the real binary: they are closed at
/// their deadlines, cost bounded memory, and normal clients stay fast.
@Suite(.serialized) struct SlowClientLoadTests {
    static let shortTimeouts = [
        "HeaderTimeout": "3 seconds", "HandshakeTimeout": "3 seconds",
        "SendTimeout": "2 seconds", "IdleTimeout": "3 seconds",
    ]
    static let drippers = 500
    static let silentTLS = 200
    static let nonReaders = 300
    /// Requests each non-reader pipelines: far more answer bytes than a
    /// unix socket buffers, so the server's writes to it stall.
    static let pipelined = 32
    /// Growth of the server's resident memory allowed for these 1,000
    /// slow connections; about 9 MiB in all was measured.
    static let memoryBoundKiB = 32 * 1024
    /// Scheduler noise on a shared machine, added to the allowed p99; a
    /// server held up by slow clients would show whole seconds.
    static let noise = 0.050

    @Test func aThousandSlowClientsAreClosedAtTheirDeadlinesWhileOthersAreServed() throws {
        OpenFiles.raiseLimit()
        let server = try ServerProcess.start(Set(Listener.allCases), Self.shortTimeouts)
        defer { server.stop(grace: 0) }
        let (redirect, https) = (try server.endpoint(.http), try server.endpoint(.https))
        let onion = try server.endpoint(.onion)
        _ = latencies(server, count: 50)
        let unloaded = percentile99(latencies(server, count: 300))
        let memoryBefore = server.residentKiB()

        // 1. Drippers send a head byte by byte, never finishing it; silent
        //    ones open TLS and never say hello; non-readers ask for many
        //    pages and never read one.
        let opened = Date()
        let drippers = (0..<Self.drippers).compactMap { _ in try? SocketConnection(redirect) }
        var head = Array("GET / HTTP/1.1\r\nHost: a\r\nX: ".utf8)
        drip(drippers, &head)
        let silent = (0..<Self.silentTLS).compactMap { _ in try? SocketConnection(https) }
        let requests = String(
            repeating: "GET /de/1 HTTP/1.1\r\nHost: a\r\n\r\n", count: Self.pipelined)
        let nonReaders = (0..<Self.nonReaders).compactMap { _ in
            let client = try? SocketConnection(onion)
            try? client?.send(requests)
            return client
        }
        #expect(drippers.count + silent.count + nonReaders.count == 1000)

        // 2. Normal clients while the slow ones are open, once the burst of
        //    their arrival has been taken in; the phase ends in time to see
        //    the drippers still open before their header deadline.
        drip(drippers, &head)
        var loadedSamples: [Double] = []
        while loadedSamples.count < 300, Date().timeIntervalSince(opened) < 2 {
            loadedSamples += latencies(server, count: 30)
            drip(drippers, &head)
        }
        let loaded = percentile99(loadedSamples)
        let memoryLoaded = server.residentKiB()

        // 3. Before the header deadline every dripper is still open; after
        //    it and one sweep, every slow client is gone.
        let measured = Date().timeIntervalSince(opened)
        #expect(measured < 2.5, "the loaded phase took \(measured) s")
        #expect(loadedSamples.count >= 100)
        #expect(drippers.filter { $0.peerHasClosed() }.isEmpty)
        while Date().timeIntervalSince(opened) < 4.5 { drip(drippers, &head) }
        #expect(drippers.filter { !$0.peerHasClosed() }.isEmpty)
        #expect(silent.filter { !$0.peerHasClosed() }.isEmpty)
        #expect(nonReaders.filter { !$0.peerHasClosed() }.isEmpty)

        #expect(loaded <= 2 * unloaded + Self.noise, "p99 \(unloaded) s, loaded \(loaded) s")
        #expect(
            memoryLoaded - memoryBefore < Self.memoryBoundKiB,
            "VmRSS \(memoryBefore) KiB, loaded \(memoryLoaded) KiB")
    }

    /// Seconds per fresh connection, request and complete answer.
    private func latencies(_ server: ServerProcess, count: Int) -> [Double] {
        (0..<count).map { _ in
            let started = Date()
            guard let client = try? SocketConnection(server.endpoint(.http)),
                (try? client.send(MalformedRequest.follower)) != nil,
                let answer = try? client.readToEnd(),
                HTTPResponse.statuses(answer.bytes) == [301]
            else { return 10 }
            return Date().timeIntervalSince(started)
        }
    }

    private func percentile99(_ samples: [Double]) -> Double {
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
    }

    /// Sends every dripper its next byte of a never-ending head, then
    /// pauses a little.
    private func drip(_ drippers: [SocketConnection], _ head: inout [UInt8]) {
        let byte: [UInt8] = head.isEmpty ? [0x61] : [head.removeFirst()]
        for client in drippers { try? client.send(byte) }
        usleep(50_000)
    }
}
