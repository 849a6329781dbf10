import Glibc

/// Every ausweg process running on a live host, wherever its binary lies,
/// checked by what the kernel shows of it: its user, its core limit,
/// whether it can be dumped, and where its descriptors write. This checks
/// behaviour, where the other audits check configuration.
enum ProcessAudit {
    static let programName = "ausweg"
    /// Where a descriptor may write without keeping anything.
    static let harmlessFile = "/dev/null"

    static func run(_ host: AuditHost) -> [AuditFinding] {
        guard host.isLive else { return [] }
        // The audit is an ausweg process too.
        let own = String(getpid())
        let pids = host.list("/proc").filter { $0.allSatisfy(\.isNumber) && $0 != own }.filter {
            pid in
            guard let program = host.link("/proc/\(pid)/exe") else { return false }
            let name = program.split(separator: "/").last ?? ""
            return name == programName || name == programName + " (deleted)"
        }
        guard !pids.isEmpty else {
            return [
                .warn(
                    "process", "no \(programName) process",
                    "nothing runs that could be checked (run the audit as root to see all)")
            ]
        }
        return pids.sorted { Int($0) ?? 0 < Int($1) ?? 0 }.flatMap { pid in
            let user = userIDs(host, pid)
            return [
                serving(pid, user), coreLimit(host, pid), dumpable(host, pid, user),
                output(host, pid),
            ]
        }
    }

    /// Real, effective, saved and file-system user from /proc/PID/status.
    private static func userIDs(_ host: AuditHost, _ pid: String) -> [String] {
        let status = host.text("/proc/\(pid)/status") ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("Uid:") } ?? ""
        return line.dropFirst("Uid:".count).split(whereSeparator: \.isWhitespace)
            .map(String.init)
    }

    private static func serving(_ pid: String, _ user: [String]) -> AuditFinding {
        let subject = "pid \(pid): uid \(user.joined(separator: " "))"
        guard user.count == 4 else {
            return .warn("process.user", subject, "its status cannot be read")
        }
        return user.contains("0")
            ? .fail("process.user", subject, "serves as root: a flaw would own the host")
            : .pass("process.user", subject, "serves as an unprivileged user")
    }

    private static func coreLimit(_ host: AuditHost, _ pid: String) -> AuditFinding {
        let limits = host.text("/proc/\(pid)/limits") ?? ""
        let line = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") }
        let soft = line?.dropFirst("Max core file size".count)
            .split(whereSeparator: \.isWhitespace).first.map(String.init)
        let subject = "pid \(pid): core limit \(soft ?? "unreadable")"
        return soft == "0"
            ? .pass("process.coreLimit", subject, "the kernel writes no core of it")
            : .fail("process.coreLimit", subject, "expected 0: a crash could leave a core")
    }

    /// The kernel gives a non-dumpable process's /proc files to root, so
    /// for a process of another user the owner tells the flag.
    private static func dumpable(_ host: AuditHost, _ pid: String, _ user: [String])
        -> AuditFinding
    {
        let owner = host.owner("/proc/\(pid)/fd")
        let subject = "pid \(pid): /proc/\(pid)/fd owned by uid \(owner.map { "\($0)" } ?? "?")"
        guard let effective = user.dropFirst().first, effective != "0" else {
            return .warn("process.dumpable", subject, "cannot be told for a root process")
        }
        return owner == 0
            ? .pass("process.dumpable", subject, "marked non-dumpable: no core, no ptrace")
            : .fail(
                "process.dumpable", subject,
                "expected non-dumpable: its memory could be dumped or traced by its user")
    }

    /// Each descriptor open for writing that leads to a file other than
    /// /dev/null; sockets, pipes and the journal's stream keep nothing.
    private static func output(_ host: AuditHost, _ pid: String) -> AuditFinding {
        let folder = "/proc/\(pid)/fd"
        let descriptors = host.list(folder)
        guard !descriptors.isEmpty else {
            return .warn(
                "process.output", "pid \(pid): \(folder) unreadable",
                "run the audit as root to see where it writes")
        }
        var files: [String] = []
        var streams: [String] = []
        for fd in descriptors {
            guard let target = host.link("\(folder)/\(fd)") else { continue }
            if fd == "1" || fd == "2" { streams.append("\(fd)→\(target)") }
            guard target.hasPrefix("/"), target != harmlessFile, writable(host, pid, fd) else {
                continue
            }
            files.append("\(fd)→\(target)")
        }
        return files.isEmpty
            ? .pass(
                "process.output", "pid \(pid): \(streams.joined(separator: " "))",
                "no descriptor writes to a file")
            : .fail(
                "process.output", "pid \(pid): \(files.joined(separator: " "))",
                "a descriptor open for writing leads to a file, which would keep its output")
    }

    /// `flags:` in /proc/PID/fdinfo/FD is octal; the access mode is in its
    /// low two bits.
    private static func writable(_ host: AuditHost, _ pid: String, _ fd: String) -> Bool {
        let info = host.text("/proc/\(pid)/fdinfo/\(fd)") ?? ""
        guard let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags:") }),
            let flags = Int32(line.dropFirst("flags:".count).trimmingCharacters(), radix: 8)
        else { return true }
        return flags & O_ACCMODE != O_RDONLY
    }
}
