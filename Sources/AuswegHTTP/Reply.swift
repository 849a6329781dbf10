import Glibc

/// Bytes ready to be written for one request: a head and a body, nearly
/// always serialised at start-up, so answering is a lookup and a write.
///
/// The parts are kept apart, so that one body is shared by every form and
/// listener that sends it (or, for an audio clip, by every reply that sends
/// part of its mapped file), and a padded head stores its filler as a count.
/// The writer copies them into its own buffer, a record's worth at a time.
/// A head built for one request from what the visitor sent is held in
/// memory that is wiped once written.
public struct Reply: Sendable {
    private enum Head: Sendable {
        /// From the start-up table; shared, never copied per request.
        case shared([UInt8])
        /// Built for this request; wiped once written.
        case sensitive(SensitiveBytes)
    }

    private enum Body: Sendable {
        case bytes([UInt8])
        case part(BodyPart)

        var count: Int {
            switch self {
            case .bytes(let bytes): bytes.count
            case .part(let part): part.range.count
            }
        }
    }

    private let head: Head
    private let headCount: Int
    /// The number of ASCII "0" that end a padded head's last field, which
    /// CRLF and the empty line's CRLF follow; nil when `head` ends itself.
    private let filler: Int?
    private let body: Body
    /// How many bytes to send: all for GET, the head alone for HEAD.
    public let count: Int
    /// The response says `Connection: close`; close once it is written.
    public let closesConnection: Bool

    /// A reply of the first `count` bytes of `bytes`.
    public init(bytes: [UInt8], count: Int, closesConnection: Bool) {
        precondition(count <= bytes.count)
        self.init(
            head: .shared(bytes), headCount: count, filler: nil, body: .bytes([]),
            sendsBody: false, closesConnection: closesConnection)
    }

    /// A reply of the first `count` bytes of `bytes`, built for its request.
    public init(sensitive bytes: SensitiveBytes, count: Int, closesConnection: Bool) {
        precondition(count <= bytes.count)
        self.init(
            head: .sensitive(bytes), headCount: count, filler: nil, body: .bytes([]),
            sendsBody: false, closesConnection: closesConnection)
    }

    /// `head`, then `filler` times "0" and two CRLFs when the head is padded,
    /// then `body` unless `sendsBody` is false (HEAD).
    public init(
        head: [UInt8], filler: Int?, body: [UInt8], sendsBody: Bool, closesConnection: Bool
    ) {
        self.init(
            head: .shared(head), headCount: head.count, filler: filler, body: .bytes(body),
            sendsBody: sendsBody, closesConnection: closesConnection)
    }

    /// `head` built for this request, then `body`, part of a body held for
    /// the server's lifetime (an audio clip), if any.
    public init(head: [UInt8], body: BodyPart?, closesConnection: Bool) {
        self.init(
            head: .shared(head), headCount: head.count, filler: nil,
            body: body.map { .part($0) } ?? .bytes([]), sendsBody: body != nil,
            closesConnection: closesConnection)
    }

    /// The same, with a head built for this request.
    public init(
        sensitiveHead head: SensitiveBytes, filler: Int?, body: [UInt8], sendsBody: Bool,
        closesConnection: Bool
    ) {
        self.init(
            head: .sensitive(head), headCount: head.count, filler: filler, body: .bytes(body),
            sendsBody: sendsBody, closesConnection: closesConnection)
    }

    private init(
        head: Head, headCount: Int, filler: Int?, body: Body, sendsBody: Bool,
        closesConnection: Bool
    ) {
        precondition((filler ?? 0) >= 0, "negative padding")
        self.head = head
        self.headCount = headCount
        self.filler = filler
        self.body = body
        count =
            headCount + (filler.map { $0 + Self.headEnd.count } ?? 0)
            + (sendsBody ? body.count : 0)
        self.closesConnection = closesConnection
    }

    /// CRLF ending the padding field, then the empty line.
    private static let headEnd: [UInt8] = Array("\r\n\r\n".utf8)

    /// The reply was built from what the visitor sent: whatever it was copied
    /// into must be wiped too.
    public var isSensitive: Bool {
        if case .sensitive = head { return true }
        return false
    }

    /// Copies the reply's bytes from `offset` on into `buffer`, as many as
    /// fit; returns how many it copied.
    public func copy(from offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let end = min(count, offset + buffer.count)
        guard offset < end else { return 0 }
        var part = Part(offset: offset, end: end, buffer: buffer)
        let headCount = headCount
        switch head {
        case .shared(let bytes):
            bytes.withUnsafeBytes { part.take(UnsafeRawBufferPointer(rebasing: $0[..<headCount])) }
        case .sensitive(let bytes):
            bytes.withUnsafeBytes { part.take(UnsafeRawBufferPointer(rebasing: $0[..<headCount])) }
        }
        if let filler {
            part.takeRun(of: ASCII.zero, count: filler)
            Self.headEnd.withUnsafeBytes { part.take($0) }
        }
        switch body {
        case .bytes(let bytes):
            bytes.withUnsafeBytes { part.take($0) }
        case .part(let shared):
            shared.source.withUnsafeBytes {
                part.take(UnsafeRawBufferPointer(rebasing: $0[shared.range]))
            }
        }
        return end - offset
    }

    /// Calls `body` with the `count` bytes to send, laid end to end in a
    /// copy that is zeroed afterwards: for tests, not for the write path.
    public func withUnsafeBytes<Result>(
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 1)
        defer {
            if let start = bytes.baseAddress { explicit_bzero(start, bytes.count) }
            bytes.deallocate()
        }
        _ = copy(from: 0, into: bytes)
        return try body(UnsafeRawBufferPointer(rebasing: bytes[..<count]))
    }

    /// Zeroes a head built for its request once it has been written; a
    /// shared table response holds nothing of the visitor's and stays.
    public func wipeIfSensitive() {
        if case .sensitive(let bytes) = head { bytes.wipe() }
    }
}

/// The walk of `Reply.copy` over the reply's parts: each part in turn gives
/// the stretch of [offset, end) that falls inside it.
private struct Part {
    /// Where the current part starts, counted in the whole reply.
    private var start = 0
    private let offset: Int
    private let end: Int
    private let buffer: UnsafeMutableRawBufferPointer

    init(offset: Int, end: Int, buffer: UnsafeMutableRawBufferPointer) {
        self.offset = offset
        self.end = end
        self.buffer = buffer
    }

    mutating func take(_ bytes: UnsafeRawBufferPointer) {
        if let (from, to) = overlap(bytes.count) {
            let source = UnsafeRawBufferPointer(rebasing: bytes[from - start..<to - start])
            UnsafeMutableRawBufferPointer(rebasing: buffer[from - offset..<to - offset])
                .copyMemory(from: source)
        }
        start += bytes.count
    }

    mutating func takeRun(of byte: UInt8, count: Int) {
        if let (from, to) = overlap(count) {
            UnsafeMutableRawBufferPointer(rebasing: buffer[from - offset..<to - offset])
                .initializeMemory(as: UInt8.self, repeating: byte)
        }
        start += count
    }

    /// The part of [offset, end) inside the part of `length` bytes at `start`.
    private func overlap(_ length: Int) -> (Int, Int)? {
        let from = max(offset, start)
        let to = min(end, start + length)
        return from < to ? (from, to) : nil
    }
}
