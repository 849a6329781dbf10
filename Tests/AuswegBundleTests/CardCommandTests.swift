import Foundation
import TestSupport
import Testing

@testable import AuswegBundle

/// `ausweg card` checks the card's keys and writes all of its files or none.
@Suite struct CardCommandTests {
    static let onion = "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion"

    private func command(_ config: String, in files: ScratchFolder) throws -> CardCommand {
        let configFile = try files.write(config, to: "ausweg.conf")
        let configuration = try Configuration.load(file: configFile, overrides: [])
        let invocation = try Invocation(arguments: [
            "card", "--out", files.path + "/card.svg", "--config", configFile,
        ])
        let output = try #require(invocation.cardOutput)
        return CardCommand(configuration: configuration, configFile: configFile, output: output)
    }

    /// The error of a command that must fail, with the config file's path
    /// shortened to `ausweg.conf`.
    private func failure(_ config: String) throws -> String {
        let files = try ScratchFolder("card")
        let card = try command(config, in: files)
        do {
            _ = try card.run()
        } catch {
            #expect(try files.names() == ["ausweg.conf"], "nothing is written on failure")
            return error.description.replacingOccurrences(of: files.path + "/", with: "")
        }
        Issue.record("the card was made from a faulty configuration")
        return ""
    }

    @Test func writesBothFacesAndTheTwoPagePDF() throws {
        let files = try ScratchFolder("card")
        let written = try command("PublicURL https://zeit.example\n", in: files).run()

        #expect(
            written
                == ["card-front.svg", "card-back.svg", "card.pdf"].map {
                    files.path + "/" + $0
                })
        #expect(
            try files.names() == ["ausweg.conf", "card-back.svg", "card-front.svg", "card.pdf"])
        let pdf = try Data(contentsOf: URL(fileURLWithPath: files.path + "/card.pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let front = try String(contentsOfFile: files.path + "/card-front.svg", encoding: .utf8)
        #expect(front.contains(">zeit.example</text>"))
        #expect(front.contains(">Nimm dir Zeit</text>"))
    }

    @Test func withoutAConverterOnlyTheFacesAreWritten() throws {
        let files = try ScratchFolder("card")
        let card = try command("PublicURL https://zeit.example\n", in: files)

        let written = try card.write(card.makeCard(), converter: nil)

        #expect(written == [files.path + "/card-front.svg", files.path + "/card-back.svg"])
        #expect(try files.names() == ["ausweg.conf", "card-back.svg", "card-front.svg"])
    }

    /// `false` stands in for an rsvg-convert that fails: the faces it was
    /// given must not be left behind either.
    @Test func failedConversionLeavesNoFile() throws {
        let files = try ScratchFolder("card")
        let card = try command("PublicURL https://zeit.example\n", in: files)
        let failing = try #require(ExternalProgram(named: "false"))

        #expect(throws: CardWriteError.converterFailed(program: "false", status: 1)) {
            try card.write(card.makeCard(), converter: failing)
        }
        #expect(try files.names() == ["ausweg.conf"])
    }

    @Test func publicURLMustBeSetForTheCard() throws {
        #expect(
            try failure("CardCropMarks 0\n")
                == "ausweg.conf: PublicURL: not set; the card needs the site's public address")
    }

    @Test func languageWithoutWordingPointsAtCardLanguages() throws {
        let config = "PublicURL https://zeit.example\n\nCardLanguages de th\n"
        #expect(
            try failure(config)
                == "ausweg.conf:3: CardLanguages: no line for th; add it to CardText")
    }

    @Test func ownLineTooLongPointsAtCardText() throws {
        let long = String(repeating: "Zeit ", count: 16)
        let config = "PublicURL https://zeit.example\nCardText de: \(long)\n"
        #expect(
            try failure(config)
                == "ausweg.conf:2: CardText: the de line is too long for the front of the card;"
                + " shorten it or choose another first language")
    }

    @Test func addressTooLongForTheQRCodePointsAtPublicURL() throws {
        let host = String(repeating: "a", count: 60) + ".example"
        let message = try failure("# card\nPublicURL https://\(host)\n")
        #expect(message.hasPrefix("ausweg.conf:2: PublicURL: too long for the card's QR code"))
    }

    @Test func onionAddressIsReadFromTorsHostnameFile() throws {
        let files = try ScratchFolder("card")
        let hostname = try files.write(Self.onion + "\n", to: "hostname")
        let config = "PublicURL https://zeit.example\nCardOnionAddress \(hostname)\n"
        _ = try command(config, in: files).run()

        let back = try String(contentsOfFile: files.path + "/card-back.svg", encoding: .utf8)
        #expect(back.contains(">\(Self.onion)</text>"))
    }

    @Test func hostnameFileWithABadChecksumIsRefused() throws {
        let files = try ScratchFolder("card")
        let mistyped = "3" + Self.onion.dropFirst()
        let hostname = try files.write(mistyped + "\n", to: "hostname")
        let card = try command(
            "PublicURL https://zeit.example\nCardOnionAddress \(hostname)\n", in: files)

        #expect(
            throws: CardCommandError.configuration(
                ConfigurationError(
                    file: files.path + "/ausweg.conf", line: 2,
                    "CardOnionAddress: \(hostname): the onion address's checksum does not match"))
        ) {
            try card.run()
        }
        #expect(try files.names() == ["ausweg.conf", "hostname"])
    }
}
