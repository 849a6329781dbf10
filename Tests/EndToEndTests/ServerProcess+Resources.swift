import Foundation

/// What the running server uses, read from /proc, and its open-file limit.
extension ServerProcess {
    /// Resident memory (VmRSS), in KiB.
    func residentKiB() -> Int {
        let status = (try? String(contentsOfFile: procFile("status"), encoding: .utf8)) ?? ""
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0
        }
        return 0
    }

    /// User plus system CPU time used so far, in seconds.
    func cpuSeconds() -> Double {
        let stat = (try? String(contentsOfFile: procFile("stat"), encoding: .utf8)) ?? ""
        // utime and stime are the 14th and 15th fields of the whole line,
        // the 12th and 13th after the parenthesised name.
        guard let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12])
        else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The lowest descriptor number free in the server: with the open-file
    /// limit set to it, the next descriptor cannot be made.
    func lowestFreeDescriptor() -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: procFile("fd"))) ?? []
        let open = Set(names.compactMap { Int($0) })
        return (0...).first { !open.contains($0) } ?? 0
    }

    /// Lowers the running server's open-file limit (soft and hard).
    func limitOpenFiles(to limit: Int) throws {
        _ = try Command.succeed(
            "prlimit", ["--pid", "\(processIdentifier)", "--nofile=\(limit):\(limit)"])
    }

    private func procFile(_ name: String) -> String {
        "/proc/\(processIdentifier)/\(name)"
    }
}
