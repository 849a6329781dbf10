import AuswegHTTP

/// The port-80 redirect, serialised at start-up around the one part that
/// varies: the request target, which goes after the public URL in the
/// Location field. Per request the two halves and the target are laid end
/// to end in one allocation that is wiped once written, since the target
/// is what the visitor asked for (threat model, promise 2).
struct RedirectTemplate: Sendable {
    private struct Halves: Sendable {
        /// Up to the end of the Location value's public URL.
        let before: [UInt8]
        /// From the CRLF that ends the Location field to the empty line.
        let after: [UInt8]
    }

    private let keepingAlive: Halves
    private let closing: Halves

    init(publicURL: String) {
        keepingAlive = Self.halves(publicURL: publicURL, closing: false)
        closing = Self.halves(publicURL: publicURL, closing: true)
    }

    /// The 301 to `target` on the public URL. The parser let only RFC 3986
    /// characters into the target, so it cannot break out of the field line.
    func reply(target: String, closing closes: Bool) -> Reply {
        let halves = closes ? closing : keepingAlive
        var target = target
        let bytes = halves.before.withUnsafeBytes { before in
            target.withUTF8 { path in
                halves.after.withUnsafeBytes { after in
                    SensitiveBytes(concatenating: [before, UnsafeRawBufferPointer(path), after])
                }
            }
        }
        return Reply(sensitive: bytes, count: bytes.count, closesConnection: closes)
    }

    /// Serialises the redirect to the bare public URL and cuts it at the end
    /// of the Location line, the second CRLF: the status line comes first
    /// and a field value holds no CRLF.
    private static func halves(publicURL: String, closing: Bool) -> Halves {
        let whole = PreparedResponse(
            status: .movedPermanently, fields: [("Location", publicURL)], body: [],
            listener: .redirect, closesConnection: closing
        ).head
        let lineEnds = whole.indices.dropLast().filter { whole[$0] == 13 && whole[$0 + 1] == 10 }
        let cut = lineEnds[1]
        let field = Array(("Location: " + publicURL).utf8)
        precondition(whole[..<cut].suffix(field.count).elementsEqual(field), "Location not first")
        return Halves(before: Array(whole[..<cut]), after: Array(whole[cut...]))
    }
}
