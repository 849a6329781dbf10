/// What the server prints at start-up: one line per listener, e.g.
/// `ausweg: https on 127.0.0.1:40123` or `ausweg: onion on /tmp/x.sock`,
/// possibly after notes such as translations not yet reviewed.
struct StartupLines {
    private static let prefix = "ausweg: "
    private static let kinds: [String: Listener] = [
        "https": .https, "http redirect": .http, "onion": .onion,
    ]

    static let empty = StartupLines()

    /// Each listener's address, from the first line that named it.
    private(set) var endpoints: [Listener: Endpoint] = [:]
    /// How many lines named each listener.
    private(set) var counts: [Listener: Int] = [:]
    /// Lines that name no listener.
    private(set) var notes: [String] = []
    /// Bytes up to and including the last listener line.
    private(set) var length = 0

    /// Reads complete lines; a listener line with a bad address throws.
    init(_ lines: [String]) throws {
        var offset = 0
        for line in lines {
            offset += line.utf8.count + 1
            guard let (kind, address) = Self.split(line) else {
                notes.append(line)
                continue
            }
            let endpoint = try Self.endpoint(address, kind: kind, line: line)
            endpoints[kind] = endpoints[kind] ?? endpoint
            counts[kind, default: 0] += 1
            length = offset
        }
    }

    private init() {}

    private static func split(_ line: String) -> (Listener, String)? {
        guard line.hasPrefix(prefix) else { return nil }
        let rest = line.dropFirst(prefix.count)
        guard let on = rest.range(of: " on "), let kind = kinds[String(rest[..<on.lowerBound])]
        else { return nil }
        return (kind, String(rest[on.upperBound...]))
    }

    private static func endpoint(
        _ address: String, kind: Listener, line: String
    ) throws -> Endpoint {
        if kind == .onion {
            return .unixSocket(path: address)
        }
        guard let colon = address.lastIndex(of: ":"),
            let port = Int(address[address.index(after: colon)...])
        else {
            throw HarnessError.unknownStartupLine(line)
        }
        return .loopback(port: port)
    }
}
