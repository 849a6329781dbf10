import AuswegHTTP
import Testing

struct AcceptEncodingTests {
    @Test(
        arguments: [
            (nil, ContentCoding.identity),
            ("", .identity),
            ("gzip", .gzip),
            ("GZip", .gzip),
            ("x-gzip", .gzip),
            ("gzip, deflate, br, zstd", .gzip),
            ("deflate, gzip;q=0.5", .gzip),
            ("gzip ; q=0.8", .gzip),
            ("gzip;Q=0.5", .gzip),
            ("gzip;q=0.001", .gzip),
            ("gzip;q=1.000", .gzip),
            ("gzip;q=1.", .gzip),
            (",, gzip ,,", .gzip),
            ("gzip;q=0", .identity),
            ("gzip;q=0.000", .identity),
            ("gzip;q=0, deflate", .identity),
            ("*", .gzip),
            ("*;q=0.5", .gzip),
            ("br, *;q=0.5", .gzip),
            ("*;q=0", .identity),
            ("gzip;q=0, *", .identity),
            ("*, gzip;q=0", .identity),
            ("gzip;q=0, x-gzip", .gzip),
            ("br, zstd", .identity),
            ("identity", .identity),
            ("gzip;q=2", .identity),
            ("gzip;q=1.001", .identity),
            ("gzip;q=0.5555", .identity),
            ("gzip;q=", .identity),
            ("gzip;q=.5", .identity),
            ("gzip;q= 0.5", .identity),
            ("gzip;q=abc, *", .gzip),
            ("gzi p", .identity),
            (";q=1", .identity),
            ("gzip-ish", .identity),
        ] as [(String?, ContentCoding)])
    func choosesCoding(header: String?, coding: ContentCoding) {
        #expect(Negotiation.preferred(acceptEncoding: header) == coding)
    }
}
