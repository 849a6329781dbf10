import AuswegServer
import Testing

@Suite struct ListenAddressTests {
    @Test(arguments: [
        ("127.0.0.1:8443", "127.0.0.1", 8443),
        ("[::1]:443", "::1", 443),
        ("0.0.0.0:0", "0.0.0.0", 0),
    ])
    func parsesLiteralAddresses(_ text: String, _ host: String, _ port: Int) {
        #expect(ListenAddress(parsing: text) == ListenAddress(host: host, port: UInt16(port)))
    }

    @Test(arguments: ["localhost:80", "127.0.0.1", "::1:80", "[::1]80", "1.2.3.4:65536", ":80"])
    func refusesNamesAndMalformedText(_ text: String) {
        #expect(ListenAddress(parsing: text) == nil)
    }
}
