extension CardLine {
    /// Reads `de: Nimm dir Zeit für dich. | en: Take time for yourself.`:
    /// lines separated by `|`, each a language tag, a colon and the text.
    /// Returns the lines, or what is wrong with the value.
    public static func parseList(_ value: String) -> Result<[CardLine], CardLineError> {
        var lines: [CardLine] = []
        for part in value.split(separator: "|", omittingEmptySubsequences: false) {
            guard let colon = part.firstIndex(of: ":") else {
                return .failure(.missingLanguage)
            }
            let code = part[..<colon].trimmed
            let text = part[part.index(after: colon)...].trimmed
            guard isLanguageCode(code) else { return .failure(.badLanguageCode(String(code))) }
            guard !lines.contains(where: { $0.language == code }) else {
                return .failure(.repeatedLanguage(String(code)))
            }
            guard !text.isEmpty, text.count <= longestText,
                text.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control })
            else { return .failure(.badText(language: String(code))) }
            lines.append(CardLine(language: String(code), text: String(text)))
        }
        return .success(lines)
    }
}

/// What is wrong with a `CardText` value.
public enum CardLineError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingLanguage
    case badLanguageCode(String)
    case repeatedLanguage(String)
    case badText(language: String)

    public var description: String {
        switch self {
        case .missingLanguage:
            "expected language: text, lines separated by |"
        case .badLanguageCode(let code):
            "\(code.isEmpty ? "an empty" : code) is not a language tag such as de or pt-br"
        case .repeatedLanguage(let code):
            "\(code) appears twice"
        case .badText(let code):
            "the \(code) line must have 1 to \(CardLine.longestText) characters"
                + " and no control characters"
        }
    }
}

extension Substring {
    fileprivate var trimmed: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
