/// Reads a list whose elements carry weights (RFC 9110 §12.4.2), such as
/// Accept-Encoding and Accept-Language.
enum WeightedList {
    /// The weight of an element without "q=": 1, in thousandths.
    static let fullWeight = 1000

    /// Calls `body` with each element's value and weight in thousandths,
    /// in the order of the list; malformed elements are skipped.
    static func forEach(
        in list: String, _ body: (UnsafeRawBufferPointer, Int) -> Void
    ) {
        var list = list
        list.withUTF8 { utf8 in
            UnsafeRawBufferPointer(utf8).forEachListElement { element in
                let valueEnd = element.firstIndex(of: ASCII.semicolon, from: 0)
                let value = element.slice(0..<valueEnd).trimmingWhitespace()
                let parameters = element.slice(valueEnd..<element.count)
                guard !value.isEmpty, let weight = weight(of: parameters) else {
                    return
                }
                body(value, weight)
            }
        }
    }

    /// The weight stated by `;`-separated parameters (the leading ";"
    /// included), the last "q" winning; other parameters are ignored.
    private static func weight(of parameters: UnsafeRawBufferPointer) -> Int? {
        var weight = fullWeight
        var start = 0
        while start < parameters.count {
            let end = parameters.firstIndex(of: ASCII.semicolon, from: start + 1)
            let parameter = parameters.slice(start + 1..<end).trimmingWhitespace()
            start = end
            // RFC 9110 §5.6.6: parameter names are case-insensitive.
            guard parameter.count >= 2, ASCII.lowercased(parameter[0]) == ASCII.letterQ,
                parameter[1] == ASCII.equals
            else {
                continue
            }
            guard let value = qvalue(parameter.slice(2..<parameter.count)) else {
                return nil
            }
            weight = value
        }
        return weight
    }

    /// RFC 9110 §12.4.2: `( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`,
    /// in thousandths.
    private static func qvalue(_ text: UnsafeRawBufferPointer) -> Int? {
        guard let first = text.first, first == ASCII.zero || first == ASCII.one,
            text.count <= 5
        else {
            return nil
        }
        var thousandths = first == ASCII.one ? fullWeight : 0
        guard text.count > 1 else {
            return thousandths
        }
        guard text[1] == ASCII.period else {
            return nil
        }
        var scale = 100
        for byte in text.slice(2..<text.count) {
            guard ASCII.isDigit(byte) else {
                return nil
            }
            thousandths += Int(byte - ASCII.zero) * scale
            scale /= 10
        }
        return thousandths <= fullWeight ? thousandths : nil
    }
}
