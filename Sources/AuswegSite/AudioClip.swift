/// One clip of speech: a page's text, or one reflection question with its
/// meaning, in one language and voice.
public struct AudioClip: Sendable, Equatable {
    /// The two forms every clip has: Opus for most browsers, MP3 for
    /// Safari and iOS.
    public enum Format: String, Sendable, CaseIterable {
        case opus
        case mp3

        public var contentType: String {
            switch self {
            case .opus: "audio/ogg; codecs=opus"
            case .mp3: "audio/mpeg"
            }
        }
    }

    /// The language code, also the clip's folder.
    public let code: String
    /// The page name, `reflect-end`, or `q-<question id>`.
    public let name: String
    /// The espeak-ng voice from `content/voices.txt`.
    public let voice: String
    /// What is spoken, digits already split.
    public let text: String
    /// Numbers the clip's public path, which names no topic: `/a/<n>.opus`.
    public let number: Int

    /// `<code>/<name>.<format>`, the same under the clip folder and the
    /// content folder, where a human recording replaces the generated one.
    public func file(_ format: Format) -> String {
        "\(code)/\(name).\(format.rawValue)"
    }

    public func path(_ format: Format) -> String {
        "/a/\(number).\(format.rawValue)"
    }

    public static func questionName(_ id: String) -> String {
        "q-" + id
    }

    public static let reflectionEndName = "reflect-end"
}
