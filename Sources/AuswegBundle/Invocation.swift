/// What the command line asks for: a command, a configuration file and
/// `--Key value` overrides.
public struct Invocation: Sendable, Equatable {
    public enum Command: String, Sendable {
        case serve
        case checkConfig = "check-config"
        case card
        case audio
        case audit
        case help
    }

    public var command = Command.serve
    public var configFile: String?
    public var overrides: [Override] = []
    /// `--out FILE.svg` of the card command; the faces go beside it.
    public var cardOutput: CardOutput?
    /// `audit --root DIR`: the tree to audit instead of the running host.
    public var auditRoot = "/"
    /// `audit --json`: findings as JSON instead of lines.
    public var json = false

    public static let usage = """
        usage: ausweg [serve | check-config | audio] [--config FILE] [--Key value ...]
               ausweg card --out FILE.svg [--config FILE] [--Key value ...]
               ausweg audit [--root DIR] [--config FILE] [--json]
               ausweg help
        Without a file the embedded defaults serve content/ on https://127.0.0.1:8443.
        audio speaks every page into clips in AudioDir (.build-audio), remaking changed ones.
        Every configuration key can also be given as --Key value; see README.md.
        """

    /// Parses the arguments after the program name.
    public init(arguments: [String]) throws(ConfigurationError) {
        var rest = arguments[...]
        if let first = rest.first, !first.hasPrefix("-") {
            guard let command = Command(rawValue: first) else {
                throw ConfigurationError(file: Override.source, line: 1, "unknown command \(first)")
            }
            self.command = command
            rest = rest.dropFirst()
        }
        while let argument = rest.first {
            let position = rest.startIndex + 1
            rest = rest.dropFirst()
            if argument == "--help" || argument == "-h" {
                command = .help
                continue
            }
            if argument == "--json" && command == .audit {
                json = true
                continue
            }
            guard argument.hasPrefix("--"), argument.count > 2 else {
                throw ConfigurationError(
                    file: Override.source, line: position, "unexpected argument \(argument)")
            }
            guard let value = rest.first else {
                throw ConfigurationError(
                    file: Override.source, line: position, "\(argument) needs a value")
            }
            rest = rest.dropFirst()
            let key = String(argument.dropFirst(2))
            if key == "config" {
                guard configFile == nil else {
                    throw ConfigurationError(
                        file: Override.source, line: position, "--config given twice")
                }
                configFile = value
            } else if command == .audit {
                guard key == "root" else {
                    throw ConfigurationError(
                        file: Override.source, line: position, "audit takes no \(argument)")
                }
                auditRoot = value
            } else if key == "out" {
                guard cardOutput == nil else {
                    throw ConfigurationError(
                        file: Override.source, line: position, "--out given twice")
                }
                cardOutput = try CardOutput(argument: value, position: position)
            } else {
                overrides.append(Override(key: key, value: value, position: position))
            }
        }
        try checkCardOutput()
    }

    private func checkCardOutput() throws(ConfigurationError) {
        if command == .card && cardOutput == nil {
            throw ConfigurationError(file: Override.source, line: 1, "card needs --out FILE.svg")
        }
        if command != .card, let output = cardOutput {
            throw ConfigurationError(
                file: Override.source, line: output.position, "--out belongs to the card command")
        }
    }
}
