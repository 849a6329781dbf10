import AuswegCard
import AuswegSite

/// `ausweg card`: checks the configuration's card keys and `PublicURL`,
/// then writes the front and back as SVG and, when rsvg-convert (Debian
/// librsvg2-bin) is installed, both as a two-page PDF for the print shop.
///
/// Every file goes to a temporary name first; only when all of them are
/// complete are they renamed into place.
public struct CardCommand: Sendable {
    static let converter = "rsvg-convert"

    let configuration: Configuration
    /// The configuration file, or the command line, for errors about keys
    /// left at their defaults.
    let configSource: String
    let output: CardOutput

    public init(configuration: Configuration, configFile: String?, output: CardOutput) {
        self.configuration = configuration
        self.configSource = configFile ?? Override.source
        self.output = output
    }

    /// Checks everything and writes the files; returns their paths.
    public func run() throws(CardCommandError) -> [String] {
        let card: Card
        do {
            card = try makeCard()
        } catch {
            throw .configuration(error)
        }
        do {
            return try write(card, converter: ExternalProgram(named: Self.converter))
        } catch {
            throw .writing(error)
        }
    }

    /// The checked card; each fault points at the key that caused it.
    func makeCard() throws(ConfigurationError) -> Card {
        guard configuration.sources["PublicURL"] != nil else {
            throw configuration.problem(
                with: "PublicURL", "not set; the card needs the site's public address",
                fallbackFile: configSource)
        }
        let lines: [CardLine]
        switch configuration.card.lines() {
        case .success(let found): lines = found
        case .failure(let missing):
            throw configuration.problem(
                with: "CardLanguages", "no line for \(missing.language); add it to CardText",
                fallbackFile: configSource)
        }
        let content = CardContent(
            address: configuration.site.publicURL, lines: lines,
            onionHostname: try onionHostname(), cropMarks: configuration.card.cropMarks)
        do {
            return try Card(content: content)
        } catch {
            throw configuration.problem(
                with: key(blamedFor: error), error.description, fallbackFile: configSource)
        }
    }

    private func onionHostname() throws(ConfigurationError) -> String? {
        switch configuration.card.onion {
        case nil: return nil
        case .hostname(let hostname): return hostname
        case .hostnameFile(let path):
            do {
                let text = try KeyValueFile.read(path)
                return try OnionAddress(hostnameFileText: text, file: path).hostname
            } catch {
                throw configuration.problem(
                    with: "CardOnionAddress", error.description, fallbackFile: configSource)
            }
        }
    }

    private func key(blamedFor error: CardError) -> String {
        switch error {
        case .addressNotWeb, .addressNotEncodable, .addressTooWideToPrint:
            return "PublicURL"
        case .lineTooLongForFront(let language), .lineTooLongForBack(let language):
            let own = configuration.card.texts.contains { $0.language == language }
            return own ? "CardText" : "CardLanguages"
        case .noLines, .tooManyLines:
            return "CardLanguages"
        }
    }

    /// Stages every file, then renames them all into place.
    func write(_ card: Card, converter: ExternalProgram?) throws(CardWriteError) -> [String] {
        let front = try StagedFile(finalPath: output.front)
        try front.write(card.svg(.front))
        let back = try StagedFile(finalPath: output.back)
        try back.write(card.svg(.back))
        var staged = [front, back]

        if let converter {
            let pdf = try StagedFile(finalPath: output.pdf)
            try converter.run([
                "--format=pdf", "--output=\(pdf.temporaryPath)",
                front.temporaryPath, back.temporaryPath,
            ])
            try pdf.sync()
            staged.append(pdf)
        }
        for file in staged { try file.commit() }
        return staged.map(\.finalPath)
    }
}

/// Why `ausweg card` stopped: a fault in the configuration (exit status 2)
/// or in writing the files (exit status 1).
public enum CardCommandError: Error, Sendable, Equatable, CustomStringConvertible {
    case configuration(ConfigurationError)
    case writing(CardWriteError)

    public var exitStatus: Int32 {
        switch self {
        case .configuration: 2
        case .writing: 1
        }
    }

    public var description: String {
        switch self {
        case .configuration(let error): error.description
        case .writing(let error): error.description
        }
    }
}
