import AuswegCard
import Testing

@Suite struct CardSVGTests {
    @Test(arguments: CardFace.allCases)
    func pageIsTheTrimBoxPlusThreeMillimetresOfBleed(face: CardFace) throws {
        let svg = try Card(content: CardFixtures.content()).svg(face)
        #expect(svg.contains(#"width="91mm" height="61mm" viewBox="0 0 91 61""#))
        #expect(svg.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
        #expect(svg.hasSuffix("</svg>\n"))
    }

    @Test(arguments: CardFace.allCases)
    func cropMarksExtendTheTrimLinesInsideTheBleed(face: CardFace) throws {
        let svg = try Card(content: CardFixtures.content()).svg(face)
        let expected: Set<[String]> = [
            ["0", "3", "2", "3"], ["3", "0", "3", "2"],
            ["91", "3", "89", "3"], ["88", "0", "88", "2"],
            ["0", "58", "2", "58"], ["3", "61", "3", "59"],
            ["91", "58", "89", "58"], ["88", "61", "88", "59"],
        ]
        let found = CardFixtures.lines(in: svg)
        #expect(found.count == 8)
        #expect(Set(found) == expected)
    }

    @Test func cropMarksCanBeLeftOut() throws {
        let svg = try Card(content: CardFixtures.content(cropMarks: false)).svg(.front)
        #expect(CardFixtures.lines(in: svg).isEmpty)
    }

    @Test func bandRunsIntoTheBleedOnThreeSides() throws {
        let svg = try Card(content: CardFixtures.content()).svg(.back)
        // Trim top 3 + band top 49 = 52; band 6 + bleed 3 = 9 tall, 91 wide.
        #expect(svg.contains(##"<rect x="0" y="52" width="91" height="9" fill="#9CB7A8"/>"##))
    }

    @Test func frontShowsTheFirstLanguageAndTheShortAddress() throws {
        let svg = try Card(content: CardFixtures.content()).svg(.front)
        #expect(CardFixtures.texts(in: svg) == ["Nimm dir Zeit für", "dich.", "example.org"])
        #expect(svg.contains(#"xml:lang="de""#))
        #expect(!svg.contains("https://"))
    }

    @Test func backShowsEveryLanguageTheAddressAndTheOnion() throws {
        let content = CardFixtures.content(onion: CardFixtures.onion)
        let svg = try Card(content: content).svg(.back)
        #expect(
            CardFixtures.texts(in: svg) == [
                "Nimm dir Zeit für dich.", "Take time for yourself.", "example.org",
                CardFixtures.onion,
            ])
        #expect(try !Card(content: content).svg(.front).contains(".onion"))
    }

    @Test func backWithoutOnionHasNoOnionLine() throws {
        let svg = try Card(content: CardFixtures.content()).svg(.back)
        #expect(!svg.contains(".onion"))
        #expect(!svg.contains("monospace"))
    }

    @Test func textIsEscaped() throws {
        let lines = [CardLine(language: "en", text: "Tea & <cake> \"now\"")]
        let svg = try Card(content: CardFixtures.content(lines: lines)).svg(.back)
        #expect(CardFixtures.texts(in: svg).first == "Tea &amp; &lt;cake&gt; &quot;now&quot;")
    }

    @Test func fontsArePrintShopSystemFonts() throws {
        let svg = try Card(content: CardFixtures.content()).svg(.front)
        #expect(svg.contains("font-family=\"'DejaVu Sans', 'Liberation Sans', Arial"))
        #expect(!svg.contains("@font-face"))
        #expect(!svg.contains("href"))
    }

    @Test func addressWithAPortKeepsThePort() throws {
        let content = CardFixtures.content(address: "https://example.org:8443")
        let svg = try Card(content: content).svg(.front)
        #expect(CardFixtures.texts(in: svg).last == "example.org:8443")
    }
}
