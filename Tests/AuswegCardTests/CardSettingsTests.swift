import AuswegCard
import Testing

@Suite struct CardSettingsTests {
    @Test func defaultLinesComeFromTheBuiltInWording() throws {
        let lines = try CardSettings().lines().get()
        #expect(lines.map(\.language) == ["de", "en", "ro", "bg", "hu"])
        #expect(lines.first?.text == "Nimm dir Zeit für dich.")
    }

    @Test func operatorLinesReplaceBuiltInOnesAndAddLanguages() throws {
        var settings = CardSettings()
        settings.languages = ["en", "th"]
        settings.texts = [
            CardLine(language: "en", text: "Beauty & calm."),
            CardLine(language: "th", text: "เวลาสำหรับคุณ"),
        ]
        #expect(try settings.lines().get() == settings.texts)
    }

    @Test func languageWithoutAnyLineIsReported() {
        var settings = CardSettings()
        settings.languages = ["de", "xx"]
        guard case .failure(let missing) = settings.lines() else {
            Issue.record("a card with a language without wording was accepted")
            return
        }
        #expect(missing.language == "xx")
    }

    @Test func languagesAreSeparatedBySpacesOrCommas() {
        #expect(CardSettings.parseLanguages("de en,ro") == ["de", "en", "ro"])
        #expect(CardSettings.parseLanguages("de de") == nil)
        #expect(CardSettings.parseLanguages("de EN") == nil)
        #expect(CardSettings.parseLanguages("a b c d e f g") == nil)
        #expect(CardSettings.parseLanguages(" , ") == nil)
    }
}
