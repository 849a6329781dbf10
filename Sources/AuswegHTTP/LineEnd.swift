/// Finds where a line of a request head ends, and refuses the bytes that
/// must never appear in a head on the way.
enum LineEnd {
    /// CR and LF.
    static let crlfLength = 2

    /// The index of the CR of the CRLF that ends the line starting at
    /// `start`, or nil when no CRLF has arrived yet.
    ///
    /// Only the bytes before `window` are examined: a line whose LF would sit
    /// at `window` or later is too long, and the caller decides that from
    /// the nil and the buffer's size.
    /// - Throws: `.bareLineFeed` for an LF without CR before it, `bareCarriageReturn`
    ///   for a CR without LF after it, `.nulByte` for a NUL.
    static func find(
        in bytes: UnsafeRawBufferPointer, from start: Int, before window: Int,
        bareCarriageReturn: RequestError
    ) throws(RequestError) -> Int? {
        let end = Swift.min(bytes.count, window)
        var index = start
        while index < end {
            index = bytes.skippingPlainWords(from: index, to: end)
            guard index < end else {
                return nil
            }
            switch bytes[index] {
            // RFC 9112 §2.2: a recipient may take a bare LF as a line end, and
            // §11.2 warns that disagreeing on it lets requests be smuggled.
            case ASCII.lineFeed:
                throw .bareLineFeed
            case ASCII.carriageReturn:
                guard index + 1 < end else {
                    return nil
                }
                // RFC 9112 §2.2: a bare CR must be rejected or replaced by SP.
                guard bytes[index + 1] == ASCII.lineFeed else {
                    throw bareCarriageReturn
                }
                return index
            // RFC 9110 §5.5: NUL in a field value must be rejected or replaced;
            // nothing in a head has a use for it.
            case ASCII.nul:
                throw .nulByte
            default:
                index += 1
            }
        }
        return nil
    }
}
