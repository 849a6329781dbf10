import AuswegCard
import Testing

/// The built-in wording must be safe to carry past a controller.
@Suite struct CardWordingTests {
    /// Stems that would give the card away, in the built-in languages.
    static let revealing = [
        "prostitu", "traffick", "menschenhandel", "trafic", "trafik", "trata", "trgovin",
        "hilfe", "help", "ajut", "помощ", "помощь", "допомог", "segít", "pomoc", "ayuda",
        "aide", "ajuda", "yardım", "ndihm", "giúp", "zwang", "forced", "escape", "ausweg",
        "gewalt", "violence", "polizei", "police", "sex", "loverboy", "exploit", "victim",
        "opfer",
    ]

    @Test func builtInWordingNamesNoTopic() {
        for (language, text) in CardWording.builtIn {
            let lowered = text.lowercased()
            for stem in Self.revealing {
                #expect(!lowered.contains(stem), "\(language): \(text) contains \(stem)")
            }
        }
    }

    @Test func defaultLanguagesAllHaveBuiltInLines() {
        for language in CardWording.defaultLanguages {
            #expect(CardWording.builtIn[language] != nil, "\(language)")
        }
    }

    @Test func everyBuiltInLineFitsFrontAndBack() throws {
        for (language, text) in CardWording.builtIn {
            let lines = [CardLine(language: language, text: text)]
            let card = try Card(content: CardFixtures.content(lines: lines))
            #expect(card.svg(.front).contains(#"xml:lang="\#(language)""#))
        }
    }

    @Test func aCardWithSixBuiltInLanguagesFits() throws {
        let languages = ["de", "en", "ro", "bg", "hu", "vi"]
        let lines = languages.compactMap { code in
            CardWording.builtIn[code].map { CardLine(language: code, text: $0) }
        }
        #expect(lines.count == 6)
        let svg = try Card(content: CardFixtures.content(lines: lines)).svg(.back)
        #expect(CardFixtures.texts(in: svg).count == 7)
    }
}
