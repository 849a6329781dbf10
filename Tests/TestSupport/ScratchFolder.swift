import Foundation

/// A fresh folder under the system's temporary folder, removed with all it
/// holds when the last reference goes, so that a test which fails or throws
/// half-way still leaves nothing behind in /tmp.
public final class ScratchFolder: Sendable {
    public let path: String

    /// `label` goes into the folder's name, to tell whose folder it is.
    public init(_ label: String) throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("ausweg-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String {
        path + "/" + name
    }

    /// Writes `text` to `name` in the folder; returns its path.
    @discardableResult
    public func write(_ text: String, to name: String) throws -> String {
        let target = file(name)
        try text.write(toFile: target, atomically: false, encoding: .utf8)
        return target
    }

    /// Writes `bytes` to `name` in the folder; returns its path.
    @discardableResult
    public func write(_ bytes: [UInt8], to name: String) throws -> String {
        let target = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: target))
        return target
    }

    /// The names in the folder, sorted; hidden files included.
    public func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}
