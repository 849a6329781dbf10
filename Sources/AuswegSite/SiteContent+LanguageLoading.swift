extension SiteContent {
    static func loadTexts(
        _ language: Language, folder: String, pages: [PageEntry], questions: [QuestionEntry],
        numbers: [EmergencyNumber]
    ) throws(ContentError) -> LanguageTexts {
        let base = "\(folder)/\(language.code)"
        let strings = try loadStrings(
            base + "/strings.txt",
            required: LanguageTexts.requiredStrings + pages.map { "page.\($0.name)" }
                + numbers.map { "number.\($0.key)" })
        var markdown: [String: MarkdownSource] = [:]
        for page in pages {
            markdown[page.name] = try readPage(base, page.name)
        }
        let reflectionEnd = try readPage(base, "reflect-end")
        let questionTexts = try loadQuestionTexts(base + "/questions.txt", ids: questions)
        return LanguageTexts(
            language: language, strings: strings, pages: markdown,
            reflectionEnd: reflectionEnd, questions: questionTexts)
    }

    private static func readPage(_ base: String, _ name: String) throws(ContentError)
        -> MarkdownSource
    {
        let path = "\(base)/\(name).md"
        do {
            return MarkdownSource(path: path, text: try KeyValueFile.read(path))
        } catch {
            throw ContentError(file: path, "missing page \(name): \(error.message)")
        }
    }

    private static func loadStrings(_ path: String, required: [String]) throws(ContentError)
        -> [String: String]
    {
        let file = try KeyValueFile(path: path)
        var strings: [String: String] = [:]
        for entry in file.entries {
            guard strings[entry.key] == nil else {
                throw file.error(entry, "string \(entry.key) defined twice")
            }
            guard !entry.value.isEmpty else { throw file.error(entry, "empty string") }
            strings[entry.key] = entry.value
        }
        for key in required where strings[key] == nil {
            throw ContentError(file: path, "missing string \(key)")
        }
        return strings
    }

    private static func loadQuestionTexts(_ path: String, ids: [QuestionEntry])
        throws(ContentError) -> [String: LanguageTexts.Question]
    {
        let file = try KeyValueFile(path: path)
        var parts: [String: String] = [:]
        for entry in file.entries {
            guard entry.key.hasSuffix(".question") || entry.key.hasSuffix(".meaning"),
                !entry.value.isEmpty
            else { throw file.error(entry, "expected: <id>.question or <id>.meaning, then text") }
            guard parts[entry.key] == nil else {
                throw file.error(entry, "\(entry.key) defined twice")
            }
            parts[entry.key] = entry.value
        }
        let known = Set(ids.map(\.id))
        for entry in file.entries {
            let id = entry.key.split(separator: ".", maxSplits: 1)[0]
            guard known.contains(String(id)) else {
                throw file.error(entry, "question \(id) is not in the shared questions.txt")
            }
        }
        var questions: [String: LanguageTexts.Question] = [:]
        for question in ids {
            guard let text = parts[question.id + ".question"],
                let meaning = parts[question.id + ".meaning"]
            else { throw ContentError(file: path, "missing question \(question.id)") }
            questions[question.id] = LanguageTexts.Question(text: text, meaning: meaning)
        }
        return questions
    }
}
