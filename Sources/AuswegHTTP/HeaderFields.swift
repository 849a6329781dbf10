/// What the header fields of one request say, gathered line by line.
///
/// Every field is checked; only the few that decide framing or pick a
/// variant are kept, so a hostile client cannot make this grow beyond two
/// Strings and a range, bounded by `RequestLimits.headerBlock`.
struct HeaderFields {
    private(set) var wantsClose = false
    private(set) var acceptEncoding: String?
    private(set) var acceptLanguage: String?
    /// The one range asked for; nil when absent, malformed, repeated, or
    /// conditional.
    var range: ByteRange? {
        rangeCount == 1 && !hasIfRange ? firstRange : nil
    }
    private var firstRange: ByteRange?
    private var rangeCount = 0
    private var hasIfRange = false
    private var count = 0
    private var hostCount = 0
    private var contentLength: UInt64?
    private var hasTransferEncoding = false

    /// Content-Length above zero or any Transfer-Encoding.
    var announcesBody: Bool {
        hasTransferEncoding || (contentLength ?? 0) > 0
    }

    /// Checks one field line (without its CRLF) and keeps what matters.
    /// - Throws: `.tooManyHeaderFields` past `limit` fields, the errors of
    ///   `FieldLine`, and those of the fields read here.
    mutating func add(_ line: UnsafeRawBufferPointer, limit: Int) throws(RequestError) {
        count += 1
        guard count <= limit else {
            throw .tooManyHeaderFields
        }
        let field = try FieldLine(parsing: line)
        switch KnownField(name: field.name) {
        case .host:
            try addHost(field.value)
        case .contentLength:
            // RFC 9112 §6.3: several lengths, even equal ones, are framing
            // errors we need not repair.
            guard contentLength == nil else {
                throw .invalidContentLength
            }
            contentLength = try ContentLength.parse(field.value)
        case .transferEncoding:
            hasTransferEncoding = true
        case .connection:
            if try ConnectionOptions.containClose(field.value) {
                wantsClose = true
            }
        case .acceptEncoding:
            acceptEncoding = Self.combined(acceptEncoding, field.value)
        case .acceptLanguage:
            acceptLanguage = Self.combined(acceptLanguage, field.value)
        case .range:
            // RFC 9110 §14.2 lets a server ignore Range; a repeated one is
            // ignored rather than guessed at.
            rangeCount += 1
            firstRange = rangeCount == 1 ? ByteRange(parsing: field.value) : nil
        case .ifRange:
            // RFC 9110 §13.1.5: without validators of our own no If-Range
            // can match, and a clip may differ after a restart, so the
            // whole clip is sent.
            hasIfRange = true
        case nil:
            break
        }
    }

    /// The checks that need all fields.
    /// - Throws: `.missingHost`, `.conflictingLength`.
    func checkComplete() throws(RequestError) {
        // RFC 9112 §3.2: a request without Host is answered with 400; we ask
        // it of HTTP/1.0 too, since every client sends it.
        guard hostCount > 0 else {
            throw .missingHost
        }
        // RFC 9112 §6.1: both together may be a smuggling attempt.
        if contentLength != nil, hasTransferEncoding {
            throw .conflictingLength
        }
    }

    /// RFC 9112 §3.2: more than one Host, or an invalid one, is a 400. The
    /// value is never used, so only its bytes are checked (RFC 3986 §3.2.2).
    private mutating func addHost(_ value: UnsafeRawBufferPointer) throws(RequestError) {
        hostCount += 1
        guard hostCount == 1 else {
            throw .duplicateHost
        }
        for byte in value where !ByteSet.authority.contains(byte) && byte != ASCII.percent {
            throw .malformedHeader
        }
    }

    /// RFC 9110 §5.3: lines of one list field combine in order with commas.
    private static func combined(_ kept: String?, _ value: UnsafeRawBufferPointer) -> String {
        guard let kept else {
            return value.string
        }
        return kept + ", " + value.string
    }
}
