/// One byte range a `Range` header asks for (RFC 9110 §14.1.2).
///
/// Only a single range is understood. A list of several, another unit, or
/// anything malformed reads as no range at all: RFC 9110 §14.2 lets a
/// server ignore Range, and the full 200 answer is always correct.
public enum ByteRange: Sendable, Equatable {
    /// `bytes=first-` or `bytes=first-last`; `last` may lie past the end.
    case from(first: UInt64, last: UInt64?)
    /// `bytes=-length`: the final `length` bytes.
    case suffix(length: UInt64)

    /// What a range means for a body of a given size.
    public enum Resolution: Sendable, Equatable {
        /// Send these bytes with 206.
        case partial(Range<Int>)
        /// 416 with `Content-Range: bytes */size`.
        case unsatisfiable
    }

    /// Eighteen digits always fit 64 bits; longer numbers make the header
    /// ignored rather than parsed.
    static let maximumDigits = 18

    /// The range `value` asks for, or nil when it is to be ignored.
    public init?(parsing value: UnsafeRawBufferPointer) {
        let value = value.trimmingWhitespace()
        let unitLength = 6
        guard value.count > unitLength, value.slice(0..<unitLength).equalsIgnoringCase("bytes=")
        else { return nil }
        let spec = value.slice(unitLength..<value.count)
        guard let dash = spec.firstIndex(of: ASCII.hyphen) else { return nil }
        let first = Self.number(spec.slice(0..<dash))
        let last = Self.number(spec.slice(dash + 1..<spec.count))
        switch (dash == 0, dash == spec.count - 1) {
        case (true, false):
            guard let last else { return nil }
            self = .suffix(length: last)
        case (false, true):
            guard let first else { return nil }
            self = .from(first: first, last: nil)
        case (false, false):
            guard let first, let last, first <= last else { return nil }
            self = .from(first: first, last: last)
        case (true, true):
            return nil
        }
    }

    /// The bytes to send of a body `size` bytes long (RFC 9110 §14.1.2): a
    /// last position past the end is clamped; a first one at or past it,
    /// or an empty suffix, cannot be satisfied.
    public func resolve(size: Int) -> Resolution {
        let total = UInt64(size)
        switch self {
        case .from(let first, let last):
            guard first < total else { return .unsatisfiable }
            let end = min(last ?? total - 1, total - 1) + 1
            return .partial(Int(first)..<Int(end))
        case .suffix(let length):
            guard length > 0, total > 0 else { return .unsatisfiable }
            return .partial(Int(total - min(length, total))..<size)
        }
    }

    private static func number(_ digits: UnsafeRawBufferPointer) -> UInt64? {
        guard !digits.isEmpty, digits.count <= maximumDigits else { return nil }
        var number: UInt64 = 0
        for byte in digits {
            guard ASCII.isDigit(byte) else { return nil }
            number = number * 10 + UInt64(byte - ASCII.zero)
        }
        return number
    }
}
