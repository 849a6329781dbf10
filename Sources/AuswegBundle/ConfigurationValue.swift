import Glibc

/// Checks and conversions of single configuration values.
enum ConfigurationValue {
    static let longestDuration = 3_600_000

    /// `10`, `10 s`, `10 seconds`, `500 ms`; plain numbers are seconds.
    static func milliseconds(_ text: String) -> Int? {
        let parts = text.split(separator: " ")
        guard (1...2).contains(parts.count), let number = Int(parts[0]), number > 0 else {
            return nil
        }
        let unit = parts.count == 2 ? parts[1].lowercased() : "s"
        let factor: Int
        switch unit {
        case "ms", "msec", "milliseconds": factor = 1
        case "s", "sec", "second", "seconds": factor = 1000
        case "min", "minute", "minutes": factor = 60_000
        default: return nil
        }
        let (result, overflow) = number.multipliedReportingOverflow(by: factor)
        return !overflow && result <= longestDuration ? result : nil
    }

    /// `https://host` or `https://host:port`, without a trailing slash, so a
    /// request path can be appended.
    static func publicURL(_ text: String) -> String? {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard trimmed.hasPrefix("https://"), isWebURL(trimmed) else { return nil }
        let authority = trimmed.dropFirst("https://".count)
        guard !authority.isEmpty, !authority.contains("/"), !authority.contains("?"),
            !authority.contains("#"), !authority.contains("@")
        else { return nil }
        return trimmed
    }

    /// An https URL made of printable ASCII that cannot break out of an HTML
    /// attribute or a header line.
    static func isWebURL(_ text: String) -> Bool {
        text.hasPrefix("https://") && text.count > "https://".count
            && text.unicodeScalars.allSatisfy {
                $0.value > 0x20 && $0.value < 0x7f && !"\"'<>\\`".unicodeScalars.contains($0)
            }
    }

    /// The number as dialled: spaces, dashes, dots, slashes and brackets
    /// dropped; digits with an optional leading +. In `+49 (0) 30 …` the
    /// bracketed 0 is the trunk prefix, which is not dialled after a country
    /// code, so it is dropped too.
    static func dialString(_ text: String) -> String? {
        let international = text.hasPrefix("+")
        let written = international ? text.replacing("(0)", with: "") : text
        let dial = written.filter { !" -./()".contains($0) }
        let digits = international ? dial.dropFirst() : dial[...]
        guard (3...20).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return dial
    }

    /// A group's number, from its number or its name in the group database.
    static func groupID(_ text: String) -> UInt32? {
        if let number = UInt32(text) { return number }
        var entry = group()
        var found: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16 * 1024)
        let result = getgrnam_r(text, &entry, &buffer, buffer.count, &found)
        return result == 0 && found != nil ? entry.gr_gid : nil
    }
}
