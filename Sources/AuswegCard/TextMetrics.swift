/// Estimates how wide a line of text prints, so that it can be fitted to the
/// card without a font library.
///
/// The estimate errs wide: it uses the advances of DejaVu Sans, which is
/// wider than Liberation Sans and Arial, so a line that fits here fits in
/// every font the SVG names. Wide East Asian characters count a full em,
/// combining marks nothing.
enum TextMetrics {
    enum Style: Sendable {
        case regular
        case bold
        case monospace

        /// The average advance of one character, in ems.
        var advance: Double {
            switch self {
            case .regular: 0.62
            case .bold: 0.70
            case .monospace: 0.61
            }
        }
    }

    /// The estimated width of `text` in millimetres at `size` millimetres.
    static func width(_ text: String, size: Double, style: Style) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            if isCombining(scalar) { continue }
            ems += isWide(scalar) && style != .monospace ? 1.0 : style.advance
        }
        return ems * size
    }

    /// The largest size from `largest` down to `smallest`, in steps of 0.1 mm,
    /// at which `text` fits into `width`; nil if it does not fit at all.
    static func fittingSize(
        _ text: String, width: Double, style: Style, largest: Double, smallest: Double
    ) -> Double? {
        sizes(from: largest, downTo: smallest).first {
            self.width(text, size: $0, style: style) <= width
        }
    }

    /// Sizes from `largest` down to `smallest` in steps of 0.1 mm, counted in
    /// whole tenths so that no rounding error skips the last one.
    static func sizes(from largest: Double, downTo smallest: Double) -> [Double] {
        let top = Int((largest * 10).rounded())
        let bottom = Int((smallest * 10).rounded())
        return stride(from: top, through: bottom, by: -1).map { Double($0) / 10 }
    }

    /// Breaks `text` at spaces into lines no wider than `width`; nil if a
    /// single word is wider or more than `maxLines` lines are needed.
    static func wrap(
        _ text: String, width: Double, size: Double, style: Style, maxLines: Int
    ) -> [String]? {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if self.width(candidate, size: size, style: style) <= width {
                current = candidate
                continue
            }
            guard !current.isEmpty, self.width(String(word), size: size, style: style) <= width
            else { return nil }
            lines.append(current)
            current = String(word)
        }
        if !current.isEmpty { lines.append(current) }
        return lines.count <= maxLines ? lines : nil
    }

    /// Like `wrap`, but with lines as even as the words allow, so that no
    /// single word is left alone on the last line: the narrowest width, to
    /// a hundredth of a millimetre, that needs no more lines than `width`.
    static func balancedWrap(
        _ text: String, width: Double, size: Double, style: Style, maxLines: Int
    ) -> [String]? {
        guard let greedy = wrap(text, width: width, size: size, style: style, maxLines: maxLines)
        else { return nil }
        // Fewer lines never need a narrower width, so the search is a bisection.
        var tooNarrow = 0.0
        var wideEnough = width
        while wideEnough - tooNarrow > balanceTolerance {
            let middle = (tooNarrow + wideEnough) / 2
            if wrap(text, width: middle, size: size, style: style, maxLines: greedy.count) != nil {
                wideEnough = middle
            } else {
                tooNarrow = middle
            }
        }
        return wrap(text, width: wideEnough, size: size, style: style, maxLines: greedy.count)
    }

    static let balanceTolerance = 0.01

    private static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: true
        default: false
        }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default: false
        }
    }
}
