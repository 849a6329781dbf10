import Testing

@testable import AuswegCard

@Suite struct SVGDocumentTests {
    @Test(arguments: [
        (0.0, "0"), (91.0, "91"), (0.6122448979, "0.612"), (2.5, "2.5"), (-0.25, "-0.25"),
        (-3.0, "-3"), (12.0004, "12"), (7.0005, "7.001"),
    ])
    func numbersAreRoundedToMicrometresWithoutTrailingZeros(value: Double, text: String) {
        #expect(SVGDocument.number(value) == text)
    }

    @Test func textAndItsLanguageAreEscaped() {
        var document = SVGDocument(width: 91, height: 61)
        document.text(
            #"a&b<c>d"e'f"#, x: 1, baseline: 2, size: 3, style: .regular, anchor: "start",
            fill: "#000", language: #"x"y"#)

        let svg = document.finished()

        #expect(svg.contains(#">a&amp;b&lt;c&gt;d&quot;e&#39;f</text>"#))
        #expect(svg.contains(#"xml:lang="x&quot;y""#))
    }
}
