import AuswegSite
import Testing

struct AudioCatalogueTests {
    @Test func everyLanguageHasAVoiceAndAClipPerPageAndQuestion() throws {
        let content = try Fixtures.realContent()

        let catalogue = try AudioCatalogue(content: content)

        for language in content.languages {
            let code = language.code
            let clips = catalogue.clips.filter { $0.code == code }
            let questions = content.questions.filter { $0.isShown(in: code) }
            #expect(clips.count == content.pages.count + 1 + questions.count, "\(code)")
            #expect(Set(clips.map(\.voice)).count == 1, "\(code)")
            #expect(clips.allSatisfy { !$0.text.isEmpty }, "\(code)")
        }
        #expect(Set(catalogue.clips.map(\.number)).count == catalogue.clips.count)
    }

    @Test(arguments: [("zh", "cmn-latn-pinyin"), ("pcm", "en-gb"), ("de", "de")])
    func voiceComesFromVoicesFile(code: String, voice: String) throws {
        let catalogue = try AudioCatalogue(content: try Fixtures.realContent())

        #expect(catalogue.clips.first { $0.code == code }?.voice == voice)
    }

    @Test func aLanguageWithoutAVoiceStopsLoading() throws {
        let copy = try Fixtures.contentCopy { folder in
            let path = folder + "/voices.txt"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try Fixtures.write(
                text.split(separator: "\n").filter { !$0.hasPrefix("th ") }
                    .joined(separator: "\n") + "\n",
                to: path)
        }

        let error = #expect(throws: ContentError.self) {
            try AudioCatalogue(content: try SiteContent.load(from: copy.path))
        }
        #expect(error?.description.hasSuffix("missing voice for language th") == true)
    }

    @Test func aVoiceNameWithShellCharactersIsRefused() throws {
        let copy = try Fixtures.contentCopy { folder in
            try Fixtures.append("xx de;rm\n", to: folder + "/voices.txt")
        }

        let error = #expect(throws: ContentError.self) {
            try AudioCatalogue(content: try SiteContent.load(from: copy.path))
        }
        #expect(error?.description.contains("expected: code voice") == true)
    }
}
