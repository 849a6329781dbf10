import Glibc

/// Small files the `audio` command writes beside its clips.
enum TextFile {
    /// The file's text, or nil when it cannot be read.
    static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = Glibc.read(fd, &chunk, chunk.count)
            if count < 0 { return nil }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `text` under a temporary name and renames it into place, so
    /// a reader never sees half a file.
    /// - Returns: what failed, or nil.
    static func write(_ text: String, to path: String) -> String? {
        let part = path + ".part"
        let fd = open(part, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return "\(part): \(String(cString: strerror(errno)))" }
        var rest = Array(text.utf8)[...]
        while !rest.isEmpty {
            let count = rest.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(part)
                return "\(part): \(reason)"
            }
            rest = rest.dropFirst(count)
        }
        close(fd)
        guard rename(part, path) == 0 else {
            unlink(part)
            return "\(path): \(String(cString: strerror(errno)))"
        }
        return nil
    }

    /// Makes `path` and its missing parents, like `mkdir -p`.
    /// - Returns: what failed, or nil.
    static func makeFolder(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part + "/"
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                return "\(prefix): \(String(cString: strerror(errno)))"
            }
        }
        return nil
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}
