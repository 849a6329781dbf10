import AuswegHTTP
import Glibc

/// A file mapped read-only for the server's lifetime.
///
/// Clip files are replaced by rename (`ausweg audio`), never rewritten in
/// place, so a mapping keeps the bytes it was made from.
final class MappedFile: SharedBody, @unchecked Sendable {
    // Written once, in init; the mapping is read-only.
    private let base: UnsafeRawPointer?
    let count: Int

    /// - Throws: the system's reason when the file cannot be opened or mapped.
    init(path: String) throws(ContentError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ContentError(file: path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw ContentError(file: path, String(cString: strerror(errno)))
        }
        count = Int(info.st_size)
        // mmap refuses a length of zero; an empty file needs no mapping.
        guard count > 0 else {
            base = nil
            return
        }
        let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let mapped, mapped != MAP_FAILED else {
            throw ContentError(file: path, String(cString: strerror(errno)))
        }
        base = UnsafeRawPointer(mapped)
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }

    func withUnsafeBytes<Result>(
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }
}
