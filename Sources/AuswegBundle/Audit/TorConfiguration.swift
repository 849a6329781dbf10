import AuswegSite
import Glibc

/// tor's effective options: /etc/tor/torrc with its `%include`s. Options
/// set there replace those of Debian's defaults file, which is read only
/// for options the torrc leaves unset.
struct TorConfiguration: Sendable {
    static let torrc = "/etc/tor/torrc"
    static let defaults = "/usr/share/tor/tor-service-defaults-torrc"

    private(set) var entries: [KeyValueFile.Entry] = []
    private var defaultEntries: [KeyValueFile.Entry] = []

    /// Nil when the host has no torrc: tor is not installed.
    init?(host: AuditHost) {
        guard host.exists(Self.torrc) else { return nil }
        entries = Self.read(host, Self.torrc, depth: 3)
        defaultEntries = Self.read(host, Self.defaults, depth: 0)
    }

    /// Every value of an option, from the torrc if it sets it there, else
    /// from the defaults file.
    func values(_ key: String) -> [String] {
        let own = entries.filter { $0.key == key }.map(\.value)
        return own.isEmpty ? defaultEntries.filter { $0.key == key }.map(\.value) : own
    }

    private static func read(_ host: AuditHost, _ path: String, depth: Int)
        -> [KeyValueFile.Entry]
    {
        guard let file = try? KeyValueFile(path: host.path(path)) else { return [] }
        var entries: [KeyValueFile.Entry] = []
        for entry in file.entries {
            guard entry.key == "%include" else {
                entries.append(entry)
                continue
            }
            guard depth > 0 else { continue }
            for included in includedFiles(host, entry.value) {
                entries += read(host, included, depth: depth - 1)
            }
        }
        return entries
    }

    /// `%include` names a file, a folder, or a `*.conf` pattern in a folder.
    private static func includedFiles(_ host: AuditHost, _ pattern: String) -> [String] {
        var folder = pattern
        var suffix = ""
        if let star = pattern.lastIndex(of: "*") {
            folder = String(pattern[..<star])
            suffix = String(pattern[pattern.index(after: star)...])
        }
        while folder.hasSuffix("/") { folder.removeLast() }
        guard let mode = host.mode(folder), mode & S_IFMT == S_IFDIR else {
            return host.exists(pattern) ? [pattern] : []
        }
        return host.list(folder).filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }
            .map { folder + "/" + $0 }
    }
}
