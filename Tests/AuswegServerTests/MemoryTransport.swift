@testable import AuswegServer

/// A transport that reads from queued chunks and records what is written,
/// so the connection state machine can be tested without sockets.
final class MemoryTransport: Transport {
    let fileDescriptor: Int32 = -1
    var incoming: [[UInt8]] = []
    var peerClosed = false
    var written: [UInt8] = []
    /// Bytes accepted per write call; nil accepts everything.
    var writeLimit: Int?
    var writesBlocked = false
    var handshakeDone = true
    private(set) var shutdownCalled = false
    /// Read calls made, those that found nothing included.
    private(set) var reads = 0
    /// Whether reads report draining the socket once no chunk is left.
    var reportsDraining = false
    private(set) var lastReadDrained = false

    func handshake() -> IOStep { handshakeDone ? .done(0) : .wouldBlock }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> IOStep {
        reads += 1
        defer { lastReadDrained = reportsDraining && incoming.isEmpty }
        guard !incoming.isEmpty else { return peerClosed ? .closed : .wouldBlock }
        let chunk = incoming.removeFirst()
        let count = min(chunk.count, buffer.count)
        buffer.copyBytes(from: chunk[..<count])
        if count < chunk.count { incoming.insert(Array(chunk[count...]), at: 0) }
        return .done(count)
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> IOStep {
        if writesBlocked { return .wouldBlock }
        let count = min(bytes.count, writeLimit ?? bytes.count)
        written += bytes[..<count]
        return .done(count)
    }

    func shutdown() { shutdownCalled = true }

    func discard(into buffer: UnsafeMutableRawBufferPointer) -> IOStep {
        read(into: buffer)
    }
}
