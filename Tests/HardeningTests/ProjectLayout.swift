import Foundation

/// Where the project's files are, found from this file's own path.
enum ProjectLayout {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path
    static let binary = root + "/.build/debug/ausweg"
    static let hardening = root + "/hardening"
    static let content = root + "/content"
    static let installer = hardening + "/install.sh"
}
