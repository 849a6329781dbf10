/// The markup that lets a reader listen to a clip: an `<audio>` element
/// with both forms, and for whole pages a plain link to the MP3.
///
/// `preload="none"` keeps the browser from fetching anything before the
/// reader presses play; no script is involved, so it works in Tor Browser
/// at its Safest level (where media is click-to-play).
struct AudioPlayer {
    let library: AudioLibrary

    /// The player for a whole page, or "" when its clip is missing.
    func page(_ name: String, _ texts: LanguageTexts) -> String {
        guard let clip = library.clip(texts.language.code, name) else { return "" }
        let link = texts.string("audio.file").htmlEscaped
        return "<p class=\"listen\">\(element(clip, texts)) "
            + "<a href=\"\(clip.path(.mp3))\">\(link)</a></p>"
    }

    /// The player for one reflection question, or "" when its clip is
    /// missing; the `<audio>` element's fallback is the link.
    func question(_ id: String, _ texts: LanguageTexts) -> String {
        guard let clip = library.clip(texts.language.code, AudioClip.questionName(id)) else {
            return ""
        }
        return element(clip, texts)
    }

    private func element(_ clip: AudioClip, _ texts: LanguageTexts) -> String {
        let label = texts.string("audio.listen").htmlEscaped
        var sources = ""
        for format in AudioClip.Format.allCases {
            sources += "<source src=\"\(clip.path(format))\" type=\"\(format.contentType)\">"
        }
        return "<audio controls preload=\"none\" aria-label=\"\(label)\">\(sources)"
            + "<a href=\"\(clip.path(.mp3))\">\(texts.string("audio.file").htmlEscaped)</a>"
            + "</audio>"
    }
}
