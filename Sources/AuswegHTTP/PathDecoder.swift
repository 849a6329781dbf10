/// Percent-decodes a request path exactly once and refuses every decoded
/// form that could reach outside the site or mean something else to a file
/// system.
public enum PathDecoder {
    /// Decodes `path`, which must start with "/" and hold no query.
    ///
    /// Decoding happens once: "%2541" becomes "%41", never "A", so a path is
    /// judged by what it will be used as.
    /// - Throws: `.invalidTarget` without the leading "/",
    ///   `.invalidPercentEncoding` for a "%" without two hex digits,
    ///   `.encodedSlash` for "%2F" or "%5C", `.encodedNul` for "%00",
    ///   `.nulByte` for a raw NUL, `.pathEscapesRoot` for a ".." segment
    ///   (however encoded), `.invalidUTF8` when the result is not UTF-8.
    public static func decode(_ path: String) throws(RequestError) -> String {
        var path = path
        let result = path.withUTF8 { utf8 in
            Result { () throws(RequestError) in try decode(UnsafeRawBufferPointer(utf8)) }
        }
        return try result.get()
    }

    static func decode(_ path: UnsafeRawBufferPointer) throws(RequestError) -> String {
        guard path.first == ASCII.slash else {
            throw .invalidTarget
        }
        guard path.firstIndex(of: ASCII.percent, from: 0) < path.count else {
            // Nothing to decode: the common case builds the String directly.
            try checkSegments(path)
            return path.string
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(path.count)
        var index = 0
        while index < path.count {
            let byte = path[index]
            if byte == ASCII.percent {
                decoded.append(try decodedByte(in: path, at: index))
                index += 3
            } else {
                decoded.append(byte)
                index += 1
            }
        }
        let checked = decoded.withUnsafeBytes { bytes in
            Result { () throws(RequestError) in try checkSegments(bytes) }
        }
        try checked.get()
        guard let text = String(validating: decoded, as: UTF8.self) else {
            throw .invalidUTF8
        }
        return text
    }

    private static func decodedByte(
        in path: UnsafeRawBufferPointer, at index: Int
    ) throws(RequestError) -> UInt8 {
        let byte = try PercentEncoding.byte(in: path, at: index)
        switch byte {
        // An encoded separator would let one segment name a file in another
        // directory; "\" is a separator to some file systems and proxies.
        case ASCII.slash, ASCII.backslash:
            throw .encodedSlash
        case ASCII.nul:
            throw .encodedNul
        default:
            return byte
        }
    }

    /// Refuses a ".." segment (RFC 3986 §3.3 dot-segment) and a raw NUL.
    private static func checkSegments(_ path: UnsafeRawBufferPointer) throws(RequestError) {
        var start = 0
        while start < path.count {
            let end = path.firstIndex(of: ASCII.slash, from: start + 1)
            let segment = path.slice(start + 1..<end)
            if segment.equals("..") {
                throw .pathEscapesRoot
            }
            if segment.firstIndex(of: ASCII.nul, from: 0) < segment.count {
                throw .nulByte
            }
            start = end
        }
    }
}
