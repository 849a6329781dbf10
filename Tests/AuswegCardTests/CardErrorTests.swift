import AuswegCard
import Testing

@Suite struct CardErrorTests {
    @Test(arguments: [
        "ftp://example.org", "example.org", "https://", "mailto:a@b.example",
        "http://example.org",
    ])
    func addressThatIsNotAWebAddressIsRefused(address: String) {
        #expect(throws: CardError.addressNotWeb) {
            try Card(content: CardFixtures.content(address: address))
        }
    }

    @Test func addressTooLongForTheQRCodeIsRefused() {
        let address = "https://" + String(repeating: "a", count: 60) + ".de"
        let expected = CardError.addressNotEncodable(
            .textNeedsLargerVersion(neededVersion: 8, largestVersion: 6))
        #expect(throws: expected) {
            try Card(content: CardFixtures.content(address: address))
        }
        #expect(
            expected.description
                == "too long for the card's QR code: it needs version 8, the card prints"
                + " at most version 6 at error correction H (about 58 characters)")
    }

    @Test func addressTooWideToPrintIsRefused() {
        let address = "https://" + String(repeating: "a", count: 45) + ".de"
        #expect(throws: CardError.addressTooWideToPrint(mostCharacters: 40)) {
            try Card(content: CardFixtures.content(address: address))
        }
    }

    @Test func lineTooLongForTheFrontNamesItsLanguage() {
        let text = String(repeating: "Zeit ", count: 20)
        let lines = [CardLine(language: "de", text: text)]
        #expect(throws: CardError.lineTooLongForFront(language: "de")) {
            try Card(content: CardFixtures.content(lines: lines))
        }
    }

    @Test func lineTooLongForTheBackNamesItsLanguage() {
        let lines = [
            CardLine(language: "en", text: "Take time."),
            CardLine(language: "ro", text: String(repeating: "timp ", count: 14)),
        ]
        #expect(throws: CardError.lineTooLongForBack(language: "ro")) {
            try Card(content: CardFixtures.content(lines: lines))
        }
    }

    @Test func cardNeedsOneToSixLines() {
        #expect(throws: CardError.noLines) {
            try Card(content: CardFixtures.content(lines: []))
        }
        let seven = (1...7).map { CardLine(language: "l\($0)", text: "Hi.") }
        #expect(throws: CardError.tooManyLines(most: 6)) {
            try Card(content: CardFixtures.content(lines: seven))
        }
    }
}
