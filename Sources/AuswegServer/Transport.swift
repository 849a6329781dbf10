/// What one non-blocking I/O call achieved.
enum IOStep: Equatable {
    /// Bytes moved (or, for a handshake, finished).
    case done(Int)
    /// The socket or TLS engine needs the peer first; wait for epoll.
    case wouldBlock
    /// The peer closed cleanly.
    case closed
    /// A socket or TLS error; the connection is beyond saving.
    case failed
}

/// The byte pipe under a connection: plain TCP or unix socket, or TLS over
/// one. A transport owns its file descriptor and closes it when freed.
protocol Transport: AnyObject {
    var fileDescriptor: Int32 { get }
    func handshake() -> IOStep
    func read(into buffer: UnsafeMutableRawBufferPointer) -> IOStep
    /// True when the last read that returned bytes took fewer from the socket
    /// than it asked for, so the kernel held no more, and nothing is left
    /// buffered above the socket: another read would find nothing until epoll
    /// reports new bytes. False when unknown.
    var lastReadDrained: Bool { get }
    func write(_ bytes: UnsafeRawBufferPointer) -> IOStep
    /// Says goodbye (TLS close_notify, then a TCP FIN) without waiting.
    func shutdown()
    /// Reads and drops raw socket bytes while a closing connection lingers.
    func discard(into buffer: UnsafeMutableRawBufferPointer) -> IOStep
    /// Frees what a connection waiting for its peer can do without (TLS
    /// record buffers); the loop calls it for idle connections each sweep.
    /// - Returns: whether anything was freed.
    func releaseIdleBuffers() -> Bool
}

extension Transport {
    func releaseIdleBuffers() -> Bool { false }
}
