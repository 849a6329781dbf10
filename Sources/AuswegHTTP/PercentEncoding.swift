/// Reads the pct-encoded triples of RFC 3986 §2.1.
enum PercentEncoding {
    /// The byte that the "%" at `index` and the two hex digits after it
    /// encode.
    /// - Throws: `.invalidPercentEncoding` when two hex digits do not follow.
    static func byte(
        in bytes: UnsafeRawBufferPointer, at index: Int
    ) throws(RequestError) -> UInt8 {
        guard index + 2 < bytes.count, let high = ASCII.hexValue(bytes[index + 1]),
            let low = ASCII.hexValue(bytes[index + 2])
        else {
            throw .invalidPercentEncoding
        }
        return high << 4 | low
    }
}
