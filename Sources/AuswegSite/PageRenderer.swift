/// Turns the content into finished HTML pages, checking each on the way.
struct PageRenderer {
    let content: SiteContent
    let settings: SiteSettings
    let audio: AudioLibrary

    func renderAll() throws(ContentError) -> RenderedPages {
        if settings.onionAddress != nil { try checkOnionStrings() }
        let template = PageTemplate(content: content, settings: settings)
        var rendered = RenderedPages()
        for language in content.languages {
            let texts = content.texts(for: language)
            for page in content.pages {
                let body = RenderedBody(
                    html: template.render(texts, current: page, main: try main(of: page, texts)))
                try checkSize(body, source: texts.pages[page.name]?.path ?? page.name)
                rendered.pages[page.path(in: language.code)] = body
            }
            rendered.notFound[language.code] = RenderedBody(
                html: template.render(texts, current: nil, main: notice(texts, "notfound")))
        }
        let defaultTexts = content.texts(for: content.defaultLanguage)
        rendered.error = RenderedBody(
            html: template.render(defaultTexts, current: nil, main: notice(defaultTexts, "error")))
        return rendered
    }

    private func main(of page: PageEntry, _ texts: LanguageTexts) throws(ContentError)
        -> String
    {
        guard let source = texts.pages[page.name] else {
            preconditionFailure("page \(page.name) passed the check but is missing")
        }
        let base = "/\(texts.language.code)/"
        let player = AudioPlayer(library: audio)
        var text =
            try player.page(page.name, texts)
            + Markdown(source: source, base: base, exitURL: settings.exitURL).html()
        if let address = settings.onionAddress, OnionNotice.pageNames.contains(page.name) {
            text += OnionNotice(address: address).html(texts)
        }
        switch page.name {
        case PageEntry.reflectionName:
            let closing = try Markdown(
                source: texts.reflectionEnd, base: base, exitURL: settings.exitURL
            ).html()
            return text
                + ReflectionSection(content: content, player: player).html(
                    texts, closingPanel: closing + player.page(AudioClip.reflectionEndName, texts))
        case PageEntry.imprintName:
            return text + operatorBlock(texts)
        default:
            return text
        }
    }

    /// With an onion address the notice is shown, so every language must
    /// carry its strings: no page falls back to another language.
    private func checkOnionStrings() throws(ContentError) {
        for language in content.languages {
            let texts = content.texts(for: language)
            for key in LanguageTexts.onionStrings where texts.strings[key] == nil {
                throw ContentError(
                    file: "\(content.folder)/\(language.code)/strings.txt",
                    "missing string \(key), needed while OnionHostnameFile is set")
            }
        }
    }

    private func notice(_ texts: LanguageTexts, _ prefix: String) -> String {
        "<h1>\(texts.string(prefix + ".title").htmlEscaped)</h1>"
            + "<p>\(texts.string(prefix + ".text").htmlEscaped)</p>"
    }

    private func operatorBlock(_ texts: LanguageTexts) -> String {
        let lines = [settings.operatorName, settings.operatorAddress, settings.operatorEmail]
            .compactMap { $0?.htmlEscaped }
        let body =
            lines.isEmpty
            ? texts.string("imprint.unset").htmlEscaped : lines.joined(separator: "<br>")
        return "<section><h2>\(texts.string("imprint.operator").htmlEscaped)</h2>"
            + "<p>\(body)</p></section>"
    }

    private func checkSize(_ body: RenderedBody, source: String) throws(ContentError) {
        let size = body.gzipped.count
        guard size <= ResponseTable.largestPage else {
            throw ContentError(
                file: source,
                "the page is \(size) bytes gzipped, more than \(ResponseTable.largestPage)")
        }
    }
}
