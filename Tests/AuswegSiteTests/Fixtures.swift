import AuswegSite
import Foundation

/// The project's real content folder, and scratch copies to break.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let contentFolder = packageRoot.appendingPathComponent("content").path

    static func realContent() throws -> SiteContent {
        try SiteContent.load(from: contentFolder)
    }

    /// A copy of the content folder in a fresh temporary folder; `change`
    /// may break it before the test loads it.
    static func contentCopy(_ change: (String) throws -> Void) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("ausweg-content-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: contentFolder, toPath: folder)
        try change(folder)
        return folder
    }

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func append(_ text: String, to path: String) throws {
        try write(try String(contentsOfFile: path, encoding: .utf8) + text, to: path)
    }
}
