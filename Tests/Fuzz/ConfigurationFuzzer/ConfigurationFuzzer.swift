import AuswegBundle
import AuswegSite

/// libFuzzer's entry: one input is the text of a configuration file. It is
/// either accepted or refused with one `file:line: message` line that
/// points into the file; anything else stops the run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfiguration(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    // KeyValueFile.read refuses a file that is not UTF-8 before parsing.
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    let lines = KeyValueFile(path: "fuzz.conf", text: text)
    let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count

    for entry in lines.entries {
        precondition(entry.line >= 1 && entry.line <= lineCount)
        precondition(!entry.key.isEmpty && !entry.key.contains { $0.isWhitespace })
    }
    do {
        _ = try Configuration.load(lines: lines, overrides: [])
    } catch {
        precondition(error.file == "fuzz.conf")
        precondition(error.line >= 0 && error.line <= lineCount)
        precondition(error.description.hasPrefix("fuzz.conf:"))
        precondition(!error.description.utf8.contains { $0 == 10 || $0 == 13 })
    }
    return 0
}
