/// The operator's choices for the card, from the configuration.
public struct CardSettings: Sendable, Equatable {
    /// Where the onion address printed on the back comes from.
    public enum OnionSource: Sendable, Equatable {
        case hostname(String)
        /// tor's `hostname` file, read when the card is made.
        case hostnameFile(String)
    }

    /// At most this many languages fit on the back at a legible size.
    public static let mostLanguages = 6

    /// The first language's line goes on the front, all of them on the back.
    public var languages = CardWording.defaultLanguages
    /// The operator's lines; they replace built-in ones of the same language.
    public var texts: [CardLine] = []
    public var onion: OnionSource?
    public var cropMarks = true

    public init() {}

    /// The line for each chosen language, or the first language without one.
    public func lines() -> Result<[CardLine], MissingWording> {
        var result: [CardLine] = []
        for language in languages {
            if let own = texts.first(where: { $0.language == language }) {
                result.append(own)
            } else if let builtIn = CardWording.builtIn[language] {
                result.append(CardLine(language: language, text: builtIn))
            } else {
                return .failure(MissingWording(language: language))
            }
        }
        return .success(result)
    }

    /// Reads `CardLanguages`: tags separated by spaces or commas.
    public static func parseLanguages(_ value: String) -> [String]? {
        let codes = value.split { $0 == " " || $0 == "," }.map(String.init)
        guard (1...mostLanguages).contains(codes.count), Set(codes).count == codes.count,
            codes.allSatisfy(CardLine.isLanguageCode)
        else { return nil }
        return codes
    }
}

/// A language chosen for the card that has neither a built-in line nor a
/// `CardText` line.
public struct MissingWording: Error, Sendable, Equatable {
    public let language: String
}
