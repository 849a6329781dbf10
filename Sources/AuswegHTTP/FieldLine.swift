/// One header field line (RFC 9112 §5) split into name and value.
struct FieldLine {
    /// A token, case not folded.
    let name: UnsafeRawBufferPointer
    /// The value without surrounding OWS.
    let value: UnsafeRawBufferPointer

    /// Splits `line` (without its CRLF) at its first colon. The line must
    /// come from `LineEnd`, which has refused the bytes a value may not hold.
    /// - Throws: `.obsoleteLineFolding` for a line that starts with SP or
    ///   HTAB, `.whitespaceBeforeColon`, `.malformedHeader` for an empty or
    ///   non-token name or a missing colon.
    init(parsing line: UnsafeRawBufferPointer) throws(RequestError) {
        // RFC 9112 §5.2: obs-fold outside message/http must be rejected (or
        // replaced by SP, which we do not do).
        if let first = line.first, ASCII.isWhitespace(first) {
            throw .obsoleteLineFolding
        }
        var nameEnd = 0
        while nameEnd < line.count, ByteSet.token.contains(line[nameEnd]) {
            nameEnd += 1
        }
        guard nameEnd > 0, nameEnd < line.count else {
            throw .malformedHeader
        }
        guard line[nameEnd] == ASCII.colon else {
            // RFC 9112 §5.1: whitespace between name and colon must be
            // answered with 400; it has been used to smuggle requests.
            let rest = line.slice(nameEnd..<line.count).trimmingWhitespace()
            let isSpaceThenColon = ASCII.isWhitespace(line[nameEnd]) && rest.first == ASCII.colon
            throw isSpaceThenColon ? .whitespaceBeforeColon : .malformedHeader
        }
        name = line.slice(0..<nameEnd)
        value = line.slice(nameEnd + 1..<line.count).trimmingWhitespace()
    }
}
