/// One page of the shared page list, `content/pages.txt`.
public struct PageEntry: Sendable, Equatable {
    /// The path segment under `/<lang>/`; empty for the language's home.
    public let segment: String
    /// The page's name: its Markdown file and its label key `page.<name>`.
    public let name: String

    /// The reflection page gets the question list after its text.
    public static let reflectionName = "reflect"
    public static let imprintName = "imprint"
    public static let safetyName = "safety"

    public func path(in language: String) -> String {
        "/\(language)/\(segment)"
    }
}
