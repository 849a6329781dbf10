import Glibc

/// Whole files read into memory, for content and audio clips.
enum FileBytes {
    /// Every byte of `path`, up to its end.
    /// - Throws: the system's reason when it cannot be opened or read.
    static func read(_ path: String) throws(ContentError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ContentError(file: path, String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw ContentError(file: path, String(cString: strerror(errno)))
        }
        // Start with a buffer of the file's size, so that start-up neither
        // copies megabytes chunk by chunk nor keeps spare capacity; grow it
        // for files that report no size, such as those under /proc.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
            let count = bytes.withUnsafeMutableBytes {
                let room = UnsafeMutableRawBufferPointer(rebasing: $0[filled...])
                return Glibc.read(fd, room.baseAddress, room.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw ContentError(file: path, String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// True when `path` names a regular file.
    static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// True when `path` names a folder.
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
