import AuswegHTTP
import AuswegSite
import Foundation
import Testing

@Suite struct ResponseTableTests {
    let table: ResponseTable
    let content: SiteContent

    init() throws {
        var settings = SiteSettings()
        settings.publicURL = "https://help.example"
        content = try Fixtures.realContent()
        table = try ResponseTable.build(content: content, settings: settings)
    }

    private func get(
        _ path: String, on listener: ListenerKind = .https, head: Bool = false,
        encoding: String? = nil, language: String? = nil, target: String? = nil
    ) -> ReplyReading {
        let request = Request(
            method: head ? .head : .get, version: .http11, path: path, target: target ?? path,
            acceptEncoding: encoding, acceptLanguage: language)
        return ReplyReading(table.reply(to: request, on: listener))
    }

    @Test func everyPageOfEveryLanguageAnswers200WithItsLanguageAndDirection() throws {
        #expect(content.languages.count == 20)
        for language in content.languages {
            let code = language.code
            let direction = language.direction.rawValue
            for page in content.pages {
                let reply = get(page.path(in: code))
                #expect(reply.statusLine == "HTTP/1.1 200 OK")
                #expect(reply.text.contains("<html lang=\"\(code)\" dir=\"\(direction)\">"))
                #expect(reply.field("Content-Language") == code)
                for other in content.languages {
                    #expect(reply.text.contains("href=\"\(page.path(in: other.code))\""))
                }
            }
        }
    }

    @Test func rightToLeftLanguagesAreMarkedSo() {
        #expect(get("/ar/").text.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(get("/fa/2").text.contains("<html lang=\"fa\" dir=\"rtl\">"))
    }

    @Test(arguments: ["ar", "th"])
    func reflectionPageCarriesEveryQuestionWithItsMeaning(_ code: String) throws {
        let language = try #require(content.languages.first { $0.code == code })
        let texts = content.texts(for: language)
        let html = get("/\(code)/1").text
        for entry in content.questions where entry.isShown(in: code) {
            let question = try #require(texts.questions[entry.id])
            #expect(html.contains("id=\"q-\(entry.id)\""))
            #expect(html.contains(question.text.htmlEscapedForTest))
            #expect(html.contains(question.meaning.htmlEscapedForTest))
        }
    }

