import AuswegSite
import Foundation
import Testing

@Suite struct TranslationManifestTests {
    @Test func readmeNamesEveryLanguageAwaitingNativeReview() throws {
        let content = try Fixtures.realContent()
        let readme = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(content.translations.map(\.code) == content.languages.map(\.code))
        for status in content.translations where !status.reviewed {
            let row = readme.split(separator: "\n").first { $0.hasPrefix("| `\(status.code)` |") }
            #expect(row?.contains("needs native review") == true, "\(status.code) not in README")
        }
    }

    @Test func languageMissingFromTheManifestStopsStartup() throws {
        let copy = try Fixtures.contentCopy { root in
            try Fixtures.write("de unreviewed someone\n", to: root + "/manifest.txt")
        }
        #expect(
            throws: ContentError(file: copy.path + "/manifest.txt", "missing language en")
        ) {
            try SiteContent.load(from: copy.path)
        }
    }

    @Test func questionUnknownToTheSharedListIsRefused() throws {
        let copy = try Fixtures.contentCopy { root in
            try Fixtures.append("\ntypo.question Was?\n", to: root + "/en/questions.txt")
        }
        #expect {
            try SiteContent.load(from: copy.path)
        } throws: { error in
            "\(error)".hasSuffix("question typo is not in the shared questions.txt")
        }
    }
}
