/// Every clip the site has, in a fixed order: per language, each page,
/// the reflection page's closing panel, then each question shown there.
public struct AudioCatalogue: Sendable {
    public let clips: [AudioClip]

    /// Builds the list from the content and its `voices.txt`.
    /// - Throws: a language without a voice, or a voice name that is not
    ///   letters, digits and hyphens.
    public init(content: SiteContent) throws(ContentError) {
        let voices = try Self.loadVoices(content.folder + "/voices.txt", content.languages)
        var clips: [AudioClip] = []
        func add(_ code: String, _ name: String, _ text: String) {
            guard let voice = voices[code] else { preconditionFailure("voice checked above") }
            clips.append(
                AudioClip(code: code, name: name, voice: voice, text: text, number: clips.count + 1)
            )
        }
        for language in content.languages {
            let code = language.code
            let texts = content.texts(for: language)
            for page in content.pages {
                guard let source = texts.pages[page.name] else {
                    preconditionFailure("page \(page.name) passed the check but is missing")
                }
                add(code, page.name, SpeechText.of(markdown: source.text))
            }
            add(
                code, AudioClip.reflectionEndName, SpeechText.of(markdown: texts.reflectionEnd.text)
            )
            for entry in content.questions where entry.isShown(in: code) {
                guard let question = texts.questions[entry.id] else {
                    preconditionFailure("question \(entry.id) passed the check but is missing")
                }
                add(
                    code, AudioClip.questionName(entry.id),
                    SpeechText.of(plain: [question.text, question.meaning]))
            }
        }
        self.clips = clips
    }

    private static func loadVoices(_ path: String, _ languages: [Language])
        throws(ContentError) -> [String: String]
    {
        let file = try KeyValueFile(path: path)
        var voices: [String: String] = [:]
        for entry in file.entries {
            let allowed = entry.value.allSatisfy {
                $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")
            }
            guard !entry.value.isEmpty, allowed else {
                throw file.error(entry, "expected: code voice (an espeak-ng voice name)")
            }
            guard voices[entry.key] == nil else {
                throw file.error(entry, "language \(entry.key) listed twice")
            }
            voices[entry.key] = entry.value
        }
        for language in languages where voices[language.code] == nil {
            throw ContentError(file: path, "missing voice for language \(language.code)")
        }
        return voices
    }
}
