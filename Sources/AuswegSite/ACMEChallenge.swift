import Glibc

/// Reads certbot's webroot tokens (`<webroot>/.well-known/acme-challenge/
/// <token>`, RFC 8555 §8.3) at request time, since certbot writes them while
/// the server runs. Only a token of base64url characters is looked up, and
/// only a small regular file is returned.
struct ACMEChallenge {
    static let pathPrefix = "/.well-known/acme-challenge/"
    static let largestFile = 4096

    let webroot: String

    /// The token file's bytes, or nil when it is absent or not acceptable.
    func body(forPath path: String) -> [UInt8]? {
        guard path.hasPrefix(Self.pathPrefix) else { return nil }
        let token = path.dropFirst(Self.pathPrefix.count)
        let isBase64URL = token.utf8.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5a)
                || ($0 >= 0x61 && $0 <= 0x7a) || $0 == 0x2d || $0 == 0x5f
        }
        guard !token.isEmpty, token.utf8.count <= 255, isBase64URL else { return nil }
        return readSmallFile(webroot + Self.pathPrefix + token)
    }

    private func readSmallFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
            status.st_size <= Self.largestFile
        else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        let count = read(fd, &bytes, bytes.count)
        return count == bytes.count ? bytes : nil
    }
}
