import AuswegSite

/// Checks the torrc that publishes our onion service against our own
/// configuration: tor must forward the onion's port 80 to our socket, and
/// with no clearnet listener the service must not be a single onion service,
/// whose one-hop circuits would reveal where the server stands.
///
/// Only the file itself is read, not the files it includes. tor's option
/// names are case-insensitive, and `#` starts a comment anywhere on a line.
public struct TorConfigCheck {
    /// Options that make a single onion service (tor's manual, "Non-anonymous
    /// hidden service options").
    static let singleHopOptions = ["hiddenservicesinglehopmode", "hiddenservicenonanonymousmode"]

    let path: String
    let onionSocket: String
    let onionOnly: Bool

    public init(path: String, onionSocket: String, onionOnly: Bool) {
        self.path = path
        self.onionSocket = onionSocket
        self.onionOnly = onionOnly
    }

    public func run() throws(ConfigurationError) {
        let file: KeyValueFile
        do {
            file = try KeyValueFile(path: path)
        } catch {
            throw ConfigurationError(file: path, line: 0, error.message)
        }
        var forwardsToUs = false
        for entry in file.entries {
            let key = entry.key.lowercased()
            let value = Self.withoutComment(entry.value)
            if onionOnly, Self.singleHopOptions.contains(key), value != "0" {
                throw ConfigurationError(
                    file: path, line: entry.line,
                    "\(entry.key) reveals the server's location; not allowed while the site "
                        + "is onion only (HTTPSPort 0 and HTTPPort 0)")
            }
            if key == "hiddenserviceport", isOurPort(value) { forwardsToUs = true }
        }
        guard forwardsToUs else {
            throw ConfigurationError(
                file: path, line: 0, "no HiddenServicePort 80 unix:\(onionSocket) line")
        }
    }

    /// `80 unix:/path` or `80 unix:"/path"`.
    private func isOurPort(_ value: Substring) -> Bool {
        let parts = value.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0] == "80", parts[1].hasPrefix("unix:") else {
            return false
        }
        var target = parts[1].dropFirst("unix:".count)
        if target.count >= 2, target.hasPrefix("\""), target.hasSuffix("\"") {
            target = target.dropFirst().dropLast()
        }
        return target == onionSocket
    }

    private static func withoutComment(_ value: String) -> Substring {
        let text = value.prefix { $0 != "#" }
        let end = text.lastIndex { !$0.isWhitespace }.map(text.index(after:)) ?? text.startIndex
        return text[..<end]
    }
}
