/// The reflection questions, answered on the phone alone.
///
/// Each question is a nameless tick box, so a ticked box has nothing to
/// send. They sit in a form only for its `autocomplete="off"`, which keeps
/// the browser from restoring ticks (the attribute is not allowed on a tick
/// box itself); the form has no action and no button, and its `dialog`
/// method makes a submission (Enter on a box) end before any request, as
/// does the policy's `form-action 'none'`. Ticking reveals what the sign
/// can mean, and any tick reveals the closing panel, through CSS alone
/// (`:checked`, `:has()`). No score, no verdict.
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
                <li><input type="checkbox" id="q-\(entry.id)">\
                <label for="q-\(entry.id)">\(question.text.htmlEscaped)</label>\
                <p class="meaning">\(question.meaning.htmlEscaped)</p>\
                \(player.question(entry.id, texts))</li>

                """
        }
        let hint = texts.string("reflect.tick").htmlEscaped
        return """
            <form method="dialog" autocomplete="off">
            <ol class="questions" aria-label="\(hint)">
            \(items)</ol>
            </form>
            <section class="closing" aria-live="polite">
            \(closingPanel)
            </section>
            """
    }
}
