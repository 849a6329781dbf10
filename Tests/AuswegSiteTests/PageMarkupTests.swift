import AuswegHTTP
import AuswegSite
import Testing

@Suite struct PageMarkupTests {
    private func page(_ path: String, settings: SiteSettings = SiteSettings()) throws -> String {
        let table = try ResponseTable.build(content: try Fixtures.realContent(), settings: settings)
        let request = Request(method: .get, version: .http11, path: path, target: path)
        return ReplyReading(table.reply(to: request, on: .https)).text
    }

    @Test func quickExitIsTheFirstFocusableElement() throws {
        let html = try page("/en/3")
        let body = try #require(html.range(of: "<body>"))
        let firstLink = try #require(html[body.upperBound...].range(of: "<a "))
        let exit = try #require(html.range(of: "<a class=\"exit\" href=\"https://www.dwd.de/\""))
        #expect(firstLink.lowerBound == exit.lowerBound)
        #expect(html.contains("rel=\"noreferrer\" accesskey=\"x\""))
    }

    @Test func everyPageHasTheSameNeutralTitleAndNoFavicon() throws {
        var settings = SiteSettings()
        settings.siteName = "Notes & more"
        for path in ["/de/", "/de/1", "/en/6", "/en/nothing"] {
            let html = try page(path, settings: settings)
            #expect(html.contains("<title>Notes &amp; more</title>"))
            #expect(html.contains("<link rel=\"icon\" href=\"data:,\">"))
            #expect(!html.contains("<script"))
        }
    }

    @Test func unsetHotlineShowsEmergencyNumbersOnly() throws {
        let html = try page("/de/3")
        #expect(html.contains("href=\"tel:110\""))
        #expect(html.contains("href=\"tel:116016\""))
    }

    @Test func configuredHotlineIsABigTelLinkWithHours() throws {
        var settings = SiteSettings()
        settings.hotlineNumber = "+498001234567"
        settings.hotlineDisplay = "0800 123 4567"
        settings.hotlineHours = "24/7"
        let html = try page("/de/3", settings: settings)
        #expect(html.contains("<aside class=\"call\"><a href=\"tel:+498001234567\">"))
        #expect(html.contains("<bdi class=\"ltr\">0800 123 4567</bdi>"))
        #expect(html.contains("24/7"))
    }

    @Test func reflectionBoxesCanSendNothingAndAreNotRemembered() throws {
        let html = try page("/en/1")
        let form = try #require(html.range(of: "<form method=\"dialog\" autocomplete=\"off\">"))
        let formEnd = try #require(html.range(of: "</form>"))
        let questions = html[form.upperBound..<formEnd.lowerBound]
        #expect(html.components(separatedBy: "<form").count == 2)
        #expect(questions.contains("<input type=\"checkbox\" id=\"q-passport\">"))
        for sender in ["name=", "action=", "<button", "type=\"submit\"", "type=\"text\""] {
            #expect(!questions.contains(sender), "\(sender)")
        }
        #expect(html.contains("<label for=\"q-passport\">"))
        #expect(html.contains("<section class=\"closing\""))
        #expect(html.contains("q-oath"))
        #expect(!(try page("/de/1")).contains("q-oath"))
    }

    @Test func relativeLinksAreMadeAbsoluteForTheRootPage() throws {
        let html = try page("/de/")
        #expect(html.contains("href=\"/de/1\""))
        #expect(!html.contains("href=\"1\""))
    }

    @Test func operatorTextIsEscaped() throws {
        var settings = SiteSettings()
        settings.operatorName = "<b>Verein</b>"
        let html = try page("/de/6", settings: settings)
        #expect(html.contains("&lt;b&gt;Verein&lt;/b&gt;"))
        #expect(!html.contains("<b>Verein"))
    }
}
