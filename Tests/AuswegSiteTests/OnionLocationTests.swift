import AuswegHTTP
import AuswegSite
import Foundation
import Testing

/// Onion-Location (Tor Browser's "Onion available") and the onion notice.
@Suite struct OnionLocationTests {
    static let hostname = OnionAddressTests.valid[0]
    static let origin = "http://\(hostname)"
    let table: ResponseTable
    let content: SiteContent

    init() throws {
        var settings = SiteSettings()
        settings.publicURL = "https://help.example"
        settings.onionAddress = try OnionAddress(hostnameFileText: Self.hostname, file: "h")
        content = try Fixtures.realContent()
        table = try ResponseTable.build(content: content, settings: settings)
    }

    private func get(
        _ target: String, on listener: ListenerKind = .https, head: Bool = false,
        encoding: String? = nil, closing: Bool = false
    ) -> ReplyReading {
        let path = String(target.prefix { $0 != "?" })
        let request = Request(
            method: head ? .head : .get, version: .http11, path: path, target: target,
            acceptEncoding: encoding, wantsClose: closing)
        return ReplyReading(table.reply(to: request, on: listener))
    }

    private func locations(_ reply: ReplyReading) -> [String] {
        reply.fields.filter { $0.name == "Onion-Location" }.map(\.value)
    }

    @Test func everyHTTPSPageNamesItsOnionTwinExactlyOnce() {
        #expect(content.languages.count == 20)
        for language in content.languages {
            let code = language.code
            for target in ["/\(code)"] + content.pages.map({ $0.path(in: code) }) {
                for encoding in [nil, "gzip"] {
                    for closing in [false, true] {
                        let reply = get(target, encoding: encoding, closing: closing)
                        #expect(locations(reply) == [Self.origin + target], "\(target)")
                    }
                }
            }
        }
        #expect(locations(get("/")) == [Self.origin + "/"])
    }

    @Test func queryAndUnknownPathsKeepTheirTarget() throws {
        let withQuery = get("/de/1?from=card&x=%20", encoding: "gzip")
        #expect(locations(withQuery) == [Self.origin + "/de/1?from=card&x=%20"])
        #expect(try Gunzip.decompress(withQuery.body) == get("/de/1").body)
        #expect(locations(get("/?a")) == [Self.origin + "/?a"])
        let missing = get("/en/zzqq?b=1")
        #expect(missing.statusLine == "HTTP/1.1 404 Not Found")
        #expect(locations(missing) == [Self.origin + "/en/zzqq?b=1"])
    }

    @Test func lengthsStayRightWhenTheValueIsReplaced() {
        let reply = get("/de/2?a-longer-query-than-before")
        #expect(reply.field("Content-Length") == String(reply.body.count))
        let head = get("/de/2?a-longer-query-than-before", head: true)
        #expect(head.body.isEmpty)
        #expect(head.fields.map(\.value) == reply.fields.map(\.value))
    }

    /// Threat model, promise 2: a head naming the visitor's own target is
    /// zeroed once written, the shared body and the prepared pages stay.
    @Test func aHeadNamingTheTargetIsZeroedOnceWrittenWhilePagesStay() {
        for (path, target) in [("/de/1", "/de/1?from=card"), ("/en/zzqq", "/en/zzqq")] {
            let request = Request(
                method: .get, version: .http11, path: path, target: target,
                acceptEncoding: "gzip")
            let reply = table.reply(to: request, on: .https)
            let page = table.reply(
                to: Request(method: .get, version: .http11, path: "/de/1", target: "/de/1"),
                on: .https)
            let pageBytes = page.withUnsafeBytes { Array($0) }
            let read = ReplyReading(reply)
            #expect(reply.isSensitive && !page.isSensitive)
            #expect(locations(read) == [Self.origin + target])

            reply.wipeIfSensitive()
            page.wipeIfSensitive()

            // What is left: the padding's filler, the head's end, the body.
            let wiped = reply.withUnsafeBytes { Array($0) }
            let filler = read.field("Padding") ?? ""
            let headEnd = wiped.count - read.body.count
            let zeroed = headEnd - filler.utf8.count - 4
            #expect(zeroed > 100)
            #expect(wiped[..<zeroed].allSatisfy { $0 == 0 })
            #expect(Array(wiped[zeroed..<headEnd]) == Array((filler + "\r\n\r\n").utf8))
            #expect(Array(wiped[headEnd...]) == read.body)
            #expect(page.withUnsafeBytes { Array($0) } == pageBytes)
        }
    }

