import AuswegHTTP
import Testing

struct AcceptLanguageTests {
    static let available = ["de", "en", "pt", "pcm"]

    @Test(
        arguments: [
            (nil, "en"),
            ("", "en"),
            ("de", "de"),
            ("DE", "de"),
            ("ar;q=0.9, de;q=0.8", "de"),
            ("pt-BR", "pt"),
            ("pt-br, de;q=0.9", "pt"),
            ("de-CH-1996", "de"),
            ("de-x-private", "de"),
            ("pcm", "pcm"),
            ("fr", "en"),
            ("fr, de;q=0.5", "de"),
            ("*", "en"),
            ("fr, *;q=0.5, de;q=0.4", "en"),
            ("de;q=0", "en"),
            ("de;q=0, pt;q=0.1", "pt"),
            ("de;q=0.5, pt;q=0.5", "de"),
            ("pt;q=0.5, de;q=0.5", "pt"),
            ("de;q=0.4, pt", "pt"),
            ("de;q=1.5, pt;q=0.3", "pt"),
            ("de;q=abc", "en"),
            ("de-, pt;q=0.1", "pt"),
            ("123", "en"),
            ("d e", "en"),
            ("abcdefghi", "en"),
            ("de-abcdefghi", "en"),
            ("zh-Hant-CN, pt;q=0.1", "pt"),
            (";;;,,,", "en"),
        ] as [(String?, String)])
    func choosesLanguage(header: String?, language: String) {
        let chosen = Negotiation.bestLanguage(
            acceptLanguage: header, available: Self.available, fallback: "en")

        #expect(chosen == language)
    }

    @Test func prefersHigherWeightWhenBothAreAvailable() {
        let chosen = Negotiation.bestLanguage(
            acceptLanguage: "ar;q=0.9, de;q=0.8", available: ["ar", "de", "en"], fallback: "en")

        #expect(chosen == "ar")
    }

    @Test func returnsFallbackWhenNothingIsAvailable() {
        let chosen = Negotiation.bestLanguage(
            acceptLanguage: "de", available: [], fallback: "en")

        #expect(chosen == "en")
    }

    @Test func matchesRegionalEntryBeforeItsPrimaryLanguage() {
        let chosen = Negotiation.bestLanguage(
            acceptLanguage: "pt-BR", available: ["pt", "pt-br"], fallback: "en")

        #expect(chosen == "pt-br")
    }
}
