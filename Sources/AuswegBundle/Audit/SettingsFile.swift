/// The effective `Key=Value` settings of a systemd-style configuration: the
/// main file, then the drop-ins of its `.d` folders in name order, later
/// lines winning. An empty assignment resets a key, as in systemd.
struct SettingsFile: Sendable {
    /// Every value a key was given, in order, after resets.
    private(set) var values: [String: [String]] = [:]
    /// The files that were read, as host paths.
    private(set) var sources: [String] = []

    /// Reads `paths` in order; missing files are skipped.
    init(host: AuditHost, paths: [String]) {
        for path in paths { read(host, path) }
    }

    /// The main file, then its drop-ins: `.conf` files of the folders,
    /// ordered by name, a later folder's file replacing an earlier one's of
    /// the same name (`/etc` over `/usr/lib`).
    init(host: AuditHost, main: String, dropInFolders: [String]) {
        self.init(host: host, paths: [main] + Self.dropIns(host, dropInFolders))
    }

    static func dropIns(_ host: AuditHost, _ folders: [String]) -> [String] {
        var byName: [String: String] = [:]
        for folder in folders {
            for name in host.list(folder) where name.hasSuffix(".conf") {
                byName[name] = folder + "/" + name
            }
        }
        return byName.keys.sorted().compactMap { byName[$0] }
    }

    /// Whether `key` was set at all, even if only reset.
    func has(_ key: String) -> Bool { values[key] != nil }

    /// systemd's spellings of true.
    func isTrue(_ key: String) -> Bool {
        guard let value = last(key)?.lowercased() else { return false }
        return ["yes", "true", "on", "1"].contains(value)
    }

    /// The last value given to `key`.
    func last(_ key: String) -> String? { values[key]?.last }

    /// All values given to `key`, split into words.
    func words(_ key: String) -> [String] {
        (values[key] ?? []).flatMap { $0.split(separator: " ").map(String.init) }
    }

    private mutating func read(_ host: AuditHost, _ hostPath: String) {
        guard let text = host.text(hostPath) else { return }
        sources.append(hostPath)
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters()
            guard !line.hasPrefix("#"), !line.hasPrefix(";"), !line.hasPrefix("["),
                let equals = line.firstIndex(of: "=")
            else { continue }
            let key = String(line[..<equals]).trimmingCharacters()
            let value = String(line[line.index(after: equals)...]).trimmingCharacters()
            if value.isEmpty {
                values[key] = []
            } else {
                values[key, default: []].append(value)
            }
        }
    }
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return String(self[start..<end])
    }
}
