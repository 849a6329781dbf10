import AuswegSite
import Foundation
import Testing

@Suite struct ContentLoadingTests {
    @Test func loadsEveryLanguagePageAndQuestion() throws {
        let content = try Fixtures.realContent()
        #expect(
            content.languages.map(\.code) == [
                "de", "en", "ro", "bg", "hu", "th", "zh", "vi", "fr", "uk", "ru", "tr", "ar",
                "pl", "es", "pt", "sr", "fa", "sq", "pcm",
            ])
        #expect(
            content.languages.filter { $0.direction == .rightToLeft }.map(\.code) == ["ar", "fa"])
        #expect(content.defaultLanguage.code == "de")
        #expect(content.pages.first?.segment == "")
        for language in content.languages {
            let texts = content.texts(for: language)
            #expect(texts.pages.count == content.pages.count)
            #expect(texts.questions.count == content.questions.count)
        }
    }

    @Test func oathQuestionIsShownOnlyWhereItFits() throws {
        let content = try Fixtures.realContent()
        let oath = try #require(content.questions.first { $0.id == "oath" })
        #expect(oath.isShown(in: "en"))
        #expect(!oath.isShown(in: "de"))
    }

    @Test func missingPageNamesFileAndPage() throws {
        let copy = try Fixtures.contentCopy {
            try FileManager.default.removeItem(atPath: $0 + "/en/call.md")
        }
        #expect {
            try SiteContent.load(from: copy.path)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix(copy.path + "/en/call.md: missing page call")
        }
    }

    @Test func missingStringIsReported() throws {
        let copy = try Fixtures.contentCopy { root in
            let path = root + "/de/strings.txt"
            let kept = try String(contentsOfFile: path, encoding: .utf8)
                .split(separator: "\n").filter { !$0.hasPrefix("skip ") }
            try Fixtures.write(kept.joined(separator: "\n"), to: path)
        }
        #expect(throws: ContentError(file: copy.path + "/de/strings.txt", "missing string skip")) {
            try SiteContent.load(from: copy.path)
        }
    }

    @Test func missingQuestionIsReported() throws {
        let copy = try Fixtures.contentCopy { root in
            try Fixtures.append("brand-new\n", to: root + "/questions.txt")
        }
        #expect(
            throws: ContentError(
                file: copy.path + "/de/questions.txt", "missing question brand-new")
        ) {
            try SiteContent.load(from: copy.path)
        }
    }

    @Test func topicNamingPathSegmentIsRefusedWithItsLine() throws {
        let copy = try Fixtures.contentCopy { root in
            try Fixtures.write("/ start\nhelp reflect\n", to: root + "/pages.txt")
        }
        #expect(
            throws: ContentError(
                file: copy.path + "/pages.txt", line: 2,
                "a page's path segment is / or digits, naming no topic")
        ) {
            try SiteContent.load(from: copy.path)
        }
    }

    @Test func badDirectionIsRefusedWithItsLine() throws {
        let copy = try Fixtures.contentCopy { root in
            try Fixtures.write("# list\nde sideways Deutsch\n", to: root + "/languages.txt")
        }
        #expect(
            throws: ContentError(
                file: copy.path + "/languages.txt", line: 2, "expected: code ltr|rtl native name")
        ) {
            try SiteContent.load(from: copy.path)
        }
    }
}
