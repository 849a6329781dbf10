/// Bytes ready to be written for one request: head and body serialised at
/// start-up, so answering is a lookup and a write.
public struct Reply: Sendable {
    /// The whole response; shared, never copied per request.
    public let bytes: [UInt8]
    /// How many of `bytes` to send: all for GET, the head alone for HEAD.
    public let count: Int
    /// The response says `Connection: close`; close once it is written.
    public let closesConnection: Bool

    public init(bytes: [UInt8], count: Int, closesConnection: Bool) {
        precondition(count <= bytes.count)
        self.bytes = bytes
        self.count = count
        self.closesConnection = closesConnection
    }
}
