import Testing

/// Clips over the real listeners: whole, as single byte ranges, refused
/// past their end, with the pages' security headers and nothing echoed.
/// Each test starts a server that reads every clip, which takes seconds
/// while other tests start theirs.
@Suite(.timeLimit(.minutes(3)))
struct AudioRangeTests {
    /// A server with the first clip of the German home page.
    struct Clip {
        let server: ServerProcess
        let path: String
        let whole: HTTPResponse

        init(on listener: Listener) throws {
            server = try ServerProcess.start([listener])
            let curl = Curl(server: server)
            let page = try curl.fetch("/de/", on: listener)
            path = try #require(AudioSources.paths(in: page.bodyText).first)
            whole = try curl.fetch(path, on: listener)
        }

        func fetch(_ range: String, on listener: Listener) throws -> HTTPResponse {
            try Curl(server: server).fetch(path, on: listener, headers: ["Range: " + range])
        }
    }

    @Test(arguments: [Listener.https, .onion])
    func wholeClipCarriesThePageHeadersAndNoEncoding(on listener: Listener) throws {
        let clip = try Clip(on: listener)
        defer { clip.server.stop() }
        let curl = Curl(server: clip.server)

        let zipped = try curl.fetch(clip.path, on: listener, headers: ["Accept-Encoding: gzip"])
        let page = try curl.fetch("/de/", on: listener)

        #expect(clip.whole.status == 200)
        #expect(clip.whole.value("Content-Type") == "audio/ogg; codecs=opus")
        #expect(clip.whole.value("Accept-Ranges") == "bytes")
        #expect(clip.whole.value("Content-Length") == "\(clip.whole.body.count)")
        #expect(zipped.body == clip.whole.body)
        #expect(zipped.value("Content-Encoding") == nil)
        for name in [
            "Cache-Control", "Content-Security-Policy", "Referrer-Policy",
            "X-Content-Type-Options", "Permissions-Policy", "Cross-Origin-Resource-Policy",
            "Strict-Transport-Security",
        ] {
            #expect(clip.whole.values(name) == page.values(name), "\(name)")
        }
        #expect(clip.whole.value("Cache-Control") == "no-store")
        #expect(clip.whole.values("Strict-Transport-Security").isEmpty == (listener == .onion))
        for name in ["Set-Cookie", "ETag", "Last-Modified", "Server"] {
            #expect(clip.whole.values(name).isEmpty, "\(name)")
        }
        #expect(clip.server.outputAfterStartup == "")
    }

    @Test(arguments: [Listener.https, .onion])
    func singleRangesAreServedExactly(on listener: Listener) throws {
        let clip = try Clip(on: listener)
        defer { clip.server.stop() }
        let whole = clip.whole.body
        let size = whole.count

        let first = try clip.fetch("bytes=0-99", on: listener)
        let suffix = try clip.fetch("bytes=-500", on: listener)
        let clamped = try clip.fetch("bytes=\(size - 10)-\(size * 2)", on: listener)
        let open = try clip.fetch("bytes=\(size - 1)-", on: listener)

        #expect(first.status == 206)
        #expect(first.body == Array(whole[0..<100]))
        #expect(first.value("Content-Range") == "bytes 0-99/\(size)")
        #expect(suffix.body == Array(whole[(size - 500)...]))
        #expect(suffix.value("Content-Range") == "bytes \(size - 500)-\(size - 1)/\(size)")
        #expect(clamped.body == Array(whole[(size - 10)...]))
        #expect(clamped.value("Content-Range") == "bytes \(size - 10)-\(size - 1)/\(size)")
        #expect(open.body == [whole[size - 1]])
        for part in [first, suffix, clamped, open] {
            #expect(part.value("Cache-Control") == "no-store")
            #expect(part.value("Content-Length") == "\(part.body.count)")
        }
    }

    @Test(arguments: [Listener.https, .onion])
    func rangePastTheEndIs416WithTheSizeAndNothingEchoed(on listener: Listener) throws {
        let clip = try Clip(on: listener)
        defer { clip.server.stop() }
        let size = clip.whole.body.count

        let refused = try clip.fetch("bytes=\(size)-", on: listener)
        let afterIt = try clip.fetch("bytes=\(size)-\(size + 1)", on: listener)

        for reply in [refused, afterIt] {
            #expect(reply.status == 416)
            #expect(reply.value("Content-Range") == "bytes */\(size)")
            #expect(reply.body.isEmpty)
            #expect(reply.value("Cache-Control") == "no-store")
            #expect(!reply.headText.contains("\(size)-"))
        }
        #expect(clip.server.outputAfterStartup == "")
    }

    @Test(arguments: [
        "bytes=0-1,5-9", "bytes=abc", "bytes=9-3", "lines=0-9", "bytes=--5",
        "bytes=99999999999999999999-",
    ])
    func rangeThatIsNotOneValidByteRangeGetsTheWholeClip(_ range: String) throws {
        let clip = try Clip(on: .https)
        defer { clip.server.stop() }

        let reply = try clip.fetch(range, on: .https)

        #expect(reply.status == 200)
        #expect(reply.body == clip.whole.body)
        #expect(!reply.headText.contains(range))
    }

    @Test(arguments: [Listener.https, .onion])
    func headHasTheHeadersOfGet(on listener: Listener) throws {
        let clip = try Clip(on: listener)
        defer { clip.server.stop() }
        let curl = Curl(server: clip.server)

        let head = try curl.fetch(clip.path, on: listener, method: "HEAD")
        let ranged = try curl.fetch(
            clip.path, on: listener, method: "HEAD", headers: ["Range: bytes=0-9"])

        #expect(head.head == clip.whole.head)
        #expect(ranged.head == clip.whole.head)
        #expect(head.body.isEmpty)
    }
}
