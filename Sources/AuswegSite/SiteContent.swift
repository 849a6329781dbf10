/// The whole content folder, read once at start-up and checked: every
/// language has every page, string and question, so no page ever falls
/// back to another language.
public struct SiteContent: Sendable {
    public let folder: String
    /// In file order; the first is the default language.
    public let languages: [Language]
    public let pages: [PageEntry]
    public let questions: [QuestionEntry]
    public let numbers: [EmergencyNumber]
    public let texts: [String: LanguageTexts]
    /// One entry per language, in the order of `languages`.
    public let translations: [TranslationStatus]

    public var defaultLanguage: Language { languages[0] }

    public func texts(for language: Language) -> LanguageTexts {
        guard let found = texts[language.code] else {
            preconditionFailure("language \(language.code) loaded without its texts")
        }
        return found
    }
}
