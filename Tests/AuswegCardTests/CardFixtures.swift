import AuswegCard

/// Cards made from a small, valid content unless a test changes it.
enum CardFixtures {
    static let onion = "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion"

    static func content(
        address: String = "https://example.org",
        lines: [CardLine] = [
            CardLine(language: "de", text: "Nimm dir Zeit für dich."),
            CardLine(language: "en", text: "Take time for yourself."),
        ],
        onion: String? = nil, cropMarks: Bool = true
    ) -> CardContent {
        CardContent(address: address, lines: lines, onionHostname: onion, cropMarks: cropMarks)
    }

    /// The `<line>` elements of `svg` as (x1, y1, x2, y2) strings.
    static func lines(in svg: String) -> [[String]] {
        let pattern = /<line x1="([-0-9.]+)" y1="([-0-9.]+)" x2="([-0-9.]+)" y2="([-0-9.]+)"/
        return svg.matches(of: pattern).map {
            [String($0.1), String($0.2), String($0.3), String($0.4)]
        }
    }

    /// The character data of every `<text>` element.
    static func texts(in svg: String) -> [String] {
        svg.matches(of: /<text [^>]*>([^<]*)<\/text>/).map { String($0.1) }
    }
}
