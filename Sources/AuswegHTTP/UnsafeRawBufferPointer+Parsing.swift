/// Small views and comparisons the parsers use instead of building Strings.
extension UnsafeRawBufferPointer {
    /// The bytes in `range` as a buffer of their own, indexed from zero.
    func slice(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: self[range])
    }

    /// The bytes without leading and trailing SP / HTAB (RFC 9110 §5.6.3 OWS).
    func trimmingWhitespace() -> UnsafeRawBufferPointer {
        var start = 0
        var end = count
        while start < end, ASCII.isWhitespace(self[start]) {
            start += 1
        }
        while end > start, ASCII.isWhitespace(self[end - 1]) {
            end -= 1
        }
        return slice(start..<end)
    }

    /// True when the bytes spell `lowercase` in any ASCII case; `lowercase`
    /// must hold lowercase ASCII only.
    func equalsIgnoringCase(_ lowercase: StaticString) -> Bool {
        guard count == lowercase.utf8CodeUnitCount else {
            return false
        }
        let expected = lowercase.utf8Start
        for index in 0..<count where ASCII.lowercased(self[index]) != expected[index] {
            return false
        }
        return true
    }

    /// True when the bytes spell `text`, ASCII case ignored on both sides.
    func equalsIgnoringCase(text: String) -> Bool {
        guard count == text.utf8.count else {
            return false
        }
        for (byte, other) in zip(self, text.utf8)
        where ASCII.lowercased(byte) != ASCII.lowercased(other) {
            return false
        }
        return true
    }

    /// True when the bytes spell `text` exactly, case included.
    func equals(_ text: StaticString) -> Bool {
        guard count == text.utf8CodeUnitCount else {
            return false
        }
        let expected = text.utf8Start
        for index in 0..<count where self[index] != expected[index] {
            return false
        }
        return true
    }

    /// True when every byte is a tchar and there is at least one (RFC 9110 §5.6.2).
    var isToken: Bool {
        guard !isEmpty else {
            return false
        }
        for byte in self where !ByteSet.token.contains(byte) {
            return false
        }
        return true
    }

    /// The index of the first `byte` at or after `start`, or `count`.
    func firstIndex(of byte: UInt8, from start: Int) -> Int {
        var index = start
        while index < count, self[index] != byte {
            index += 1
        }
        return index
    }

    /// Calls `body` with each comma-separated element, OWS trimmed, empty
    /// elements skipped (RFC 9110 §5.6.1 lets a list carry empty elements).
    func forEachListElement<Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Void
    ) throws(Failure) {
        var start = 0
        while start <= count {
            let end = firstIndex(of: ASCII.comma, from: start)
            let element = slice(start..<end).trimmingWhitespace()
            if !element.isEmpty {
                try body(element)
            }
            start = end + 1
        }
    }

    /// A String of the bytes; invalid UTF-8 (only possible from obs-text)
    /// becomes U+FFFD.
    var string: String {
        String(decoding: self, as: UTF8.self)
    }
}
