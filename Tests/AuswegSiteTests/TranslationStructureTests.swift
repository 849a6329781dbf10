import AuswegSite
import Foundation
import Testing

/// Translations follow the German master's sections, so a reader in any
/// language meets the same headings, ⚖ warnings and links as a German reader.
/// List items may differ: a translation may add one that explains a German
/// name it keeps.
@Suite struct TranslationStructureTests {
    /// The skeleton of a Markdown text: each heading with its level, each
    /// ⚖ block quote, and every link target, in order.
    static func outline(_ markdown: String) -> [String] {
        var result: [String] = []
        for line in markdown.split(separator: "\n") {
            let level = line.prefix { $0 == "#" }.count
            if level > 0 && line.dropFirst(level).hasPrefix(" ") {
                result.append("h\(level)")
            } else if line.hasPrefix("> ") {
                result.append("quote")
            }
            for link in line.matches(of: /\]\(([^)]*)\)/) {
                result.append("link \(link.output.1)")
            }
        }
        return result
    }

    @Test func outlineListsHeadingsQuotesAndLinkTargets() {
        let text = "# A\n\nText [x](4).\n\n## B\n\n- one [y](tel:110)\n- #2\n\n> ⚖ law\n"
        #expect(Self.outline(text) == ["h1", "link 4", "h2", "link tel:110", "quote"])
    }

    @Test func everyTranslationHasTheOutlineOfTheGermanMaster() throws {
        let content = try Fixtures.realContent()
        let master = content.texts(for: content.defaultLanguage)
        for language in content.languages.dropFirst() {
            let texts = content.texts(for: language)
            for (name, source) in master.pages {
                let translated = try #require(texts.pages[name])
                #expect(
                    Self.outline(translated.text) == Self.outline(source.text),
                    "\(translated.path)")
            }
            #expect(
                Self.outline(texts.reflectionEnd.text) == Self.outline(master.reflectionEnd.text),
                "\(texts.reflectionEnd.path)")
        }
    }
}
