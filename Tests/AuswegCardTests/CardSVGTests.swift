import AuswegCard
import Testing

@Suite struct CardSVGTests {
    /// 85 × 55 mm, 3 mm of bleed and 5 mm of margin for the crop marks.
    @Test(arguments: CardFace.allCases)
    func pageWithCropMarksHoldsTrimBleedAndMarks(face: CardFace) throws {
        let svg = try Card(content: CardFixtures.content()).svg(face)
        #expect(svg.contains(#"width="101mm" height="71mm" viewBox="0 0 101 71""#))
        #expect(svg.contains(#"<g transform="translate(8 8)">"#))
        #expect(svg.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
        #expect(svg.hasSuffix("</svg>\n"))
    }

    /// Without crop marks the page is the bleed box: 91 × 61 mm.
    @Test(arguments: CardFace.allCases)
    func pageWithoutCropMarksIsTheBleedBox(face: CardFace) throws {
        let svg = try Card(content: CardFixtures.content(cropMarks: false)).svg(face)
        #expect(svg.contains(#"width="91mm" height="61mm" viewBox="0 0 91 61""#))
        #expect(svg.contains(#"<g transform="translate(3 3)">"#))
        #expect(CardFixtures.lines(in: svg).isEmpty)
    }

    /// The trim box runs from 8 to 93 and from 8 to 63; each mark lies on a
    /// trim line and runs from the page's edge to the bleed's, 5 mm long.
    @Test(arguments: CardFace.allCases)
    func cropMarksExtendTheTrimLinesOutsideTheBleed(face: CardFace) throws {
        let svg = try Card(content: CardFixtures.content()).svg(face)
        let expected: Set<[String]> = [
            ["0", "8", "5", "8"], ["8", "0", "8", "5"],
            ["101", "8", "96", "8"], ["93", "0", "93", "5"],
            ["0", "63", "5", "63"], ["8", "71", "8", "66"],
            ["101", "63", "96", "63"], ["93", "71", "93", "66"],
        ]
        let found = CardFixtures.lines(in: svg)
        #expect(found.count == 8)
        #expect(Set(found) == expected)
    }

    @Test func bandRunsIntoTheBleedOnThreeSides() throws {
        let marked = try Card(content: CardFixtures.content()).svg(.back)
        // Bleed box from 5; trim top 8 + band top 49 = 57; band 6 + bleed 3 = 9.
        #expect(marked.contains(##"<rect x="5" y="57" width="91" height="9" fill="#9CB7A8"/>"##))
        let bare = try Card(content: CardFixtures.content(cropMarks: false)).svg(.back)
        #expect(bare.contains(##"<rect x="0" y="52" width="91" height="9" fill="#9CB7A8"/>"##))
    }

    @Test func frontShowsTheFirstLanguageAndTheShortAddress() throws {
        let svg = try Card(content: CardFixtures.content()).svg(.front)
        #expect(CardFixtures.texts(in: svg) == ["Nimm dir Zeit", "für dich.", "example.org"])
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
