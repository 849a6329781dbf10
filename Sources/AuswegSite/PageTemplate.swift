/// The frame around every page: quick exit first, then skip link, language
/// list, page menu, the page itself, and the call box.
///
/// The title is the same neutral `siteName` everywhere, the favicon is an
/// empty data URL so none is fetched, and nothing loads from elsewhere.
struct PageTemplate {
    let content: SiteContent
    let settings: SiteSettings

    /// - Parameters:
    ///   - current: the page shown, for the menu and the language list; nil
    ///     for the 404 and error pages, whose language links go home.
    func render(
        _ texts: LanguageTexts, current: PageEntry?, main: String
    ) -> String {
        let language = texts.language
        return """
            <!DOCTYPE html>
            <html lang="\(language.code)" dir="\(language.direction.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width,initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>\(settings.siteName.htmlEscaped)</title>
            <link rel="icon" href="data:,">
            <style>\(Stylesheet.css)</style>
            </head>
            <body>
            \(exitLink(texts))
            <a class="skip" href="#main">\(texts.string("skip").htmlEscaped)</a>
            <header>
            \(languageList(texts, current: current))
            \(menu(texts, current: current))
            </header>
            <main id="main">
            \(main)
            \(CallBox(content: content, settings: settings).html(texts))
            </main>
            </body>
            </html>

            """
    }

    private func exitLink(_ texts: LanguageTexts) -> String {
        """
        <a class="exit" href="\(settings.exitURL.htmlEscaped)" rel="noreferrer" \
        accesskey="x">\(texts.string("exit").htmlEscaped)\
        <small>\(texts.string("exit.hint").htmlEscaped)</small></a>
        """
    }

    /// Open on the home pages, where a reader first picks her language;
    /// folded elsewhere, so twenty names do not push the page off a phone's
    /// first screen. `<details>` needs no script.
    private func languageList(_ texts: LanguageTexts, current: PageEntry?) -> String {
        let page = current ?? content.pages[0]
        var items = ""
        for language in content.languages {
            let isCurrent = language == texts.language ? " aria-current=\"true\"" : ""
            items += """
                <li><a href="\(page.path(in: language.code))" hreflang="\(language.code)" \
                lang="\(language.code)" dir="\(language.direction.rawValue)"\(isCurrent)>\
                \(language.nativeName.htmlEscaped)</a></li>
                """
        }
        let label = texts.string("languages").htmlEscaped
        let open = page.segment.isEmpty ? " open" : ""
        return """
            <details class="langs"\(open)><summary>\(label): \
            \(texts.language.nativeName.htmlEscaped)</summary>\
            <nav aria-label="\(label)"><ul>\(items)</ul></nav></details>
            """
    }

    private func menu(_ texts: LanguageTexts, current: PageEntry?) -> String {
        var items = ""
        for page in content.pages {
            let isCurrent = page == current ? " aria-current=\"page\"" : ""
            let label = texts.string("page.\(page.name)").htmlEscaped
            items +=
                "<li><a href=\"\(page.path(in: texts.language.code))\"\(isCurrent)>"
                + "\(label)</a></li>"
        }
        let label = texts.string("menu").htmlEscaped
        return "<nav aria-label=\"\(label)\"><ul>\(items)</ul></nav>"
    }
}
