/// How long a connection may take for each stage, in milliseconds.
///
/// Deadlines are absolute per stage: a client that trickles one byte a
/// second does not extend its header deadline.
public struct ConnectionTimeouts: Sendable, Equatable {
    /// From accept to a finished TLS handshake.
    public var handshake: Int
    /// From the first byte of a request head to its end.
    public var header: Int
    /// Between requests on a kept-alive connection.
    public var idle: Int
    /// Without any progress while writing a response.
    public var send: Int
    /// How long a closing connection drains what the peer still sends, so
    /// the answer is not lost to a reset.
    public var linger: Int

    public static let standard = ConnectionTimeouts(
        handshake: 10_000, header: 10_000, idle: 30_000, send: 10_000, linger: 2_000)

    public init(handshake: Int, header: Int, idle: Int, send: Int, linger: Int) {
        self.handshake = handshake
        self.header = header
        self.idle = idle
        self.send = send
        self.linger = linger
    }
}
