import CCmark

/// What a reader would hear of a Markdown text: its words only, no markup,
/// no link targets, each block ending as a sentence so the voice pauses.
///
/// Digits are split by spaces ("116016" becomes "1 1 6 0 1 6"), because
/// espeak-ng reads a run of digits as one number in every voice, and a
/// phone number must be heard digit by digit to be dialled.
public enum SpeechText {
    /// The speakable text of a Markdown document.
    public static func of(markdown: String) -> String {
        let bytes = Array(markdown.utf8)
        guard let document = cmark_parse_document(bytes, bytes.count, CMARK_OPT_DEFAULT) else {
            preconditionFailure("cmark could not allocate a document")
        }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else {
            preconditionFailure("cmark could not allocate an iterator")
        }
        defer { cmark_iter_free(iterator) }
        var blocks: [String] = []
        var current = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            switch (cmark_node_get_type(node), event) {
            case (CMARK_NODE_TEXT, _), (CMARK_NODE_CODE, _):
                current += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            case (CMARK_NODE_SOFTBREAK, _), (CMARK_NODE_LINEBREAK, _):
                current += " "
            case (CMARK_NODE_PARAGRAPH, CMARK_EVENT_EXIT), (CMARK_NODE_HEADING, CMARK_EVENT_EXIT):
                blocks.append(current)
                current = ""
            default:
                continue
            }
        }
        return sentences(blocks)
    }

    /// Pieces of plain text, such as a question and its meaning, joined so
    /// that each is heard as a sentence of its own.
    public static func of(plain pieces: [String]) -> String {
        sentences(pieces)
    }

    /// Puts a space between two digits, in any script's decimal digits.
    public static func spacingDigits(_ text: String) -> String {
        spoken(text, droppingSymbols: false)
    }

    private static func sentences(_ blocks: [String]) -> String {
        blocks.map(speakable).filter { !$0.isEmpty }.map(endingAsSentence)
            .joined(separator: "\n")
    }

    /// Symbols such as ⚖ or emoji would be read out by name, if at all.
    private static func speakable(_ block: String) -> String {
        // Trimming after the digits are spaced trims the same: a space goes
        // only between two digits, never at either end.
        String(spoken(block, droppingSymbols: true)[...].trimmingWhitespace())
    }

    /// `text` with digits spaced apart and, if asked, symbols (Unicode's
    /// "other symbol", So) dropped. Start-up runs this over every clip's
    /// text, so each scalar is looked at once: ASCII has no So and only
    /// 0-9 as decimal digits, and beyond it one table search gives both
    /// answers, since the decimal digits are exactly the scalars of the
    /// general category Nd.
    private static func spoken(_ text: String, droppingSymbols: Bool) -> String {
        var spoken: [UInt8] = []
        spoken.reserveCapacity(text.utf8.count * 2)
        var previousWasDigit = false
        for scalar in text.unicodeScalars {
            let isDigit: Bool
            if scalar.isASCII {
                isDigit = ("0"..."9").contains(scalar)
            } else {
                let category = scalar.properties.generalCategory
                if droppingSymbols && category == .otherSymbol { continue }
                isDigit = category == .decimalNumber
            }
            if isDigit && previousWasDigit { spoken.append(UInt8(ascii: " ")) }
            UTF8.encode(scalar) { spoken.append($0) }
            previousWasDigit = isDigit
        }
        return String(decoding: spoken, as: UTF8.self)
    }

    /// A block without closing punctuation gets a full stop, so a heading
    /// is not read into the sentence after it.
    private static func endingAsSentence(_ block: String) -> String {
        guard let last = block.unicodeScalars.last,
            last.properties.generalCategory != .otherPunctuation
                || last == "\"" || last == "'"
        else { return block }
        return block + "."
    }
}
