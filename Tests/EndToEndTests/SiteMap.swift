import Foundation

/// The languages and pages the content folder defines, so the page tests
/// grow with the site.
enum SiteMap {
    /// Language codes from `content/languages.txt`.
    static func languages() throws -> [String] {
        try firstWords(of: "languages.txt")
    }

    /// Each language's writing direction, `ltr` or `rtl`, from the same file.
    static func directions() throws -> [String: String] {
        var result: [String: String] = [:]
        for line in try lines(of: "languages.txt") {
            let words = line.split(separator: " ")
            if words.count >= 2 { result[String(words[0])] = String(words[1]) }
        }
        return result
    }

    /// The reflection question ids `content/questions.txt` shows in
    /// `language`: all but those limited to other languages by `only`.
    static func questionIDs(shownIn language: String) throws -> [String] {
        try lines(of: "questions.txt").compactMap { line in
            let words = line.split(separator: " ")
            guard let id = words.first else { return nil }
            if words.count == 3, words[1] == "only" {
                let codes = words[2].split(separator: ",").map(String.init)
                return codes.contains(language) ? String(id) : nil
            }
            return String(id)
        }
    }

    /// Every page of `language`: its home and each numbered page in
    /// `content/pages.txt`, e.g. `/de/` and `/de/1`.
    static func paths(of language: String) throws -> [String] {
        try firstWords(of: "pages.txt").map { slug in
            slug == "/" ? "/\(language)/" : "/\(language)/\(slug)"
        }
    }

    private static func firstWords(of name: String) throws -> [String] {
        try lines(of: name).compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// The file's lines that are neither blank nor comments.
    private static func lines(of name: String) throws -> [Substring] {
        let text = try String(
            contentsOfFile: PackageLayout.contentDirectory + "/" + name, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }
}
