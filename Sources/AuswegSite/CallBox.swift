/// The big `tel:` link to the hotline, or, when the operator has set no
/// number, the emergency numbers: a number is never invented.
struct CallBox {
    let content: SiteContent
    let settings: SiteSettings

    func html(_ texts: LanguageTexts) -> String {
        guard let dial = settings.hotlineNumber else { return emergencyNumbers(texts) }
        let shown = (settings.hotlineDisplay ?? dial).htmlEscaped
        var html = """
            <aside class="call"><a href="tel:\(dial)">\(texts.string("hotline.call").htmlEscaped) \
            <bdi class="ltr">\(shown)</bdi></a>
            """
        if let hours = settings.hotlineHours {
            html += "<p>\(texts.string("hotline.hours").htmlEscaped) \(hours.htmlEscaped)</p>"
        }
        return html + "</aside>"
    }

    private func emergencyNumbers(_ texts: LanguageTexts) -> String {
        var html = "<aside class=\"call\"><p>\(texts.string("hotline.none").htmlEscaped)</p>"
        for number in content.numbers {
            let label = texts.string("number.\(number.key)").htmlEscaped
            html +=
                "<a href=\"tel:\(number.dial)\">\(label) "
                + "<bdi class=\"ltr\">\(number.display.htmlEscaped)</bdi></a>"
        }
        return html + "</aside>"
    }
}
