/// Bytes held for the server's lifetime and shared by every reply that
/// sends part of them, such as an audio clip mapped from its file.
public protocol SharedBody: AnyObject, Sendable {
    var count: Int { get }
    func withUnsafeBytes<Result>(
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result
}

/// The part of a shared body that one reply sends after its head.
public struct BodyPart: Sendable {
    public let source: any SharedBody
    public let range: Range<Int>

    public init(_ source: any SharedBody, _ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= source.count)
        self.source = source
        self.range = range
    }

    /// A copy of the bytes, for tests and checks; replies never copy.
    public var bytes: [UInt8] {
        source.withUnsafeBytes { Array($0[range]) }
    }
}
