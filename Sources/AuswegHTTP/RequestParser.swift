/// Parses one HTTP/1.1 request head (RFC 9112) from the start of a buffer.
///
/// Strict by design: whatever RFC 9112 lets a server either repair or
/// reject is rejected, so that no proxy in front of us can read the same
/// bytes as another request. The parser keeps no state between calls: give
/// it everything received so far, and on `.needMoreBytes` call it again
/// with more. The size limits are decided as soon as the bytes received
/// prove them passed, so a client cannot make us buffer beyond them.
public enum RequestParser {
    /// The outcome for the head at the start of `bytes`; bytes after it
    /// are not looked at.
    public static func parse(
        _ bytes: UnsafeRawBufferPointer, limits: RequestLimits = .standard
    ) -> ParseOutcome {
        do throws(RequestError) {
            guard let (request, consumed) = try parseHead(bytes, limits: limits) else {
                return .needMoreBytes
            }
            return .request(request, consumed: consumed)
        } catch {
            return .rejected(error)
        }
    }

    /// `parse(_:limits:)` for bytes held in an array slice.
    public static func parse(
        _ bytes: ArraySlice<UInt8>, limits: RequestLimits = .standard
    ) -> ParseOutcome {
        bytes.withUnsafeBytes { parse($0, limits: limits) }
    }

    /// `parse(_:limits:)` for bytes held in an array.
    public static func parse(
        _ bytes: [UInt8], limits: RequestLimits = .standard
    ) -> ParseOutcome {
        bytes.withUnsafeBytes { parse($0, limits: limits) }
    }

    /// The request and the length of its head, or nil when incomplete.
    private static func parseHead(
        _ bytes: UnsafeRawBufferPointer, limits: RequestLimits
    ) throws(RequestError) -> (Request, Int)? {
        // 1. The request line, at most `requestLine` bytes before its CRLF.
        let lineWindow = sum(limits.requestLine, LineEnd.crlfLength)
        guard
            let lineEnd = try LineEnd.find(
                in: bytes, from: 0, before: lineWindow,
                malformed: .malformedRequestLine)
        else {
            guard bytes.count < lineWindow else {
                throw .requestLineTooLong
            }
            return nil
        }
        let line = try RequestLine(parsing: bytes.slice(0..<lineEnd))

        // 2. The field lines up to the empty line.
        var fields = HeaderFields()
        let fieldsStart = lineEnd + LineEnd.crlfLength
        guard let headEnd = try parseFields(bytes, from: fieldsStart, into: &fields, limits) else {
            return nil
        }

        // 3. What needs the whole head.
        return (try request(line, fields), headEnd)
    }

    /// The request a complete head describes; 505 and 405 come last, so
    /// that they are only sent for a head that is otherwise valid.
    private static func request(
        _ line: RequestLine, _ fields: HeaderFields
    ) throws(RequestError) -> Request {
        try fields.checkComplete()
        let target = try RequestTarget(parsing: line.target)
        let path = target.path.isEmpty ? "/" : try PathDecoder.decode(target.path)
        guard let version = line.version else {
            throw .versionNotSupported
        }
        guard let method = line.method else {
            throw .methodNotAllowed
        }
        return Request(
            method: method, version: version, path: path, target: target.originForm,
            acceptEncoding: fields.acceptEncoding, acceptLanguage: fields.acceptLanguage,
            range: fields.range, announcesBody: fields.announcesBody,
            // RFC 9112 §9.3: HTTP/1.0 persistence needs keep-alive, which we
            // do not offer.
            wantsClose: version == .http10 || fields.wantsClose)
    }

    /// Reads field lines from `start`; returns the index after the empty
    /// line's CRLF, or nil when it has not arrived yet.
    private static func parseFields(
        _ bytes: UnsafeRawBufferPointer, from start: Int, into fields: inout HeaderFields,
        _ limits: RequestLimits
    ) throws(RequestError) -> Int? {
        let window = sum(start, limits.headerBlock)
        var lineStart = start
        while true {
            guard
                let lineEnd = try LineEnd.find(
                    in: bytes, from: lineStart, before: window,
                    malformed: .malformedHeader)
            else {
                guard bytes.count < window else {
                    throw .headerBlockTooLarge
                }
                return nil
            }
            if lineEnd == lineStart {
                return lineEnd + LineEnd.crlfLength
            }
            try fields.add(bytes.slice(lineStart..<lineEnd), limit: limits.headerFields)
            lineStart = lineEnd + LineEnd.crlfLength
        }
    }

    /// `a + b`, held at `Int.max` so a huge configured limit cannot wrap.
    private static func sum(_ a: Int, _ b: Int) -> Int {
        let (result, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : result
    }
}
