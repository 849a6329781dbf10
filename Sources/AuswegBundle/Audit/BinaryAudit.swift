import CTLS
import Glibc

/// Which ausweg binary is installed and, on a live host, which one runs:
/// its SHA-256, to compare with the published release.
enum BinaryAudit {
    static let installed = "/usr/local/bin/ausweg"
    /// Larger files are not hashed; the release binary is ~10 MB.
    static let largestBinary = 512 * 1024 * 1024

    static func run(_ host: AuditHost) -> [AuditFinding] {
        guard let digest = sha256(host.path(installed)) else {
            return [.fail("binary", installed, "missing or unreadable: nothing to audit")]
        }
        var findings = [
            AuditFinding.pass(
                "binary.installed", "\(installed) sha256 \(digest)", "the version installed")
        ]
        if host.isLive { findings.append(running(installedDigest: digest)) }
        return findings
    }

    /// Processes whose program is named ausweg, compared with the file.
    private static func running(installedDigest: String) -> AuditFinding {
        let host = AuditHost(root: "")
        let pids = host.list("/proc").filter { $0.allSatisfy(\.isNumber) }
        var seen: [String] = []
        for pid in pids {
            guard let program = host.link("/proc/\(pid)/exe"), program.hasPrefix(installed) else {
                continue
            }
            let digest = sha256("/proc/\(pid)/exe") ?? "unreadable"
            guard digest == installedDigest else {
                return .warn(
                    "binary.running", "pid \(pid): \(program) sha256 \(digest)",
                    "runs another build than the installed one: restart the service")
            }
            seen.append(pid)
        }
        return seen.isEmpty
            ? .warn("binary.running", installed, "no ausweg process runs")
            : .pass(
                "binary.running", "pid \(seen.joined(separator: " "))",
                "runs the installed binary")
    }

    /// The file's SHA-256 in hex, or nil when it cannot be read.
    static func sha256(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0, let context = EVP_MD_CTX_new() else {
            if fd >= 0 { close(fd) }
            return nil
        }
        defer {
            EVP_MD_CTX_free(context)
            close(fd)
        }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { return nil }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var total = 0
        while true {
            let count = read(fd, &chunk, chunk.count)
            if count < 0 || total > largestBinary { return nil }
            if count == 0 { break }
            total += count
            guard EVP_DigestUpdate(context, chunk, count) == 1 else { return nil }
        }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1 else { return nil }
        return digest[..<Int(length)].map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
