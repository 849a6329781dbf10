import AuswegSite

extension Configuration {
    /// The defaults, then the file's lines, then the command line's
    /// `--Key value` pairs, which win. Each key may appear once per source.
    public static func load(file: String?, overrides: [Override]) throws(ConfigurationError)
        -> Configuration
    {
        var lines: KeyValueFile?
        if let file {
            do {
                lines = try KeyValueFile(path: file)
            } catch {
                throw ConfigurationError(file: file, line: 0, error.message)
            }
        }
        return try load(lines: lines, overrides: overrides)
    }

    /// `load(file:overrides:)` for a file already read; touches no file, so
    /// hostile text can be fed to it directly (the fuzzer does).
    public static func load(lines: KeyValueFile?, overrides: [Override])
        throws(ConfigurationError) -> Configuration
    {
        var configuration = Configuration()
        if let lines {
            var seen = FirstSettings(source: lines.path, place: "line")
            for entry in lines.entries {
                try seen.record(entry.key, at: entry.line)
                try configuration.apply(
                    entry.key, entry.value, file: lines.path, line: entry.line)
            }
        }
        var seen = FirstSettings(source: Override.source, place: "argument")
        for override in overrides {
            try seen.record(override.key, at: override.position)
            try configuration.apply(
                override.key, override.value, file: Override.source, line: override.position)
        }
        try configuration.checkCombinations(file: lines?.path ?? Override.source)
        return configuration
    }

    private mutating func apply(_ name: String, _ value: String, file: String, line: Int)
        throws(ConfigurationError)
    {
        guard let key = ConfigurationKey.named(name) else {
            throw ConfigurationError(file: file, line: line, "unknown key \(name)")
        }
        guard !value.isEmpty else {
            throw ConfigurationError(file: file, line: line, "\(name) needs a value")
        }
        if let problem = key.apply(&self, value) {
            throw ConfigurationError(file: file, line: line, "\(name): \(problem)")
        }
        sources[name] = KeySource(file: file, line: line)
    }

    private func checkCombinations(file: String) throws(ConfigurationError) {
        if (certificateFile == nil) != (certificateKeyFile == nil) {
            throw ConfigurationError(
                file: file, line: 0, "CertificateFile and CertificateKeyFile go together")
        }
        if onionSocket == nil && (onionSocketGroup != nil || torConfigFile != nil) {
            throw ConfigurationError(
                file: file, line: 0, "OnionSocketGroup and TorConfigFile need OnionSocket")
        }
        if https == nil && redirect == nil && onionSocket == nil {
            throw ConfigurationError(
                file: file, line: 0, "no listener: set HTTPSPort, HTTPPort or OnionSocket")
        }
    }
}

/// Where each key was first set within one source, so that a second setting
/// is refused instead of silently winning.
private struct FirstSettings {
    let source: String
    /// What a position is called in the message: a line or an argument.
    let place: String
    private var firstPosition: [String: Int] = [:]

    init(source: String, place: String) {
        self.source = source
        self.place = place
    }

    mutating func record(_ key: String, at position: Int) throws(ConfigurationError) {
        if let first = firstPosition.updateValue(position, forKey: key) {
            throw ConfigurationError(
                file: source, line: position, "\(key) already set on \(place) \(first)")
        }
    }
}

/// A `--Key value` pair from the command line.
public struct Override: Sendable, Equatable {
    static let source = "command line"

    public let key: String
    public let value: String
    /// The argument's position, reported as the "line" of an error.
    public let position: Int

    public init(key: String, value: String, position: Int) {
        self.key = key
        self.value = value
        self.position = position
    }
}