    @Test func refusalsPointToTheOnionHome() {
        let refused = ReplyReading(table.reply(rejecting: .invalidTarget, on: .https))
        #expect(locations(refused) == [Self.origin + "/"])
    }

    @Test func neverOnTheOnionListenerOrPort80() {
        for target in ["/", "/de/", "/de/1?q", "/en/none"] {
            #expect(locations(get(target, on: .onion)).isEmpty)
            #expect(locations(get(target, on: .redirect)).isEmpty)
        }
        #expect(get("/de/1", on: .redirect).statusLine == "HTTP/1.1 301 Moved Permanently")
        for listener in [ListenerKind.onion, .redirect] {
            let refused = ReplyReading(table.reply(rejecting: .invalidTarget, on: listener))
            #expect(locations(refused).isEmpty)
        }
    }

    @Test func safetyAndImprintShowTheAddressAsPlainTextInEveryLanguage() throws {
        let names = [PageEntry.safetyName, PageEntry.imprintName]
        let shown = content.pages.filter { names.contains($0.name) }
        #expect(shown.map(\.segment) == ["4", "6"])
        for language in content.languages {
            let texts = content.texts(for: language)
            let heading = try #require(texts.strings["onion.address"])
            let howTo = try #require(texts.strings["onion.open"])
            for page in shown {
                let target = page.path(in: language.code)
                let html = get(target, on: .onion).text
                #expect(html.contains("<p class=\"ltr onion\">\(Self.hostname)</p>"), "\(target)")
                #expect(html.contains("<h2>\(heading.htmlEscapedForTest)</h2>"), "\(target)")
                #expect(html.contains("<p>\(howTo.htmlEscapedForTest)</p>"), "\(target)")
                #expect(!html.contains("href=\"http://\(Self.hostname)"))
            }
        }
        #expect(get("/en/4").text.contains("Open Tor Browser."))
        #expect(!get("/de/1").text.contains(Self.hostname))
    }

    @Test func withoutAnAddressNoPageMentionsIt() throws {
        let plain = try ResponseTable.build(
            content: try Fixtures.realContent(), settings: SiteSettings())
        let request = Request(method: .get, version: .http11, path: "/de/4", target: "/de/4")
        let reply = ReplyReading(plain.reply(to: request, on: .https))
        #expect(reply.field("Onion-Location") == nil)
        #expect(!reply.text.contains("class=\"ltr onion\""))
    }

    @Test func aLanguageWithoutTheOnionStringsStopsStartUpOnlyWithAnAddress() throws {
        let copy = try Fixtures.contentCopy { folder in
            let path = folder + "/en/strings.txt"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let kept = text.split(separator: "\n").filter { !$0.hasPrefix("onion.") }
            try Fixtures.write(kept.joined(separator: "\n") + "\n", to: path)
        }
        let content = try SiteContent.load(from: copy.path)
        _ = try ResponseTable.build(content: content, settings: SiteSettings())
        var settings = SiteSettings()
        settings.onionAddress = try OnionAddress(hostnameFileText: Self.hostname, file: "h")
        #expect(
            throws: ContentError(
                file: copy.path + "/en/strings.txt",
                "missing string onion.address, needed while OnionHostnameFile is set")
        ) {
            try ResponseTable.build(content: content, settings: settings)
        }
    }
}
