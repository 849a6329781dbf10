import AuswegSite
import Foundation
import Testing

/// The German master is written in Einfache Sprache: short sentences.
@Suite struct PlainLanguageTests {
    static let longestAverage = 12.0

    /// Sentences of a Markdown text: every line and every `.`, `!`, `?`
    /// ends one, since Einfache Sprache puts one sentence on each line and
    /// headings and list items count too. Link targets and markup are not
    /// words.
    static func sentences(_ markdown: String) -> [[Substring]] {
        let withoutTargets = markdown.replacing(/\]\([^)]*\)/, with: "")
        var result: [[Substring]] = []
        for line in withoutTargets.split(separator: "\n") {
            for sentence in line.split(whereSeparator: { ".!?".contains($0) }) {
                let words = sentence.split(separator: " ").filter { word in
                    word.contains { $0.isLetter || $0.isNumber }
                }
                if !words.isEmpty { result.append(words) }
            }
        }
        return result
    }

    @Test func sentenceSplittingCountsLinesListItemsAndLinkTexts() {
        let text = "# Titel\n\n- Ein Punkt. Noch einer!\n\n[Hier anrufen](tel:110) jetzt.\n"
        let counts = Self.sentences(text).map(\.count)
        #expect(counts == [1, 2, 2, 3])
    }

    @Test func germanPagesAverageAtMostTwelveWordsPerSentence() throws {
        let content = try Fixtures.realContent()
        let texts = content.texts(for: content.defaultLanguage)
        #expect(texts.language.code == "de")
        let sources = Array(texts.pages.values) + [texts.reflectionEnd]
        for source in sources {
            let sentences = Self.sentences(source.text)
            let average = Double(sentences.map(\.count).reduce(0, +)) / Double(sentences.count)
            #expect(average <= Self.longestAverage, "\(source.path): \(average) words")
        }
        let questions = texts.questions.values.map { "\($0.text)\n\($0.meaning)" }
        let sentences = questions.flatMap { Self.sentences($0) }
        let average = Double(sentences.map(\.count).reduce(0, +)) / Double(sentences.count)
        #expect(average <= Self.longestAverage, "questions: \(average) words")
    }
}
