/// Bytes ready to be written for one request: nearly always a response
/// serialised at start-up, so answering is a lookup and a write; the port-80
/// redirect alone is built per request, in memory that is wiped.
public struct Reply: Sendable {
    private enum Storage: Sendable {
        /// A response of the start-up table; shared, never copied per request.
        case shared([UInt8])
        /// Built for this request; wiped once written.
        case sensitive(SensitiveBytes)
    }

    private let storage: Storage
    /// How many bytes to send: all for GET, the head alone for HEAD.
    public let count: Int
    /// The response says `Connection: close`; close once it is written.
    public let closesConnection: Bool

    public init(bytes: [UInt8], count: Int, closesConnection: Bool) {
        precondition(count <= bytes.count)
        storage = .shared(bytes)
        self.count = count
        self.closesConnection = closesConnection
    }

    public init(sensitive bytes: SensitiveBytes, count: Int, closesConnection: Bool) {
        precondition(count <= bytes.count)
        storage = .sensitive(bytes)
        self.count = count
        self.closesConnection = closesConnection
    }

    /// Calls `body` with the `count` bytes to send.
    public func withUnsafeBytes<Result>(
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        switch storage {
        case .shared(let bytes):
            try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        case .sensitive(let bytes):
            try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
    }

    /// Zeroes a reply built for its request once it has been written; a
    /// shared table response holds nothing of the visitor's and stays.
    public func wipeIfSensitive() {
        if case .sensitive(let bytes) = storage { bytes.wipe() }
    }
}
