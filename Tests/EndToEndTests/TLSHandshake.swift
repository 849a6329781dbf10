import Foundation

/// What `openssl s_client` reported about one handshake.
struct TLSHandshake {
    /// `TLSv1.3`, or nil when no session was set up.
    let version: String?
    /// The negotiated suite, or nil when none was.
    let cipher: String?
    /// The protocol chosen by ALPN, or nil.
    let alpn: String?
    /// The number of a TLS alert the server sent, or nil.
    let alert: Int?
    /// The server's certificate in PEM, as s_client printed it.
    let certificate: String?

    init(_ output: String) {
        let summary = Self.capture(#"New, (\S+), Cipher is (\S+)"#, in: output)
        version = summary.first.flatMap { $0 == "(NONE)" ? nil : $0 }
        cipher = summary.last.flatMap { $0 == "(NONE)" ? nil : $0 }
        alpn = Self.capture(#"ALPN protocol: (\S+)"#, in: output).first
        alert = Self.capture(#"SSL alert number (\d+)"#, in: output).first.flatMap { Int($0) }
        let pem = #"-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----"#
        certificate = output.range(of: pem, options: .regularExpression).map {
            String(output[$0]) + "\n"
        }
    }

    /// The capture groups of the first match of `pattern` in `text`.
    private static func capture(_ pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern),
            let match = expression.firstMatch(
                in: text, range: NSRange(text.startIndex..., in: text))
        else { return [] }
        return (1..<match.numberOfRanges).compactMap {
            Range(match.range(at: $0), in: text).map { String(text[$0]) }
        }
    }
}
