/// What `RequestParser` made of the bytes received so far.
public enum ParseOutcome: Sendable, Equatable {
    /// The head is not complete yet and no limit is passed: read more.
    case needMoreBytes
    /// A complete, valid head; `consumed` bytes belong to it, and whatever
    /// follows is the start of the next pipelined request.
    case request(Request, consumed: Int)
    /// The head is invalid or too large; answer with `error.status`, close.
    case rejected(RequestError)
}
