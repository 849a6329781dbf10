import Testing

/// The gzip variant: chosen by Accept-Encoding, the same page once unpacked.
@Suite(.timeLimit(.minutes(1)))
struct CompressionTests {
    static let paths = ["/de/", "/en/3", "/de/none"]
    static let gzipMagic: [UInt8] = [0x1f, 0x8b]

    @Test(arguments: [Listener.https, .onion])
    func gzipBodyUnpacksToTheIdentityBody(on listener: Listener) throws {
        let server = try ServerProcess.start([listener])
        defer { server.stop() }
        let curl = Curl(server: server)

        for path in Self.paths {
            let identity = try curl.fetch(path, on: listener)
            let gzip = try curl.fetch(path, on: listener, headers: ["Accept-Encoding: gzip"])
            let unpacked = try Command.succeed("gzip", ["-dc"], input: gzip.body).output

            #expect(gzip.status == identity.status, "\(path)")
            #expect(gzip.value("Content-Encoding") == "gzip", "\(path)")
            #expect(identity.values("Content-Encoding") == [], "\(path)")
            #expect(Array(gzip.body.prefix(2)) == Self.gzipMagic, "\(path)")
            #expect(gzip.body.count < identity.body.count, "\(path)")
            #expect(unpacked == identity.body, "\(path)")
            #expect(identity.body.count > 1000, "\(path)")
        }
        #expect(server.outputAfterStartup == "")
    }

    @Test func bothVariantsVaryOnAcceptEncoding() throws {
        let server = try ServerProcess.start([.https])
        defer { server.stop() }
        let curl = Curl(server: server)

        let identity = try curl.fetch("/en/2")
        let gzip = try curl.fetch("/en/2", headers: ["Accept-Encoding: gzip, br"])

        #expect(identity.value("Vary") == "Accept-Encoding")
        #expect(gzip.value("Vary") == "Accept-Encoding")
    }

    @Test func sendsIdentityWhenGzipIsNotAccepted() throws {
        let server = try ServerProcess.start([.onion])
        defer { server.stop() }
        let curl = Curl(server: server)

        for acceptEncoding in ["identity", "gzip;q=0", "br, deflate"] {
            let response = try curl.fetch(
                "/de/", on: .onion, headers: ["Accept-Encoding: " + acceptEncoding])

            #expect(response.values("Content-Encoding") == [], "\(acceptEncoding)")
            #expect(response.bodyText.hasPrefix("<!DOCTYPE html>"), "\(acceptEncoding)")
        }
    }
}
