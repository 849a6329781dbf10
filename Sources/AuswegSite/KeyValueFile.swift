import Glibc

/// A torrc-style text file: one `Key value` entry per line, `#` starts a
/// comment line, blank lines are skipped. The value is the rest of the line,
/// trimmed.
public struct KeyValueFile: Sendable {
    public struct Entry: Sendable, Equatable {
        public let key: String
        public let value: String
        public let line: Int
    }

    public let path: String
    public let entries: [Entry]

    /// Reads and splits `path`; invalid UTF-8 or an unreadable file throws.
    public init(path: String) throws(ContentError) {
        self.path = path
        let text = try Self.read(path)
        entries = Self.split(text)
    }

    /// Splits `text` as if read from `path`.
    public init(path: String, text: String) {
        self.path = path
        entries = Self.split(text)
    }

    public func error(_ entry: Entry, _ message: String) -> ContentError {
        ContentError(file: path, line: entry.line, message)
    }

    private static func split(_ text: String) -> [Entry] {
        var entries: [Entry] = []
        var number = 0
        for rawLine in lines(text) {
            number += 1
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let key = line.prefix { !$0.isWhitespace }
            let value = line.dropFirst(key.count).trimmingWhitespace()
            entries.append(Entry(key: String(key), value: String(value), line: number))
        }
        return entries
    }

    /// The lines as `text.split(separator: "\n")` gives them, with empty
    /// ones, found by bytes: splitting by Characters walks grapheme clusters
    /// (a tenth of start-up's instructions, callgrind). A line feed is a
    /// Character of its own except after a carriage return, whose CRLF is one.
    private static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var previous: UInt8 = 0
        for index in text.utf8.indices {
            let byte = text.utf8[index]
            defer { previous = byte }
            guard byte == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") else { continue }
            lines.append(text[start..<index])
            start = text.utf8.index(after: index)
        }
        lines.append(text[start...])
        return lines
    }

    /// The whole file as UTF-8 text.
    public static func read(_ path: String) throws(ContentError) -> String {
        let bytes = try FileBytes.read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ContentError(file: path, "not valid UTF-8")
        }
        return text
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
