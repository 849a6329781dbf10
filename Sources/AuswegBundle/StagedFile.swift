import Glibc

/// A file written under a temporary name beside its final path and renamed
/// into place only by `commit()`, so that a reader never sees it half
/// written. Dropped uncommitted, it removes its temporary file.
final class StagedFile {
    let finalPath: String
    let temporaryPath: String
    private var committed = false

    /// Creates the empty temporary file, mode 0644.
    init(finalPath: String) throws(CardWriteError) {
        self.finalPath = finalPath
        let slash = finalPath.lastIndex(of: "/")
        let directory = slash.map { String(finalPath[...$0]) } ?? ""
        let name = slash.map { String(finalPath[finalPath.index(after: $0)...]) } ?? finalPath
        var template = Array("\(directory).\(name).XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw .cannotWrite(path: finalPath, errno: errno) }
        close(fd)
        // mkstemp replaced the Xs in place; the last element is the NUL.
        temporaryPath = String(
            decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard chmod(temporaryPath, 0o644) == 0 else {
            let failure = errno
            unlink(temporaryPath)
            throw .cannotWrite(path: finalPath, errno: failure)
        }
    }

    deinit {
        if !committed { unlink(temporaryPath) }
    }

    /// Writes `text` to the temporary file and flushes it to the disk.
    func write(_ text: String) throws(CardWriteError) {
        let fd = open(temporaryPath, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotWrite(path: finalPath, errno: errno) }
        defer { close(fd) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw .cannotWrite(path: finalPath, errno: errno) }
            bytes = bytes.dropFirst(count)
        }
        guard fsync(fd) == 0 else { throw .cannotWrite(path: finalPath, errno: errno) }
    }

    /// Flushes what another program wrote to the temporary file.
    func sync() throws(CardWriteError) {
        let fd = open(temporaryPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotWrite(path: finalPath, errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .cannotWrite(path: finalPath, errno: errno) }
    }

    /// Renames the temporary file to the final path, replacing what was there.
    func commit() throws(CardWriteError) {
        guard rename(temporaryPath, finalPath) == 0 else {
            throw .cannotWrite(path: finalPath, errno: errno)
        }
        committed = true
    }
}
