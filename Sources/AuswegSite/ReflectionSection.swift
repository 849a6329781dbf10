/// The reflection questions, answered on the phone alone.
///
/// Each question is a tick box outside any form, so nothing can be sent;
/// `autocomplete="off"` keeps the browser from restoring ticks. Ticking
/// reveals what the sign can mean, and any tick reveals the closing panel,
/// through CSS alone (`:checked`, `:has()`). No score, no verdict.
struct ReflectionSection {
    let content: SiteContent
    let player: AudioPlayer

    func html(_ texts: LanguageTexts, closingPanel: String) -> String {
        let code = texts.language.code
        var items = ""
        for entry in content.questions where entry.isShown(in: code) {
            guard let question = texts.questions[entry.id] else {
                preconditionFailure("question \(entry.id) passed the check but is missing")
            }
            items += """
                <li><input type="checkbox" id="q-\(entry.id)" autocomplete="off">\
                <label for="q-\(entry.id)">\(question.text.htmlEscaped)</label>\
                <p class="meaning">\(question.meaning.htmlEscaped)</p>\
                \(player.question(entry.id, texts))</li>

                """
        }
        let hint = texts.string("reflect.tick").htmlEscaped
        return """
            <ol class="questions" aria-label="\(hint)">
            \(items)</ol>
            <section class="closing" aria-live="polite">
            \(closingPanel)
            </section>
            """
    }
}
