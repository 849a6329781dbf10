/// The wording printed when the operator sets none: a neutral line of the
/// kind a beauty salon or a wellness practice prints, so that a controller
/// who finds the card sees nothing to worry about. None of them names
/// prostitution, trafficking, violence or help. Each needs a native
/// speaker's review before print.
public enum CardWording {
    /// The languages on a card unless `CardLanguages` says otherwise: the
    /// site's first five.
    public static let defaultLanguages = ["de", "en", "ro", "bg", "hu"]

    /// Languages whose line is built in; `CardText` adds others or replaces these.
    /// All are in scripts that DejaVu Sans covers.
    public static let builtIn: [String: String] = [
        "de": "Nimm dir Zeit für dich.",
        "en": "Take time for yourself.",
        "ro": "Fă-ți timp pentru tine.",
        "bg": "Отдели време за себе си.",
        "hu": "Szánj időt magadra.",
        "pl": "Znajdź czas dla siebie.",
        "es": "Tómate tiempo para ti.",
        "fr": "Prends du temps pour toi.",
        "pt": "Tire um tempo para você.",
        "ru": "Найди время для себя.",
        "uk": "Знайди час для себе.",
        "tr": "Kendine zaman ayır.",
        "sq": "Gjej kohë për veten.",
        "sr": "Nađi vreme za sebe.",
        "vi": "Dành thời gian cho bản thân.",
    ]
}
