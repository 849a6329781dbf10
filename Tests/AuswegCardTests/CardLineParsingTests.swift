import AuswegCard
import Testing

@Suite struct CardLineParsingTests {
    @Test func readsLinesSeparatedByBars() {
        let parsed = CardLine.parseList("de: Zeit für dich. | pt-br:Tempo para você.")
        #expect(
            parsed
                == .success([
                    CardLine(language: "de", text: "Zeit für dich."),
                    CardLine(language: "pt-br", text: "Tempo para você."),
                ]))
    }

    @Test func keepsColonsInsideTheText() {
        #expect(
            CardLine.parseList("en: Open: 9 to 5")
                == .success([CardLine(language: "en", text: "Open: 9 to 5")]))
    }

    @Test(arguments: [
        ("Zeit für dich.", CardLineError.missingLanguage),
        ("DE: Zeit", .badLanguageCode("DE")),
        (": Zeit", .badLanguageCode("")),
        ("de: Zeit | de: Zeit", .repeatedLanguage("de")),
        ("de:   ", .badText(language: "de")),
        ("de: Zeit | ", .missingLanguage),
        ("de: Zeit\u{7}", .badText(language: "de")),
    ])
    func refusesMalformedLists(value: String, error: CardLineError) {
        #expect(CardLine.parseList(value) == .failure(error))
    }

    @Test func refusesTextLongerThanEightyCharacters() {
        let value = "en: " + String(repeating: "a", count: 81)
        #expect(CardLine.parseList(value) == .failure(.badText(language: "en")))
    }

    @Test func errorsReadAsSentences() {
        #expect(
            CardLineError.missingLanguage.description
                == "expected language: text, lines separated by |")
        #expect(
            CardLineError.badLanguageCode("DE").description
                == "DE is not a language tag such as de or pt-br")
    }
}
