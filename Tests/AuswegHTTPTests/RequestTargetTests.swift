import AuswegHTTP
import Testing

struct RequestTargetTests {
    @Test(arguments: [
        ("/", "/", "/"),
        ("/a/b?x=1&y=%20", "/a/b", "/a/b?x=1&y=%20"),
        ("/a?", "/a", "/a?"),
        ("/a??b?", "/a", "/a??b?"),
        ("/a?x=%2F&y=/z", "/a", "/a?x=%2F&y=/z"),
        ("/%C3%A9t%C3%A9", "/été", "/%C3%A9t%C3%A9"),
        ("/a%41?b%41", "/aA", "/a%41?b%41"),
        ("/%2541", "/%41", "/%2541"),
        ("/~a/b-c_d.e!$&'()*+,;=:@", "/~a/b-c_d.e!$&'()*+,;=:@", "/~a/b-c_d.e!$&'()*+,;=:@"),
        ("http://example.org/a?b", "/a", "/a?b"),
        ("HTTPS://example.org:443/x/", "/x/", "/x/"),
        ("https://example.org", "/", "/"),
        ("http://example.org?q", "/", "/?q"),
        ("http://[::1]:8080/a", "/a", "/a"),
    ])
    func reducesTargetToOriginForm(target: String, path: String, origin: String) {
        let outcome = RequestFixture.parse(RequestFixture.head("GET " + target + " HTTP/1.1"))

        #expect(outcome.request?.path == path)
        #expect(outcome.request?.target == origin)
    }

    @Test(arguments: [
        ("*", RequestError.invalidTarget),
        ("example.org:443", .invalidTarget),
        ("example.org/a", .invalidTarget),
        ("a/b", .invalidTarget),
        ("ftp://example.org/a", .invalidTarget),
        ("http://", .invalidTarget),
        ("http:///a", .invalidTarget),
        ("http://user@example.org/", .invalidTarget),
        ("http:/example.org/", .invalidTarget),
        ("/a#fragment", .invalidTarget),
        ("/a?b#c", .invalidTarget),
        ("/a\"b", .invalidTarget),
        ("/a<b>", .invalidTarget),
        ("/a\\b", .invalidTarget),
        ("/a{b}", .invalidTarget),
        ("/a|b", .invalidTarget),
        ("/a^b", .invalidTarget),
        ("/a`b", .invalidTarget),
        ("/a\tb", .invalidTarget),
        ("/é", .invalidTarget),
        ("/a%", .invalidPercentEncoding),
        ("/a%4", .invalidPercentEncoding),
        ("/a%zz", .invalidPercentEncoding),
        ("/a?b=%G0", .invalidPercentEncoding),
        ("/a?b=%", .invalidPercentEncoding),
        ("/%2F", .encodedSlash),
        ("/a/%2e%2e/b", .pathEscapesRoot),
        ("http://example.org/..", .pathEscapesRoot),
        ("/%00", .encodedNul),
        ("/%FF", .invalidUTF8),
    ])
    func rejectsInvalidTarget(target: String, error: RequestError) {
        let outcome = RequestFixture.parse(RequestFixture.head("GET " + target + " HTTP/1.1"))

        #expect(outcome == .rejected(error))
        #expect(error.status == .badRequest)
    }

    @Test func rejectsUndefinedByteInTarget() {
        let bytes = Array("GET /a".utf8) + [0x80] + Array(" HTTP/1.1\r\nHost: a\r\n\r\n".utf8)

        let outcome = RequestFixture.parse(bytes)

        #expect(outcome == .rejected(.invalidTarget))
    }
}
