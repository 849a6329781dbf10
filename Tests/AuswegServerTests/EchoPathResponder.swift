import AuswegHTTP

/// Answers each request with its path, so tests can see order and count.
struct EchoPathResponder: Responder {
    func reply(to request: Request, on listener: ListenerKind) -> Reply {
        let bytes = Array("<\(request.path)>".utf8)
        let closing = request.wantsClose || request.announcesBody
        return Reply(bytes: bytes, count: bytes.count, closesConnection: closing)
    }

    func reply(rejecting error: RequestError, on listener: ListenerKind) -> Reply {
        let bytes = Array("<\(error.status.rawValue)>".utf8)
        return Reply(bytes: bytes, count: bytes.count, closesConnection: true)
    }
}
