import AuswegHTTP

/// Answers each request with its path in bytes built for that request, as
/// the port-80 redirect does, and keeps them so a test can see them wiped.
final class SensitiveEchoResponder: Responder, @unchecked Sendable {
    /// Written by the one test that owns the responder, on its own thread.
    private(set) var issued: [SensitiveBytes] = []

    func reply(to request: Request, on listener: ListenerKind) -> Reply {
        let text = Array("<\(request.path)>".utf8)
        let bytes = text.withUnsafeBytes { SensitiveBytes(concatenating: [$0]) }
        issued.append(bytes)
        return Reply(sensitive: bytes, count: bytes.count, closesConnection: false)
    }

    func reply(rejecting error: RequestError, on listener: ListenerKind) -> Reply {
        EchoPathResponder().reply(rejecting: error, on: listener)
    }
}