    @Test func everyListenerCarriesTheSecurityHeaders() {
        for listener in ListenerKind.allCases {
            let reply = get("/de/", on: listener)
            #expect(reply.field("Cache-Control") == "no-store")
            #expect(reply.field("Referrer-Policy") == "no-referrer")
            #expect(reply.field("X-Content-Type-Options") == "nosniff")
            #expect(reply.field("Cross-Origin-Opener-Policy") == "same-origin")
            #expect(reply.field("Cross-Origin-Resource-Policy") == "same-origin")
            #expect(
                reply.field("Content-Security-Policy")?.hasPrefix("default-src 'none'; ") == true)
            #expect(reply.field("Permissions-Policy")?.contains("camera=()") == true)
            for absent in ["Server", "ETag", "Last-Modified", "Set-Cookie", "Onion-Location"] {
                #expect(reply.field(absent) == nil)
            }
        }
    }

    @Test func contentSecurityPolicyAllowsNoScriptAndOnlyDataImagesFromElsewhere() throws {
        let policy = try #require(get("/de/").field("Content-Security-Policy"))
        let directives = policy.components(separatedBy: "; ")
        #expect(directives.first == "default-src 'none'")
        #expect(directives.contains("img-src 'self' data:"))
        #expect(directives.contains("media-src 'self'"))
        #expect(directives.contains("form-action 'none'"))
        #expect(directives.filter { $0.hasPrefix("style-src 'sha256-") }.count == 1)
        #expect(!policy.contains("script-src"))
        #expect(directives.count == 7)
    }

    @Test func hstsOnlyOnHTTPS() {
        #expect(get("/de/").field("Strict-Transport-Security") == "max-age=63072000")
        #expect(get("/de/", on: .onion).field("Strict-Transport-Security") == nil)
        #expect(get("/de/", on: .redirect).field("Strict-Transport-Security") == nil)
    }

    @Test func gzipVariantDecompressesToTheIdentityBody() throws {
        let plain = get("/en/1")
        let zipped = get("/en/1", encoding: "gzip, br")
        #expect(zipped.field("Content-Encoding") == "gzip")
        #expect(plain.field("Content-Encoding") == nil)
        #expect(zipped.field("Vary") == "Accept-Encoding")
        #expect(try Gunzip.decompress(zipped.body) == plain.body)
        #expect(zipped.body.count < plain.body.count)
    }

    @Test(arguments: [ListenerKind.https, .onion], [nil, "gzip"])
    func everyPageIsPaddedToOneSize(on listener: ListenerKind, encoding: String?) {
        var targets = content.languages.flatMap { language in
            content.pages.map { $0.path(in: language.code) } + ["/\(language.code)/nowhere"]
        }
        targets.append("/")
        var sizes: Set<Int> = []
        for target in targets {
            let request = Request(
                method: .get, version: .http11, path: target, target: target,
                acceptEncoding: encoding, acceptLanguage: nil)
            let reply = table.reply(to: request, on: listener)
            let reading = ReplyReading(reply)
            sizes.insert(reply.count)
            #expect(reading.field("Content-Length") == String(reading.body.count))
            #expect(reading.field("Padding")?.allSatisfy { $0 == "0" } == true)
        }
        #expect(sizes.count == 1)
    }

    @Test func headAnswersGetsHeadWithoutBody() {
        let full = get("/de/2")
        let head = get("/de/2", head: true)
        #expect(head.body.isEmpty)
        #expect(head.statusLine == full.statusLine)
        #expect(head.fields.map(\.name) == full.fields.map(\.name))
        #expect(head.fields.map(\.value) == full.fields.map(\.value))
    }

    @Test func rootFollowsAcceptLanguageAndVariesOnIt() {
        #expect(get("/", language: "en-GB, de;q=0.5").field("Content-Language") == "en")
        #expect(get("/", language: "ja, fr;q=0.5").field("Content-Language") == "fr")
        #expect(get("/", language: "pt-BR").field("Content-Language") == "pt")
        #expect(get("/", language: "ja").field("Content-Language") == "de")
        #expect(get("/").field("Vary") == "Accept-Encoding, Accept-Language")
    }

    @Test func unknownPathGets404InThePathsLanguage() {
        let reply = get("/en/zzqq")
        #expect(reply.statusLine == "HTTP/1.1 404 Not Found")
        #expect(reply.field("Content-Language") == "en")
        #expect(!reply.text.contains("zzqq"))
    }

    @Test func redirectUsesPublicURLAndKeepsTarget() {
        let reply = get("/de/1", on: .redirect, target: "/de/1?a=b")
        #expect(reply.statusLine == "HTTP/1.1 301 Moved Permanently")
        #expect(reply.field("Location") == "https://help.example/de/1?a=b")
    }

    @Test func closingRedirectSaysSoAndKeepsTarget() {
        let request = Request(
            method: .get, version: .http10, path: "/en/", target: "/en/?x", wantsClose: true)
        let reply = ReplyReading(table.reply(to: request, on: .redirect))
        #expect(reply.field("Location") == "https://help.example/en/?x")
        #expect(reply.field("Connection") == "close")
        #expect(reply.field("Content-Length") == "0")
        #expect(reply.closes)
    }

    @Test func redirectIsZeroedOnceWrittenWhilePagesStay() {
        let redirect = table.reply(
            to: Request(method: .get, version: .http11, path: "/de/1", target: "/de/1?a=b"),
            on: .redirect)
        let page = table.reply(
            to: Request(method: .get, version: .http11, path: "/de/1", target: "/de/1"),
            on: .https)
        let pageBytes = page.withUnsafeBytes { Array($0) }

        redirect.wipeIfSensitive()
        page.wipeIfSensitive()

        #expect(redirect.count > 100)
        #expect(redirect.withUnsafeBytes { $0.allSatisfy { $0 == 0 } })
        #expect(page.withUnsafeBytes { Array($0) } == pageBytes)
        #expect(ReplyReading(page).statusLine == "HTTP/1.1 200 OK")
    }

    @Test func refusalsCloseAndCarryAllowOn405() {
        let refused = ReplyReading(table.reply(rejecting: .methodNotAllowed, on: .onion))
        #expect(refused.statusLine == "HTTP/1.1 405 Method Not Allowed")
        #expect(refused.field("Allow") == "GET, HEAD")
        #expect(refused.field("Connection") == "close")
        #expect(refused.closes)
        let tooLong = ReplyReading(table.reply(rejecting: .requestLineTooLong, on: .https))
        #expect(tooLong.statusLine == "HTTP/1.1 414 URI Too Long")
        let tooMany = ReplyReading(table.reply(rejecting: .tooManyHeaderFields, on: .https))
        #expect(tooMany.statusLine == "HTTP/1.1 431 Request Header Fields Too Large")
    }

    @Test func bodyAnnouncingRequestGetsTheClosingVariant() {
        let request = Request(
            method: .get, version: .http11, path: "/de/", target: "/de/", announcesBody: true)
        let reply = ReplyReading(table.reply(to: request, on: .https))
        #expect(reply.statusLine == "HTTP/1.1 200 OK")
        #expect(reply.field("Connection") == "close")
        #expect(reply.closes)
    }

    @Test func everyPageOfEveryLanguageStaysWithin14KilobytesGzipped() {
        for language in content.languages {
            for page in content.pages {
                let path = page.path(in: language.code)
                let size = get(path, encoding: "gzip").body.count
                #expect(size <= 14 * 1024, "\(path) is \(size) bytes")
            }
        }
    }

    @Test func aTableForOneListenerAnswersItAsTheFullTableDoes() throws {
        var settings = SiteSettings()
        settings.publicURL = "https://help.example"
        let onionOnly = try ResponseTable.build(
            content: content, settings: settings, listeners: [.onion])
        for target in ["/", "/en/3", "/ar/1?x", "/nowhere", "/de/9"] {
            for encoding in [nil, "gzip"] {
                let path = String(target.prefix { $0 != "?" })
                let request = Request(
                    method: .get, version: .http11, path: path, target: target,
                    acceptEncoding: encoding, acceptLanguage: "fr")
                let full = ReplyReading(table.reply(to: request, on: .onion))
                let alone = ReplyReading(onionOnly.reply(to: request, on: .onion))
                #expect(alone.statusLine == full.statusLine, "\(target)")
                #expect(alone.fields.map(\.name) == full.fields.map(\.name), "\(target)")
                #expect(alone.fields.map(\.value) == full.fields.map(\.value), "\(target)")
                #expect(alone.body == full.body, "\(target)")
            }
        }
    }
}

extension String {
    /// The five characters the page template escapes, as it escapes them.
    var htmlEscapedForTest: String {
        replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
            .replacing("\"", with: "&quot;").replacing("'", with: "&#39;")
    }
}
