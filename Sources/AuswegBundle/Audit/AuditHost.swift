import AuswegSite
import Glibc

/// The host under audit: the running system at `/`, or a tree built for an
/// image or a test. Every path the checks use is an absolute path on that
/// host, joined to the root here.
struct AuditHost: Sendable {
    let root: String

    /// True when the audit looks at the running system, whose kernel
    /// settings and processes can be read directly.
    var isLive: Bool { root.isEmpty }

    init(root: String) {
        var trimmed = root
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.root = trimmed
    }

    func path(_ hostPath: String) -> String { root + hostPath }

    func text(_ hostPath: String) -> String? {
        try? KeyValueFile.read(path(hostPath))
    }

    func exists(_ hostPath: String) -> Bool {
        var status = stat()
        return lstat(path(hostPath), &status) == 0
    }

    /// The permission bits and kind of a file, or nil when it is missing.
    func mode(_ hostPath: String) -> mode_t? {
        var status = stat()
        return stat(path(hostPath), &status) == 0 ? status.st_mode : nil
    }

    /// Where a symbolic link points, or nil when it is not one or cannot
    /// be read (another user's /proc entries without root).
    func link(_ hostPath: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path(hostPath), &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The owner of a file, or nil when it is missing.
    func owner(_ hostPath: String) -> uid_t? {
        var status = stat()
        return stat(path(hostPath), &status) == 0 ? status.st_uid : nil
    }

    /// The names in a folder, sorted; empty when it is missing.
    func list(_ hostPath: String) -> [String] {
        guard let directory = opendir(path(hostPath)) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Every regular file below a folder, as host paths, to a fixed depth so
    /// a link loop cannot hold the audit.
    func files(under hostPath: String, depth: Int = 4) -> [String] {
        var found: [String] = []
        for name in list(hostPath) {
            let child = hostPath + "/" + name
            guard let mode = mode(child) else { continue }
            if mode & S_IFMT == S_IFREG {
                found.append(child)
            } else if mode & S_IFMT == S_IFDIR && depth > 0 {
                found += files(under: child, depth: depth - 1)
            }
        }
        return found
    }
}
