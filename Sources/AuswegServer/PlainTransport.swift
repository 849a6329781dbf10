import Glibc

/// An unencrypted socket: the port-80 redirect and the onion unix socket.
final class PlainTransport: Transport {
    let fileDescriptor: Int32
    private(set) var lastReadDrained = false

    init(takingOwnershipOf fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    deinit {
        close(fileDescriptor)
    }

    func handshake() -> IOStep { .done(0) }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> IOStep {
        let step = SocketIO.receive(fileDescriptor, into: buffer)
        if case .done(let count) = step { lastReadDrained = count < buffer.count }
        return step
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> IOStep {
        let count = send(fileDescriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
        if count >= 0 { return .done(count) }
        return SocketIO.isWouldBlock(errno) ? .wouldBlock : .failed
    }

    func shutdown() {
        _ = Glibc.shutdown(fileDescriptor, Int32(SHUT_WR))
    }

    func discard(into buffer: UnsafeMutableRawBufferPointer) -> IOStep {
        SocketIO.receive(fileDescriptor, into: buffer)
    }
}
