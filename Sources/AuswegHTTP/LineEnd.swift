/// Finds where a line of a request head ends, and refuses on the way the
/// bytes that no line of a head may hold: control bytes other than HTAB,
/// and DEL. The parsers of the lines rely on that and do not look again.
enum LineEnd {
    /// CR and LF.
    static let crlfLength = 2

    /// The index of the CR of the CRLF that ends the line starting at
    /// `start`, or nil when no CRLF has arrived yet.
    ///
    /// Only the bytes before `window` are examined: a line whose LF would sit
    /// at `window` or later is too long, and the caller decides that from
    /// the nil and the buffer's size.
    /// - Throws: `.bareLineFeed` for an LF without CR before it, `.nulByte`
    ///   for a NUL, `malformed` for a CR without LF after it and for any
    ///   other control byte.
    static func find(
        in bytes: UnsafeRawBufferPointer, from start: Int, before window: Int,
        malformed: RequestError
    ) throws(RequestError) -> Int? {
        let end = Swift.min(bytes.count, window)
        var index = start
        while index < end {
            // Plain words are skipped whole; the word that stopped the skip
            // is then read byte by byte, so it is loaded only once.
            index = bytes.skippingPlainWords(from: index, to: end)
            let wordEnd = Swift.min(end, index + MemoryLayout<UInt64>.size)
            while index < wordEnd {
                if try isLineEnd(in: bytes, at: index, before: end, malformed) {
                    return index
                }
                index += 1
            }
        }
        return nil
    }

    /// True for the CR of a CRLF at `index`; false for any other byte that
    /// may appear in a line, and for a CR whose LF is not before `end` yet.
    private static func isLineEnd(
        in bytes: UnsafeRawBufferPointer, at index: Int, before end: Int,
        _ malformed: RequestError
    ) throws(RequestError) -> Bool {
        switch bytes[index] {
        // RFC 9112 §2.2: a recipient may take a bare LF as a line end, and
        // §11.2 warns that disagreeing on it lets requests be smuggled.
        case ASCII.lineFeed:
            throw .bareLineFeed
        case ASCII.carriageReturn:
            guard index + 1 < end else {
                return false
            }
            // RFC 9112 §2.2: a bare CR must be rejected or replaced by SP.
            guard bytes[index + 1] == ASCII.lineFeed else {
                throw malformed
            }
            return true
        // RFC 9110 §5.5: NUL in a field value must be rejected or replaced;
        // nothing in a head has a use for it.
        case ASCII.nul:
            throw .nulByte
        // RFC 9110 §5.5 allows only VCHAR, obs-text, SP and HTAB in a field
        // value; the request line (RFC 9112 §3) has no place for others.
        case let byte where !ASCII.isFieldValueByte(byte):
            throw malformed
        default:
            return false
        }
    }
}
