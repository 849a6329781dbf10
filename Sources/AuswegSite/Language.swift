/// One language of the site, as listed in `content/languages.txt`.
public struct Language: Sendable, Equatable {
    public enum Direction: String, Sendable {
        case leftToRight = "ltr"
        case rightToLeft = "rtl"
    }

    /// Lowercase code, also the folder name and first path segment.
    public let code: String
    public let direction: Direction
    /// The language's name in its own script, for the language list.
    public let nativeName: String
}
