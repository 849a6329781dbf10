/// A request-target checked against RFC 3986 and reduced to origin form.
///
/// Origin form (`/path?query`) is what browsers send; absolute form
/// (`http://host/path?query`) must be accepted as well (RFC 9112 §3.2.2),
/// and its authority is then ignored like the Host header. Asterisk form and
/// authority form belong to OPTIONS and CONNECT and are refused.
struct RequestTarget {
    /// The path, still percent-encoded; empty only when an absolute-form
    /// target had no path, which means "/" (RFC 9112 §3.2.1).
    let path: UnsafeRawBufferPointer
    /// The query with its leading "?", or empty.
    let query: UnsafeRawBufferPointer
    /// Path and query together, as received.
    private let origin: UnsafeRawBufferPointer

    /// - Throws: `.invalidTarget` for another form or a byte RFC 3986 does not
    ///   allow there (a "#" included), `.invalidPercentEncoding` for a "%"
    ///   without two hex digits.
    init(parsing target: UnsafeRawBufferPointer) throws(RequestError) {
        let originStart: Int
        if target.first == ASCII.slash {
            originStart = 0
        } else {
            originStart = try Self.originStart(ofAbsolute: target)
        }
        origin = target.slice(originStart..<target.count)
        try Self.check(origin, allowing: .query)
        // RFC 3986 §3.4: the first "?" starts the query, which may hold more.
        let queryStart = origin.firstIndex(of: ASCII.questionMark, from: 0)
        path = origin.slice(0..<queryStart)
        query = origin.slice(queryStart..<origin.count)
    }

    /// The path and query as received, "/" standing in for an empty path.
    var originForm: String {
        path.isEmpty ? "/" + query.string : origin.string
    }

    /// Where the path starts in an `http://` or `https://` target.
    private static func originStart(
        ofAbsolute target: UnsafeRawBufferPointer
    ) throws(RequestError) -> Int {
        // RFC 3986 §3.1: the scheme is case-insensitive.
        let schemeLength: Int
        if target.count >= 7, target.slice(0..<7).equalsIgnoringCase("http://") {
            schemeLength = 7
        } else if target.count >= 8, target.slice(0..<8).equalsIgnoringCase("https://") {
            schemeLength = 8
        } else {
            throw .invalidTarget
        }
        var end = schemeLength
        while end < target.count, target[end] != ASCII.slash,
            target[end] != ASCII.questionMark
        {
            end += 1
        }
        // RFC 9110 §4.2.1: an http URI without a host is invalid; §4.2.4:
        // userinfo is to be treated as an error, so "@" is not in the set.
        guard end > schemeLength else {
            throw .invalidTarget
        }
        try check(target.slice(schemeLength..<end), allowing: .authority)
        return end
    }

    /// Checks that every byte is in `allowed` or part of a pct-encoded triple.
    private static func check(
        _ bytes: UnsafeRawBufferPointer, allowing allowed: ByteSet
    ) throws(RequestError) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.percent {
                _ = try PercentEncoding.byte(in: bytes, at: index)
                index += 3
            } else if allowed.contains(byte) {
                index += 1
            } else {
                throw .invalidTarget
            }
        }
    }
}
