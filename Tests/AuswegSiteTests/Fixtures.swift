import AuswegSite
import Foundation
import TestSupport

/// The project's real content folder, and scratch copies to break.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let contentFolder = packageRoot.appendingPathComponent("content").path

    static func realContent() throws -> SiteContent {
        try SiteContent.load(from: contentFolder)
    }

    /// A copy of the content folder in a scratch folder, gone with the
    /// returned object; `change` may break it before the test loads it.
    static func contentCopy(_ change: (String) throws -> Void) throws -> ScratchFolder {
        let copy = try ScratchFolder("content")
        for name in try FileManager.default.contentsOfDirectory(atPath: contentFolder) {
            try FileManager.default.copyItem(
                atPath: contentFolder + "/" + name, toPath: copy.file(name))
        }
        try change(copy.path)
        return copy
    }

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func append(_ text: String, to path: String) throws {
        try write(try String(contentsOfFile: path, encoding: .utf8) + text, to: path)
    }
}
