extension String {
    /// Safe inside HTML or XML text and inside double-quoted attributes.
    public var htmlEscaped: String {
        // Start-up escapes every string of every page, and most have nothing
        // to escape. Working on UTF-8 bytes is exact: the five ASCII bytes
        // never occur inside a longer scalar's encoding.
        guard utf8.contains(where: { Self.htmlEntity($0) != nil }) else { return self }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            if let entity = Self.htmlEntity(byte) {
                escaped.append(contentsOf: entity.utf8)
            } else {
                escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    private static func htmlEntity(_ byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
