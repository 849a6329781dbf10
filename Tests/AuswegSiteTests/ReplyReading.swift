import AuswegHTTP

/// A reply split into status line, header fields and body, for assertions.
struct ReplyReading {
    let statusLine: String
    let fields: [(name: String, value: String)]
    let body: [UInt8]
    let closes: Bool

    init(_ reply: Reply) {
        let bytes = reply.withUnsafeBytes { Array($0) }
        let separator: [UInt8] = [13, 10, 13, 10]
        var end = 0
        while end + 4 <= bytes.count, Array(bytes[end..<end + 4]) != separator { end += 1 }
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        statusLine = lines.removeFirst()
        fields = lines.map { line in
            let colon = line.firstIndex(of: ":") ?? line.endIndex
            let value = line[colon...].dropFirst().drop { $0 == " " }
            return (String(line[..<colon]), String(value))
        }
        body = end + 4 <= bytes.count ? Array(bytes[(end + 4)...]) : []
        closes = reply.closesConnection
    }

    func field(_ name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

extension String {
    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = self[...]
        while let range = rest.range(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
