/// Where a configuration key got its value: a file and line, or the command
/// line and an argument's position. Checks made after loading, such as the
/// card's, point there.
public struct KeySource: Sendable, Equatable {
    public let file: String
    public let line: Int
}

extension Configuration {
    /// An error about `key`, at the place that set it; at `fallbackFile`
    /// without a line when the key kept its default.
    func problem(with key: String, _ message: String, fallbackFile: String)
        -> ConfigurationError
    {
        let source = sources[key] ?? KeySource(file: fallbackFile, line: 0)
        return ConfigurationError(file: source.file, line: source.line, "\(key): \(message)")
    }
}
