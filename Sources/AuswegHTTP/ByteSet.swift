/// A set of ASCII bytes held as two 64-bit masks, so a membership test is a
/// shift and an AND with no table in memory. Bytes from 0x80 up are never in it.
struct ByteSet {
    /// Bytes 0x00–0x3F, bit n for byte n.
    let low: UInt64
    /// Bytes 0x40–0x7F, bit n for byte 0x40 + n.
    let high: UInt64

    func contains(_ byte: UInt8) -> Bool {
        let mask = byte < 64 ? low : high
        return byte < 128 && (mask >> UInt64(byte & 63)) & 1 == 1
    }

    /// tchar of RFC 9110 §5.6.2: ALPHA, DIGIT and !#$%&'*+-.^_`|~
    static let token = ByteSet(low: 0x03FF_6CFA_0000_0000, high: 0x57FF_FFFF_C7FF_FFFE)

    /// Origin form without pct-encoded: pchar of RFC 3986 §3.3 (unreserved,
    /// sub-delims, ":", "@"), "/", and "?" for the query (§3.4).
    static let query = ByteSet(low: 0xAFFF_FFD2_0000_0000, high: 0x47FF_FFFE_87FF_FFFF)

    /// An authority without userinfo or pct-encoded (RFC 3986 §3.2): unreserved,
    /// sub-delims, ":" for the port, and "[" "]" around an IP literal.
    static let authority = ByteSet(low: 0x2FFF_7FD2_0000_0000, high: 0x47FF_FFFE_AFFF_FFFE)
}
