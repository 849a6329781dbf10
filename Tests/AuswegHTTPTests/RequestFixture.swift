import AuswegHTTP

/// Builds request heads for the parser tests.
enum RequestFixture {
    static let host = "Host: example.org"

    /// `lines` joined with CRLF and closed by the empty line.
    static func head(_ lines: [String]) -> String {
        lines.map { $0 + "\r\n" }.joined() + "\r\n"
    }

    /// A head with `requestLine`, a Host field and `fields` after it.
    static func head(_ requestLine: String, fields: [String] = []) -> String {
        head([requestLine, host] + fields)
    }

    static func parse(_ text: String, limits: RequestLimits = .standard) -> ParseOutcome {
        RequestParser.parse(Array(text.utf8), limits: limits)
    }

    static func parse(_ bytes: [UInt8], limits: RequestLimits = .standard) -> ParseOutcome {
        RequestParser.parse(bytes, limits: limits)
    }
}
