extension Negotiation {
    /// The language to serve for an Accept-Language value, chosen from
    /// `available` (RFC 9110 §12.5.4, RFC 4647 §3.4 lookup).
    ///
    /// The highest weight wins, ties go to the earlier range; `pt-BR` finds
    /// `pt`; case is ignored; `*` stands for `fallback`; weight 0 never
    /// matches. Absent, unreadable or unmatched fields give `fallback`.
    public static func bestLanguage(
        acceptLanguage: String?, available: [String], fallback: String
    ) -> String {
        guard let acceptLanguage else {
            return fallback
        }
        var best: (language: String, weight: Int)?
        WeightedList.forEach(in: acceptLanguage) { range, weight in
            guard weight > (best?.weight ?? 0),
                let language = lookup(range, in: available, fallback: fallback)
            else {
                return
            }
            best = (language, weight)
        }
        return best?.language ?? fallback
    }

    /// The entry of `available` that `range` finds, shortening the range
    /// from the end until one matches; nil for none or a malformed range.
    private static func lookup(
        _ range: UnsafeRawBufferPointer, in available: [String], fallback: String
    ) -> String? {
        if range.equals("*") {
            return fallback
        }
        guard isLanguageRange(range) else {
            return nil
        }
        var end = range.count
        while end > 0 {
            let prefix = range.slice(0..<end)
            if let match = available.first(where: { prefix.equalsIgnoringCase(text: $0) }) {
                return match
            }
            end = shortened(range, end)
        }
        return nil
    }

    /// RFC 4647 §3.4 step: drop the last subtag, and a single-character
    /// subtag left in front of it ("x" of a private use part).
    private static func shortened(_ range: UnsafeRawBufferPointer, _ end: Int) -> Int {
        var cut = end - 1
        while cut > 0, range[cut] != ASCII.hyphen {
            cut -= 1
        }
        if cut >= 2, range[cut - 2] == ASCII.hyphen {
            cut -= 2
        }
        return cut
    }

    /// RFC 4647 §2.1: `1*8ALPHA *("-" 1*8alphanum)`.
    private static func isLanguageRange(_ range: UnsafeRawBufferPointer) -> Bool {
        var subtagLength = 0
        var isFirst = true
        for byte in range {
            if byte == ASCII.hyphen {
                guard subtagLength > 0 else {
                    return false
                }
                subtagLength = 0
                isFirst = false
                continue
            }
            let allowed = ASCII.isAlpha(byte) || (!isFirst && ASCII.isDigit(byte))
            subtagLength += 1
            guard allowed, subtagLength <= maximumSubtagLength else {
                return false
            }
        }
        return subtagLength > 0
    }

    /// RFC 4647 §2.1: subtags are 1 to 8 characters.
    private static let maximumSubtagLength = 8
}
