/// One reflection question of the shared list, `content/questions.txt`.
public struct QuestionEntry: Sendable, Equatable {
    /// Stable across languages; also the tick box's id.
    public let id: String
    /// Languages that show it; nil means all. For culture-specific questions.
    public let onlyIn: Set<String>?

    public func isShown(in language: String) -> Bool {
        onlyIn?.contains(language) ?? true
    }
}
