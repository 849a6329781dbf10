import Foundation

/// The clip paths a page's players name, in page order.
enum AudioSources {
    /// Each `<source src="…">`, e.g. `/a/12.opus`.
    static func paths(in html: String) -> [String] {
        html.components(separatedBy: "<source src=\"").dropFirst().compactMap { rest in
            rest.split(separator: "\"", maxSplits: 1).first.map(String.init)
        }
    }

    /// How many `<audio` players the page has.
    static func players(in html: String) -> Int {
        html.components(separatedBy: "<audio controls preload=\"none\"").count - 1
    }
}
