extension SiteContent {
    /// Reads `folder`; the first fault found stops start-up as
    /// `file:line: message`.
    public static func load(from folder: String) throws(ContentError) -> SiteContent {
        let languages = try loadLanguages(folder + "/languages.txt")
        let pages = try loadPages(folder + "/pages.txt")
        let questions = try loadQuestions(folder + "/questions.txt")
        let numbers = try loadNumbers(folder + "/numbers.txt")
        let translations = try loadManifest(folder + "/manifest.txt", languages: languages)
        var texts: [String: LanguageTexts] = [:]
        for language in languages {
            texts[language.code] = try loadTexts(
                language, folder: folder, pages: pages, questions: questions, numbers: numbers)
        }
        return SiteContent(
            folder: folder, languages: languages, pages: pages, questions: questions,
            numbers: numbers, texts: texts, translations: translations)
    }

    static func loadManifest(_ path: String, languages: [Language]) throws(ContentError)
        -> [TranslationStatus]
    {
        let file = try KeyValueFile(path: path)
        var found: [String: TranslationStatus] = [:]
        for entry in file.entries {
            let parts = entry.value.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0] == "reviewed" || parts[0] == "unreviewed" else {
                throw file.error(entry, "expected: code reviewed|unreviewed who wrote it")
            }
            guard found[entry.key] == nil else {
                throw file.error(entry, "language \(entry.key) listed twice")
            }
            found[entry.key] = TranslationStatus(
                code: entry.key, reviewed: parts[0] == "reviewed", author: String(parts[1]))
        }
        var statuses: [TranslationStatus] = []
        for language in languages {
            guard let status = found[language.code] else {
                throw ContentError(file: path, "missing language \(language.code)")
            }
            statuses.append(status)
        }
        return statuses
    }

    static func loadLanguages(_ path: String) throws(ContentError) -> [Language] {
        let file = try KeyValueFile(path: path)
        var languages: [Language] = []
        for entry in file.entries {
            let parts = entry.value.split(separator: " ", maxSplits: 1)
            guard isCode(entry.key) else {
                throw file.error(entry, "language code must be lowercase letters")
            }
            guard parts.count == 2, let direction = Language.Direction(rawValue: String(parts[0]))
            else { throw file.error(entry, "expected: code ltr|rtl native name") }
            guard !languages.contains(where: { $0.code == entry.key }) else {
                throw file.error(entry, "language \(entry.key) listed twice")
            }
            languages.append(
                Language(
                    code: entry.key, direction: direction,
                    nativeName: String(parts[1].trimmingWhitespace())))
        }
        guard !languages.isEmpty else { throw ContentError(file: path, "no language listed") }
        return languages
    }

    static func loadPages(_ path: String) throws(ContentError) -> [PageEntry] {
        let file = try KeyValueFile(path: path)
        var pages: [PageEntry] = []
        for entry in file.entries {
            let segment = entry.key == "/" ? "" : entry.key
            guard segment.isEmpty || segment.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw file.error(entry, "a page's path segment is / or digits, naming no topic")
            }
            guard isName(entry.value) else { throw file.error(entry, "expected: segment name") }
            guard !pages.contains(where: { $0.segment == segment || $0.name == entry.value })
            else { throw file.error(entry, "page \(entry.value) or its segment listed twice") }
            pages.append(PageEntry(segment: segment, name: entry.value))
        }
        guard pages.first?.segment == "" else {
            throw ContentError(file: path, "the first page must be the home page, segment /")
        }
        return pages
    }

    static func loadQuestions(_ path: String) throws(ContentError) -> [QuestionEntry] {
        let file = try KeyValueFile(path: path)
        var questions: [QuestionEntry] = []
        for entry in file.entries {
            guard isName(entry.key) else { throw file.error(entry, "bad question id") }
            var onlyIn: Set<String>?
            if !entry.value.isEmpty {
                let parts = entry.value.split(separator: " ")
                guard parts.count == 2, parts[0] == "only" else {
                    throw file.error(entry, "expected: id [only code,code]")
                }
                onlyIn = Set(parts[1].split(separator: ",").map(String.init))
            }
            guard !questions.contains(where: { $0.id == entry.key }) else {
                throw file.error(entry, "question \(entry.key) listed twice")
            }
            questions.append(QuestionEntry(id: entry.key, onlyIn: onlyIn))
        }
        return questions
    }

    static func loadNumbers(_ path: String) throws(ContentError) -> [EmergencyNumber] {
        let file = try KeyValueFile(path: path)
        var numbers: [EmergencyNumber] = []
        for entry in file.entries {
            let parts = entry.value.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, isDialString(parts[0]) else {
                throw file.error(entry, "expected: key digits display")
            }
            numbers.append(
                EmergencyNumber(key: entry.key, dial: String(parts[0]), display: String(parts[1])))
        }
        return numbers
    }

    static func isCode(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.count <= 8 && text.allSatisfy { $0.isASCII && $0.isLowercase }
    }

    static func isName(_ text: some StringProtocol) -> Bool {
        !text.isEmpty
            && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    /// Digits with an optional leading `+`, as a `tel:` URI needs (RFC 3966).
    public static func isDialString(_ text: some StringProtocol) -> Bool {
        let digits = text.hasPrefix("+") ? text.dropFirst() : text[...]
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
