import AuswegSite

/// A minimal SVG writer for one card face, in millimetres.
///
/// Every text it writes is escaped; numbers are rounded to micrometres, which
/// no press resolves, and written without a locale.
struct SVGDocument {
    static let sansFonts = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif"
    static let monoFonts = "'DejaVu Sans Mono', 'Liberation Mono', 'Courier New', monospace"

    private(set) var markup: String

    init(width: Double, height: Double) {
        markup = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" \
            width="\(Self.number(width))mm" height="\(Self.number(height))mm" \
            viewBox="0 0 \(Self.number(width)) \(Self.number(height))">

            """
    }

    /// Opens a group whose contents are moved and scaled by `transform`.
    mutating func openGroup(transform: String) {
        markup += "<g transform=\"\(transform)\">\n"
    }

    mutating func closeGroup() {
        markup += "</g>\n"
    }

    mutating func rectangle(x: Double, y: Double, width: Double, height: Double, fill: String) {
        markup += """
            <rect x="\(Self.number(x))" y="\(Self.number(y))" width="\(Self.number(width))" \
            height="\(Self.number(height))" fill="\(fill)"/>

            """
    }

    mutating func line(from start: (Double, Double), to end: (Double, Double), width: Double) {
        markup += """
            <line x1="\(Self.number(start.0))" y1="\(Self.number(start.1))" \
            x2="\(Self.number(end.0))" y2="\(Self.number(end.1))" \
            stroke="#000000" stroke-width="\(Self.number(width))"/>

            """
    }

    /// One path of filled shapes, drawn with crisp edges so that adjacent
    /// QR modules leave no hairline gaps.
    mutating func path(_ data: String, fill: String) {
        markup += """
            <path d="\(data)" fill="\(fill)" shape-rendering="crispEdges"/>

            """
    }

    /// One line of text; `anchor` is `start` or `middle`.
    mutating func text(
        _ content: String, x: Double, baseline: Double, size: Double, style: TextMetrics.Style,
        anchor: String, fill: String, language: String? = nil
    ) {
        let family = style == .monospace ? Self.monoFonts : Self.sansFonts
        let weight = style == .bold ? " font-weight=\"bold\"" : ""
        let lang = language.map { " xml:lang=\"\($0.htmlEscaped)\"" } ?? ""
        markup += """
            <text x="\(Self.number(x))" y="\(Self.number(baseline))" \
            font-family="\(family)" font-size="\(Self.number(size))"\(weight) \
            text-anchor="\(anchor)" fill="\(fill)"\(lang)>\(content.htmlEscaped)</text>

            """
    }

    /// The finished document.
    func finished() -> String {
        markup + "</svg>\n"
    }

    static func number(_ value: Double) -> String {
        let micrometres = (value * 1000).rounded()
        let whole = Int(micrometres) / 1000
        let fraction = abs(Int(micrometres) % 1000)
        let sign = micrometres < 0 && whole == 0 ? "-" : ""
        guard fraction != 0 else { return "\(sign)\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(sign)\(whole).\(digits)"
    }
}
