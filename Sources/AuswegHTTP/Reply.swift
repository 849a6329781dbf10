/// Bytes ready to be written for one request: nearly always a response
/// serialised at start-up, so answering is a lookup and a write. The port-80
/// redirect is built per request, in memory that is wiped; an audio reply
/// builds its head per request and sends part of a clip mapped from its
/// file.
public struct Reply: Sendable {
    private enum Storage: Sendable {
        /// A response of the start-up table; shared, never copied per request.
        case shared([UInt8])
        /// Built for this request; wiped once written.
        case sensitive(SensitiveBytes)
    }

    private let storage: Storage
    /// How many bytes of the stored response to send: all for GET, the head
    /// alone for HEAD.
    public let count: Int
    /// Sent after those `count` bytes: part of a body held for the server's
    /// lifetime, such as an audio clip, so that a connection never holds its
    /// own copy of a large body.
    public let body: BodyPart?
    /// The response says `Connection: close`; close once it is written.
    public let closesConnection: Bool

    public init(
        bytes: [UInt8], count: Int, body: BodyPart? = nil, closesConnection: Bool
    ) {
        precondition(count <= bytes.count)
        storage = .shared(bytes)
        self.count = count
        self.body = body
        self.closesConnection = closesConnection
    }

    public init(
        sensitive bytes: SensitiveBytes, count: Int, body: BodyPart? = nil,
        closesConnection: Bool
    ) {
        precondition(count <= bytes.count)
        storage = .sensitive(bytes)
        self.count = count
        self.body = body
        self.closesConnection = closesConnection
    }

    /// Every byte to write, the stored part and the body together.
    public var length: Int {
        count + (body?.range.count ?? 0)
    }

    /// Calls `body` with the `count` bytes of the stored part.
    public func withUnsafeBytes<Result>(
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        try withUnsafeBytes(from: 0) { try body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }

    /// Calls `write` with the bytes still to send from `offset` on, up to
    /// the end of the stored part or, past it, of the body.
    public func withUnsafeBytes<Result>(
        from offset: Int, _ write: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        precondition(offset < length, "nothing left to write")
        if offset >= count, let body {
            return try body.source.withUnsafeBytes {
                let start = body.range.lowerBound + offset - count
                return try write(
                    UnsafeRawBufferPointer(rebasing: $0[start..<body.range.upperBound]))
            }
        }
        let part = offset..<count
        switch storage {
        case .shared(let bytes):
            return try bytes.withUnsafeBytes {
                try write(UnsafeRawBufferPointer(rebasing: $0[part]))
            }
        case .sensitive(let bytes):
            return try bytes.withUnsafeBytes {
                try write(UnsafeRawBufferPointer(rebasing: $0[part]))
            }
        }
    }

    /// Zeroes a reply built for its request once it has been written; a
    /// shared table response holds nothing of the visitor's and stays.
    public func wipeIfSensitive() {
        if case .sensitive(let bytes) = storage { bytes.wipe() }
    }
}
