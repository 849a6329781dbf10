import Testing

/// The root picks the home page by Accept-Language, German by default.
@Suite(.timeLimit(.minutes(1)))
struct LanguageNegotiationTests {
    /// Accept-Language values and the language they must draw; `tlh`
    /// (Klingon) stands for a language the site will never have.
    static let table: [(String?, String)] = [
        (nil, "de"),
        ("en", "en"),
        ("en-GB, en;q=0.9", "en"),
        ("tlh, en;q=0.5", "en"),
        ("tlh", "de"),
        ("en;q=0", "de"),
        ("de-AT, en;q=0.8", "de"),
    ]

    @Test func rootAnswersInTheAcceptedLanguage() throws {
        let server = try ServerProcess.start([.onion])
        defer { server.stop() }
        let curl = Curl(server: server)

        for (acceptLanguage, language) in Self.table {
            let headers = acceptLanguage.map { ["Accept-Language: " + $0] } ?? []
            let root = try curl.fetch("/", on: .onion, headers: headers)
            let home = try curl.fetch("/\(language)/", on: .onion)

            let sameAsHome = root.body == home.body
            let label = acceptLanguage ?? "none"
            #expect(root.status == 200, "\(label)")
            #expect(root.value("Content-Language") == language, "\(label)")
            #expect(root.bodyText.contains("<html lang=\"\(language)\""), "\(label)")
            #expect(sameAsHome, "\(label)")
            #expect(root.value("Vary")?.contains("Accept-Language") == true, "\(label)")
        }
        #expect(server.outputAfterStartup == "")
    }
}
