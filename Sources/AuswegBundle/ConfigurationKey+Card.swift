import AuswegCard
import AuswegSite

extension ConfigurationKey {
    /// The keys of `ausweg card`; the server ignores them.
    static let card: [ConfigurationKey] = [
        ConfigurationKey(name: "CardLanguages") { config, value in
            guard let codes = CardSettings.parseLanguages(value) else {
                return "expected 1 to \(CardSettings.mostLanguages) language tags"
                    + " such as de en ro, each once"
            }
            config.card.languages = codes
            return nil
        },
        ConfigurationKey(name: "CardText") { config, value in
            switch CardLine.parseList(value) {
            case .success(let lines):
                config.card.texts = lines
                return nil
            case .failure(let error):
                return error.description
            }
        },
        ConfigurationKey(name: "CardOnionAddress") { config, value in
            if value.hasPrefix("/") {
                config.card.onion = .hostnameFile(value)
                return nil
            }
            guard value.lowercased().hasSuffix(".onion") else {
                return "expected a v3 onion address or the absolute path of tor's hostname file"
            }
            // Typed as tor writes it, or in capitals as some print it.
            do throws(ContentError) {
                let address = try OnionAddress(
                    hostnameFileText: value.lowercased(), file: "CardOnionAddress")
                config.card.onion = .hostname(address.hostname)
                return nil
            } catch {
                return error.message
            }
        },
        ConfigurationKey(name: "CardCropMarks") { config, value in
            guard value == "1" || value == "0" else { return "expected 1 or 0" }
            config.card.cropMarks = value == "1"
            return nil
        },
    ]
}
