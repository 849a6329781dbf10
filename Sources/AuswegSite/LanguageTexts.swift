/// Everything one language folder holds, read and checked for completeness.
public struct LanguageTexts: Sendable {
    public struct Question: Sendable, Equatable {
        public let text: String
        public let meaning: String
    }

    public let language: Language
    /// UI strings from `strings.txt`, by key.
    public let strings: [String: String]
    /// Markdown source of each page, by page name.
    public let pages: [String: MarkdownSource]
    /// The closing panel of the reflection page.
    public let reflectionEnd: MarkdownSource
    public let questions: [String: Question]

    /// The keys every `strings.txt` must define; the templates use each.
    public static let requiredStrings = [
        "exit", "exit.hint", "skip", "languages", "menu", "hotline.call", "hotline.hours",
        "hotline.none", "notfound.title", "notfound.text", "imprint.operator",
        "imprint.unset", "reflect.tick", "error.title", "error.text", "audio.listen",
        "audio.file",
    ]

    /// Required only while an onion address is set: the onion notice uses
    /// them, and a site without one needs no translation of them.
    public static let onionStrings = ["onion.address", "onion.open"]

    public func string(_ key: String) -> String {
        guard let value = strings[key] else {
            preconditionFailure("string \(key) passed the completeness check but is missing")
        }
        return value
    }
}

/// A Markdown file's text and where it came from, for error messages.
public struct MarkdownSource: Sendable {
    public let path: String
    public let text: String
}
