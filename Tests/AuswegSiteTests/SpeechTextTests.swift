import AuswegSite
import Testing

struct SpeechTextTests {
    @Test func readsWordsButNotMarkupOrLinkTargets() {
        let markdown = """
            ## Anrufen

            Ruf **jetzt** an: [die Hilfe](/de/3) oder [110](tel:110)
            """

        let spoken = SpeechText.of(markdown: markdown)

        #expect(spoken == "Anrufen.\nRuf jetzt an: die Hilfe oder 1 1 0.")
    }

    @Test func dropsSymbolsThatWouldBeReadByName() {
        let spoken = SpeechText.of(markdown: "> ⚖ Das ist erlaubt.")

        #expect(spoken == "Das ist erlaubt.")
    }

    @Test(arguments: [
        ("0800 123 4567", "0 8 0 0 1 2 3 4 5 6 7"),
        ("116016", "1 1 6 0 1 6"),
        ("٠١٢", "٠ ١ ٢"),
        ("a1b", "a1b"),
    ])
    func splitsEveryRunOfDigits(text: String, expected: String) {
        #expect(SpeechText.spacingDigits(text) == expected)
    }

    @Test func plainPiecesEachEndAsASentence() {
        let spoken = SpeechText.of(plain: ["Hast du Schulden bei ihm?", "Schulden binden"])

        #expect(spoken == "Hast du Schulden bei ihm?\nSchulden binden.")
    }
}
