/// Reads a Content-Length value (RFC 9112 §6.2, RFC 9110 §8.6).
enum ContentLength {
    /// Eighteen decimal digits always fit 64 bits; no page of ours is that
    /// big, so longer values are refused rather than parsed.
    static let maximumDigits = 18

    /// The length `value` states.
    /// - Throws: `.invalidContentLength` for anything but 1 to 18 digits,
    ///   a comma list of repeated values included.
    static func parse(_ value: UnsafeRawBufferPointer) throws(RequestError) -> UInt64 {
        guard !value.isEmpty, value.count <= maximumDigits else {
            throw .invalidContentLength
        }
        var length: UInt64 = 0
        for byte in value {
            guard ASCII.isDigit(byte) else {
                throw .invalidContentLength
            }
            length = length * 10 + UInt64(byte - ASCII.zero)
        }
        return length
    }
}
