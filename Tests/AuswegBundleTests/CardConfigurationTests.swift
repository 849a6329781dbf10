import AuswegBundle
import AuswegCard
import Testing

/// The card's keys and `--out` are read like every other setting.
@Suite struct CardConfigurationTests {
    static let onion = "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion"

    private func load(_ pairs: KeyValuePairs<String, String>) throws -> Configuration {
        let overrides = pairs.enumerated().map { index, pair in
            Override(key: pair.key, value: pair.value, position: 2 * index + 2)
        }
        return try Configuration.load(file: nil, overrides: overrides)
    }

    private func problem(_ key: String, _ value: String) -> String {
        do {
            _ = try load([key: value])
        } catch {
            return "\(error)"
        }
        return "accepted"
    }

    @Test func readsEveryCardKey() throws {
        let configuration = try load([
            "CardLanguages": "en, de",
            "CardText": "en: Beauty & calm. | tr: Kendine iyi bak.",
            "CardOnionAddress": Self.onion.uppercased(),
            "CardCropMarks": "0",
        ])
        #expect(configuration.card.languages == ["en", "de"])
        #expect(
            configuration.card.texts == [
                CardLine(language: "en", text: "Beauty & calm."),
                CardLine(language: "tr", text: "Kendine iyi bak."),
            ])
        #expect(configuration.card.onion == .hostname(Self.onion))
        #expect(configuration.card.cropMarks == false)
    }

    @Test func absolutePathNamesTorsHostnameFile() throws {
        let configuration = try load(["CardOnionAddress": "/var/lib/tor/ausweg/hostname"])
        #expect(configuration.card.onion == .hostnameFile("/var/lib/tor/ausweg/hostname"))
    }

    @Test(arguments: [
        (
            "CardLanguages", "de de",
            "expected 1 to 6 language tags such as de en ro, each once"
        ),
        ("CardText", "de Zeit", "expected language: text, lines separated by |"),
        (
            "CardOnionAddress", "3" + String(onion.dropFirst()),
            "the onion address's checksum does not match"
        ),
        (
            "CardOnionAddress", "var/lib/tor/hostname",
            "expected a v3 onion address or the absolute path of tor's hostname file"
        ),
        ("CardCropMarks", "yes", "expected 1 or 0"),
    ])
    func badCardValueNamesTheArgument(key: String, value: String, message: String) {
        #expect(problem(key, value) == "command line:2: \(key): \(message)")
    }

    @Test(arguments: [
        (["card"], "command line:1: card needs --out FILE.svg"),
        (["card", "--out", "card.pdf"], "command line:2: --out must name a file ending in .svg"),
        (["card", "--out", "out/.svg"], "command line:2: --out must name a file ending in .svg"),
        (
            ["card", "--out", "a.svg", "--out", "b.svg"],
            "command line:4: --out given twice"
        ),
        (["check-config", "--out", "a.svg"], "command line:2: --out belongs to the card command"),
    ])
    func cardOutputIsChecked(arguments: [String], message: String) {
        do {
            _ = try Invocation(arguments: arguments)
            Issue.record("accepted \(arguments)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func outputNamesBothFacesAndThePDFBesideTheGivenName() throws {
        let invocation = try Invocation(arguments: ["card", "--out", "print/card.svg"])
        let output = try #require(invocation.cardOutput)
        #expect(output.front == "print/card-front.svg")
        #expect(output.back == "print/card-back.svg")
        #expect(output.pdf == "print/card.pdf")
    }
}
