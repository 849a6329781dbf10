import Foundation

/// A fresh folder under /tmp, removed with everything in it when dropped.
final class ScratchFolder {
    let path: String

    init() throws {
        var template = Array("/tmp/ausweg-hardening-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ProgramError.noScratchFolder }
        path = String(cString: made)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: file(name), atomically: true, encoding: .utf8)
    }

    func read(_ name: String) -> String {
        (try? String(contentsOfFile: file(name), encoding: .utf8)) ?? ""
    }
}
