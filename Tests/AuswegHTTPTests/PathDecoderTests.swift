import AuswegHTTP
import Testing

struct PathDecoderTests {
    @Test(arguments: [
        ("/", "/"),
        ("/a/b/", "/a/b/"),
        ("/a%20b", "/a b"),
        ("/%C3%A9", "/é"),
        ("/%c3%a9", "/é"),
        ("/%2541", "/%41"),
        ("/%252F", "/%2F"),
        ("/%252e%252e", "/%2e%2e"),
        ("/a/./b", "/a/./b"),
        ("/...", "/..."),
        ("/..a/a..", "/..a/a.."),
        ("/%2e", "/."),
        ("/%D8%B9%D8%B1%D8%A8%D9%8A", "/عربي"),
        ("/%F0%9F%98%80", "/😀"),
        // A "/" followed by a combining mark is one Character: the decoder
        // must work on bytes (found by the path fuzzer's own check).
        ("/%CC%81a", "/\u{301}a"),
        ("/\u{6DA}\u{FFFD}C-", "/\u{6DA}\u{FFFD}C-"),
    ])
    func decodesOnce(encoded: String, decoded: String) throws {
        #expect(try PathDecoder.decode(encoded) == decoded)
    }

    @Test(arguments: [
        ("/%2F", RequestError.encodedSlash),
        ("/a%2fb", .encodedSlash),
        ("/a%5Cb", .encodedSlash),
        ("/a%5c", .encodedSlash),
        ("/%00", .encodedNul),
        ("/a\u{0}", .nulByte),
        ("/%", .invalidPercentEncoding),
        ("/%4", .invalidPercentEncoding),
        ("/%G1", .invalidPercentEncoding),
        ("/%4g", .invalidPercentEncoding),
        ("/%%41", .invalidPercentEncoding),
        ("/%FF", .invalidUTF8),
        ("/%C3", .invalidUTF8),
        ("/%C3%28", .invalidUTF8),
        ("/%C0%AF", .invalidUTF8),
        ("/%ED%A0%80", .invalidUTF8),
        ("/%F4%90%80%80", .invalidUTF8),
        ("/..", .pathEscapesRoot),
        ("/../", .pathEscapesRoot),
        ("/a/../b", .pathEscapesRoot),
        ("/a/..", .pathEscapesRoot),
        ("/%2e%2e", .pathEscapesRoot),
        ("/%2E%2E/etc", .pathEscapesRoot),
        ("/.%2e/", .pathEscapesRoot),
        ("/a/%2e./b", .pathEscapesRoot),
        ("/../%CC%81", .pathEscapesRoot),
        ("/..%2F%CC%81", .encodedSlash),
        ("", .invalidTarget),
        ("a/b", .invalidTarget),
    ])
    func rejectsUnsafePaths(encoded: String, error: RequestError) {
        #expect(throws: error) {
            try PathDecoder.decode(encoded)
        }
        #expect(error.status == .badRequest)
    }
}
