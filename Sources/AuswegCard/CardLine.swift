/// One line of the card's wording in one language.
public struct CardLine: Sendable, Equatable {
    /// A language tag such as `de` or `pt-br`: lowercase letters, digits and hyphens.
    public let language: String
    public let text: String

    public init(language: String, text: String) {
        self.language = language
        self.text = text
    }

    /// The longest line the parser takes; the card fits what it can print.
    public static let longestText = 80

    /// Whether `code` looks like a language tag: a letter first, then
    /// lowercase ASCII letters, digits or hyphens, 2 to 11 characters.
    public static func isLanguageCode(_ code: some StringProtocol) -> Bool {
        guard (2...11).contains(code.count), let first = code.unicodeScalars.first,
            ("a"..."z").contains(first)
        else { return false }
        return code.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }
}
