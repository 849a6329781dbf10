import AuswegSite
import Foundation
import Testing

@Suite struct MarkdownRulesTests {
    /// Builds the table from a content copy whose German home page is `markdown`.
    private func build(withHome markdown: String) throws -> (
        String, Result<ResponseTable, ContentError>
    ) {
        let copy = try Fixtures.contentCopy { root in
            try Fixtures.write(markdown, to: root + "/de/start.md")
        }
        let content = try SiteContent.load(from: copy.path)
        let result = Result { () throws(ContentError) in
            try ResponseTable.build(content: content, settings: SiteSettings())
        }
        return (copy.path + "/de/start.md", result)
    }

    @Test func rawHTMLIsRefusedWithItsLine() throws {
        let (file, result) = try build(withHome: "# Hallo\n\n<b>fett</b>\n")
        #expect(throws: ContentError(file: file, line: 3, "raw HTML is not allowed")) {
            try result.get()
        }
    }

    @Test func outsideLinkIsRefused() throws {
        let (file, result) = try build(withHome: "# Hallo\n\n[weg](https://example.org/)\n")
        #expect(
            throws: ContentError(
                file: file, line: 3,
                "link https://example.org/ must be relative, tel: or the exit URL")
        ) {
            try result.get()
        }
    }

    @Test func imageIsRefused() throws {
        let (file, result) = try build(withHome: "# Hallo\n\n![bild](1.png)\n")
        #expect(throws: ContentError(file: file, line: 3, "images are not allowed")) {
            try result.get()
        }
    }

    @Test(arguments: ["javascript:alert(1)", "//evil.example/", "../1", "tel:110;x=1", "data:,x"])
    func unsafeLinkIsRefused(_ url: String) throws {
        let (_, result) = try build(withHome: "# Hallo\n\n[x](\(url))\n")
        #expect(throws: ContentError.self) { try result.get() }
    }

    @Test func exitURLAndTelAndRelativeLinksAreAccepted() throws {
        let home = "# Hallo\n\n[a](1) [b](./) [c](tel:+49110) [d](https://www.dwd.de/)\n"
        let (_, result) = try build(withHome: home)
        #expect(throws: Never.self) { try result.get() }
    }
}
