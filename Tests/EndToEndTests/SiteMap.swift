import Foundation

/// The languages and pages the content folder defines, so the page tests
/// grow with the site.
enum SiteMap {
    /// Language codes from `content/languages.txt`.
    static func languages() throws -> [String] {
        try firstWords(of: "languages.txt")
    }

    /// Every page of `language`: its home and each numbered page in
    /// `content/pages.txt`, e.g. `/de/` and `/de/1`.
    static func paths(of language: String) throws -> [String] {
        try firstWords(of: "pages.txt").map { slug in
            slug == "/" ? "/\(language)/" : "/\(language)/\(slug)"
        }
    }

    private static func firstWords(of name: String) throws -> [String] {
        let text = try String(
            contentsOfFile: PackageLayout.contentDirectory + "/" + name, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let word = line.split(separator: " ").first.map(String.init)
            return word?.hasPrefix("#") == false ? word : nil
        }
    }
}
