import AuswegHTTP

/// Answers a request for an audio clip: 200 with the whole clip, 206 with
/// the one byte range asked for, or 416 when that range lies past the end.
///
/// Clips are never gzip encoded (Opus and MP3 do not shrink), and carry the
/// same security headers as pages. HEAD ignores Range, as RFC 9110 §14.2
/// allows, so it always matches a plain GET. Only the head is built per
/// request, because Content-Range depends on the request; the body is part
/// of the clip's mapped file, never a copy.
enum AudioReply {
    static func reply(
        _ clip: AudioLibrary.Body, _ request: Request, listener: ListenerKind, closing: Bool
    ) -> Reply {
        let size = clip.file.count
        let fields = [("Content-Type", clip.format.contentType), ("Accept-Ranges", "bytes")]
        guard request.method == .get, let range = request.range else {
            let head = PreparedResponse.head(
                status: .ok, fields: fields, contentLength: size, listener: listener,
                closesConnection: closing)
            let body = request.method == .head ? nil : BodyPart(clip.file, 0..<size)
            return Reply(head: head, body: body, closesConnection: closing)
        }
        switch range.resolve(size: size) {
        case .partial(let part):
            let contentRange = "bytes \(part.lowerBound)-\(part.upperBound - 1)/\(size)"
            let head = PreparedResponse.head(
                status: .partialContent, fields: fields + [("Content-Range", contentRange)],
                contentLength: part.count, listener: listener, closesConnection: closing)
            return Reply(
                head: head, body: BodyPart(clip.file, part), closesConnection: closing)
        case .unsatisfiable:
            let head = PreparedResponse.head(
                status: .rangeNotSatisfiable,
                fields: [("Accept-Ranges", "bytes"), ("Content-Range", "bytes */\(size)")],
                contentLength: 0, listener: listener, closesConnection: closing)
            return Reply(bytes: head, count: head.count, closesConnection: closing)
        }
    }
}
