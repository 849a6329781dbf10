/// Answers parsed and refused requests. The server calls it on every loop
/// thread at once, so it must be immutable or otherwise thread-safe.
public protocol Responder: Sendable {
    func reply(to request: Request, on listener: ListenerKind) -> Reply
    /// The answer to a refused head; it always closes the connection.
    func reply(rejecting error: RequestError, on listener: ListenerKind) -> Reply
}
