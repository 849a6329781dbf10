import AuswegHTTP
import AuswegSite
import Foundation
import Testing

/// Clips as the table serves them: players on pages, whole clips, single
/// byte ranges, and recordings that replace generated clips.
@Suite struct AudioResponseTests {
    let content: SiteContent
    let fixture: AudioFixture
    let table: ResponseTable

    init() throws {
        content = try Fixtures.realContent()
        fixture = try AudioFixture(content: content)
        table = try ResponseTable.build(
            content: content, settings: SiteSettings(), audio: try fixture.library())
    }

    private func get(
        _ path: String, range: String? = nil, head: Bool = false,
        on listener: ListenerKind = .https, encoding: String? = nil
    ) -> ReplyReading {
        let parsed = range.flatMap { value in
            Array(value.utf8).withUnsafeBytes { ByteRange(parsing: $0) }
        }
        let request = Request(
            method: head ? .head : .get, version: .http11, path: path, target: path,
            acceptEncoding: encoding, range: parsed)
        return ReplyReading(table.reply(to: request, on: listener))
    }

    @Test func pageShowsAPlayerWithBothFormsAndAPlainLink() throws {
        let clip = try fixture.clip("start")

        let page = get("/de/").text

        let player =
            "<audio controls preload=\"none\" aria-label=\"Vorlesen\">"
            + "<source src=\"\(clip.path(.opus))\" type=\"audio/ogg; codecs=opus\">"
            + "<source src=\"\(clip.path(.mp3))\" type=\"audio/mpeg\">"
        #expect(page.contains(player))
        #expect(page.contains("<a href=\"\(clip.path(.mp3))\">Audio öffnen</a>"))
        #expect(clip.path(.opus) == "/a/\(clip.number).opus")
    }

    @Test func reflectionPageHasAPlayerForEveryQuestion() throws {
        let shown = content.questions.filter { $0.isShown(in: AudioFixture.language) }

        let page = get("/de/1").text

        for entry in shown {
            let clip = try fixture.clip(AudioClip.questionName(entry.id))
            #expect(page.contains("<source src=\"\(clip.path(.opus))\""), "\(entry.id)")
        }
        let players = page.components(separatedBy: "<audio ").count - 1
        #expect(players == shown.count + 2)
    }

    @Test func languageWithoutClipsShowsNoPlayer() {
        #expect(!get("/en/").text.contains("<audio"))
        #expect(get("/en/").statusLine == "HTTP/1.1 200 OK")
    }

    @Test func wholeClipIsServedUncompressedWithThePageHeaders() throws {
        let clip = try fixture.clip("start")
        let page = get("/de/")

        let reply = get(clip.path(.opus), encoding: "gzip")

        #expect(reply.statusLine == "HTTP/1.1 200 OK")
        #expect(reply.body == AudioFixture.bytes(of: clip))
        #expect(reply.field("Content-Type") == "audio/ogg; codecs=opus")
        #expect(reply.field("Accept-Ranges") == "bytes")
        #expect(reply.field("Content-Length") == "\(AudioFixture.bytes(of: clip).count)")
        #expect(reply.field("Content-Encoding") == nil)
        for name in ["Cache-Control", "Content-Security-Policy", "Strict-Transport-Security"] {
            #expect(reply.field(name) == page.field(name), "\(name)")
        }
        #expect(reply.field("Cache-Control") == "no-store")
        #expect(get(clip.path(.mp3)).field("Content-Type") == "audio/mpeg")
    }

    @Test(arguments: [
        ("bytes=0-99", 0, 100),
        ("bytes=10-", 10, -1),
        ("bytes=-500", -500, -1),
        ("bytes=900-999999", 900, -1),
    ])
    func rangeIsAnsweredWithPartialContent(range: String, first: Int, end: Int) throws {
        let clip = try fixture.clip("help")
        let whole = AudioFixture.bytes(of: clip)
        let lower = first < 0 ? whole.count + first : first
        let upper = end < 0 ? whole.count : end

        let reply = get(clip.path(.opus), range: range)

        #expect(reply.statusLine == "HTTP/1.1 206 Partial Content")
        #expect(reply.body == Array(whole[lower..<upper]))
        #expect(reply.field("Content-Range") == "bytes \(lower)-\(upper - 1)/\(whole.count)")
        #expect(reply.field("Content-Length") == "\(upper - lower)")
        #expect(reply.field("Cache-Control") == "no-store")
    }

    @Test(arguments: ["bytes=5000-", "bytes=5000-6000", "bytes=-0"])
    func rangePastTheEndIsRefusedWithTheSizeAlone(range: String) throws {
        let clip = try fixture.clip("help")
        let size = AudioFixture.bytes(of: clip).count

        let reply = get(clip.path(.mp3), range: range)

        #expect(reply.statusLine == "HTTP/1.1 416 Range Not Satisfiable")
        #expect(reply.field("Content-Range") == "bytes */\(size)")
        #expect(reply.field("Content-Length") == "0")
        #expect(reply.body.isEmpty)
        #expect(!reply.fields.contains { $0.value.contains("5000") })
        #expect(reply.field("Cache-Control") == "no-store")
    }

    @Test func headIgnoresRangeAndMatchesGet() throws {
        let clip = try fixture.clip("call")

        let head = get(clip.path(.opus), range: "bytes=0-9", head: true)
        let whole = get(clip.path(.opus))

        #expect(head.statusLine == whole.statusLine)
        #expect(head.fields.map(\.name) == whole.fields.map(\.name))
        #expect(head.fields.map(\.value) == whole.fields.map(\.value))
        #expect(head.body.isEmpty)
    }

    @Test func portEightyRedirectsClipsLikePages() throws {
        let clip = try fixture.clip("call")

        let reply = get(clip.path(.opus), on: .redirect)

        #expect(reply.statusLine == "HTTP/1.1 301 Moved Permanently")
    }

    @Test func recordingInTheContentFolderReplacesTheGeneratedClip() throws {
        let recorded: [UInt8] = Array("a person reading".utf8)
        let copy = try Fixtures.contentCopy { folder in
            try Data(recorded).write(to: URL(fileURLWithPath: folder + "/de/call.mp3"))
        }
        let clip = try fixture.clip("call")

        let library = try fixture.library(contentFolder: copy.path)
        let table = try ResponseTable.build(
            content: try SiteContent.load(from: copy.path), settings: SiteSettings(),
            audio: library)
        let request = { (path: String) in
            Request(method: .get, version: .http11, path: path, target: path)
        }

        #expect(
            ReplyReading(table.reply(to: request(clip.path(.mp3)), on: .https)).body
                == recorded)
        #expect(
            ReplyReading(table.reply(to: request(clip.path(.opus)), on: .https)).body
                == AudioFixture.bytes(of: clip))
    }

    @Test func staleGeneratedClipIsNotOffered() throws {
        let library = try AudioLibrary.load(
            fixture.catalogue, clipFolder: fixture.folder, contentFolder: Fixtures.contentFolder,
            isCurrent: { $0.name != "start" })

        let table = try ResponseTable.build(
            content: content, settings: SiteSettings(), audio: library)
        let page = ReplyReading(
            table.reply(
                to: Request(method: .get, version: .http11, path: "/de/", target: "/de/"),
                on: .https))

        #expect(!page.text.contains("<audio"))
        #expect(library.missing == fixture.catalogue.clips.count - library.count)
        #expect(library.count == fixture.catalogue.clips.count { $0.code == "de" } - 1)
    }
}
