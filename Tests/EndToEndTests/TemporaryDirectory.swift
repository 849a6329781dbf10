import Foundation

/// A fresh directory under the system temporary folder, removed with its
/// contents when the object goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        // Short, because a unix socket path inside it must fit in 108 bytes.
        let name = "ausweg-e2e-" + UUID().uuidString.prefix(8)
        path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String {
        path + "/" + name
    }

    /// Writes `text` to `name`, creating folders on the way; returns the path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let target = file(name)
        let folder = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }

    /// The contents of `name`, empty when it does not exist.
    func bytes(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: file(name)) ?? Data())
    }

    func read(_ name: String) -> String {
        String(decoding: bytes(name), as: UTF8.self)
    }

    /// An empty file opened for writing, to receive a child's output.
    func outputHandle(_ name: String) throws -> FileHandle {
        let target = file(name)
        guard FileManager.default.createFile(atPath: target, contents: nil),
            let handle = FileHandle(forWritingAtPath: target)
        else {
            throw HarnessError.fileNotCreated(target)
        }
        return handle
    }
}
