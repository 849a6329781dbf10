/// Who wrote a language's texts and whether a native speaker has reviewed
/// them, from `content/manifest.txt`. Operators read this before going live.
public struct TranslationStatus: Sendable, Equatable {
    public let code: String
    public let reviewed: Bool
    public let author: String
}
