extension Audit {
    /// One line per check, then a summary line.
    public var text: String {
        let lines = findings.map {
            "\($0.verdict.rawValue)  \($0.check): \($0.subject): \($0.reason)"
        }
        return (lines + [summary]).joined(separator: "\n")
    }

    public var summary: String {
        "audit of \(root): \(findings.count) checks, \(count(.pass)) pass, "
            + "\(count(.fail)) fail, \(count(.warn)) warn"
    }

    /// The same as a JSON object, for machines.
    public var json: String {
        let items = findings.map { finding in
            "    {\"check\": \(quote(finding.check)), "
                + "\"verdict\": \(quote(finding.verdict.rawValue)), "
                + "\"subject\": \(quote(finding.subject)), \"reason\": \(quote(finding.reason))}"
        }
        return """
            {
              "root": \(quote(root)),
              "pass": \(count(.pass)), "fail": \(count(.fail)), "warn": \(count(.warn)),
              "findings": [
            \(items.joined(separator: ",\n"))
              ]
            }
            """
    }

    /// A JSON string literal (RFC 8259 section 7).
    private func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
