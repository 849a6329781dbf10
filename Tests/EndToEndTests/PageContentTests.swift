import Foundation
import Testing

/// Every page of every language: served, in its language, free of scripts
/// and cookies, with the quick exit as its first link.
@Suite(.timeLimit(.minutes(1)))
struct PageContentTests {
    static let exitURL = "https://wetter.example/heute"

    @Test(arguments: [Listener.https, .onion])
    func everyPageIsServedWithoutScriptsOrCookies(on listener: Listener) throws {
        let server = try ServerProcess.start([listener], ["ExitURL": Self.exitURL])
        defer { server.stop() }
        let curl = Curl(server: server)
        let languages = try SiteMap.languages()
        let directions = try SiteMap.directions()

        for language in languages {
            let paths = try SiteMap.paths(of: language)
            let pages = try curl.fetchAll(paths, on: listener)
            let direction = try #require(directions[language])

            for (path, page) in zip(paths, pages) {
                #expect(page.status == 200, "\(path)")
                #expect(page.value("Content-Type") == "text/html; charset=utf-8", "\(path)")
                #expect(page.bodyText.contains("dir=\"\(direction)\">"), "\(path)")
                Self.expectCleanPage(page, language: language, path: path)
            }
        }
        #expect(languages.contains("de") && languages.contains("en"))
        #expect(server.outputAfterStartup == "")
    }

    @Test func notFoundPageIsInTheLanguageOfThePath() throws {
        let server = try ServerProcess.start([.https], ["ExitURL": Self.exitURL])
        defer { server.stop() }
        let languages = try SiteMap.languages()
        let paths = languages.map { "/\($0)/no-such-page" }

        let pages = try Curl(server: server).fetchAll(paths)

        for (language, (path, page)) in zip(languages, zip(paths, pages)) {
            #expect(page.status == 404, "\(path)")
            Self.expectCleanPage(page, language: language, path: path)
        }
    }

    @Test(arguments: ["ar", "th"])
    func reflectionPageCarriesEveryQuestionWithItsMeaning(_ language: String) throws {
        let server = try ServerProcess.start([.https], [:])
        defer { server.stop() }
        let ids = try SiteMap.questionIDs(shownIn: language)

        let page = try #require(try Curl(server: server).fetchAll(["/\(language)/1"]).first)

        let html = page.bodyText
        #expect(page.status == 200)
        #expect(ids.count >= 19)
        for id in ids {
            #expect(html.contains("<input type=\"checkbox\" id=\"q-\(id)\">"))
            #expect(html.contains("<label for=\"q-\(id)\">"))
        }
        let meanings = html.components(separatedBy: "<p class=\"meaning\">").dropFirst()
        #expect(meanings.count == ids.count)
        #expect(meanings.allSatisfy { !$0.hasPrefix("</p>") })
    }

    static func expectCleanPage(_ page: HTTPResponse, language: String, path: String) {
        let html = page.bodyText
        #expect(page.value("Content-Language") == language, "\(path)")
        #expect(html.contains("<html lang=\"\(language)\""), "\(path)")
        #expect(!html.lowercased().contains("<script"), "\(path)")
        #expect(page.values("Set-Cookie") == [], "\(path)")
        #expect(firstLink(in: html)?.contains("class=\"exit\"") == true, "\(path)")
        #expect(firstLink(in: html)?.contains("href=\"\(exitURL)\"") == true, "\(path)")
    }

    /// The opening tag of the first `<a ` element.
    static func firstLink(in html: String) -> String? {
        guard let start = html.range(of: "<a "),
            let end = html[start.upperBound...].firstIndex(of: ">")
        else { return nil }
        return String(html[start.lowerBound...end])
    }
}
