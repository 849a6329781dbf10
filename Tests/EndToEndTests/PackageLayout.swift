import Foundation

/// Where the package under test, its built binary and its content are.
enum PackageLayout {
    /// The package root, three levels above this file
    /// (`Tests/EndToEndTests/PackageLayout.swift`).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `AUSWEG_BINARY` when set, else the debug build.
    static var binary: String {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["AUSWEG_BINARY"], !path.isEmpty {
            return path
        }
        return root.appendingPathComponent(".build/debug/ausweg").path
    }

    /// Whether the binary under test is an ordinary build. One built with
    /// a sanitizer (`make sanitized` sets `AUSWEG_SANITIZER`) runs several
    /// times slower and holds shadow memory, so the tests keep every check
    /// of behaviour under it and leave out only the bounds on latency, CPU
    /// time and memory.
    static var isMeasurable: Bool {
        (ProcessInfo.processInfo.environment["AUSWEG_SANITIZER"] ?? "").isEmpty
    }

    static var contentDirectory: String {
        root.appendingPathComponent("content").path
    }

    /// The clips `make test` has `ausweg audio` write before the tests
    /// run, the server's default `AudioDir`.
    static var audioDirectory: String {
        root.appendingPathComponent(".build-audio").path
    }
}
