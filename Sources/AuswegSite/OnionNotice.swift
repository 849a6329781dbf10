/// The onion address as plain text, with a line on opening it: a link would
/// lead nowhere in an ordinary browser, so the reader types or copies the
/// address into Tor Browser herself.
struct OnionNotice {
    /// The pages that show it: the phone-safety page, which explains Tor
    /// Browser, and the imprint, which mentions the onion address.
    static let pageNames: Set = [PageEntry.safetyName, PageEntry.imprintName]

    let address: OnionAddress

    func html(_ texts: LanguageTexts) -> String {
        """
        <section><h2>\(texts.string("onion.address").htmlEscaped)</h2>
        <p class="ltr onion">\(address.hostname)</p>
        <p>\(texts.string("onion.open").htmlEscaped)</p></section>
        """
    }
}
