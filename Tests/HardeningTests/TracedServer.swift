import Foundation

/// The real server started under strace with all three listeners on
/// loopback: HTTPS and the port-80 redirect on ports the kernel picks, the
/// onion socket in a scratch folder. strace follows every thread and logs
/// each call that can put bytes somewhere, with the kind of each descriptor.
final class TracedServer {
    static let startupSeconds = 30.0
    /// The calls that write bytes or make a file that could take them.
    static let calls = [
        "write", "writev", "pwrite64", "pwritev", "pwritev2", "sendto", "sendmsg", "sendmmsg",
        "sendfile", "splice", "vmsplice", "tee", "copy_file_range", "ftruncate", "fallocate",
        "open", "openat", "openat2", "creat", "mkdir", "mkdirat", "rename", "renameat",
        "renameat2", "link", "linkat", "symlink", "symlinkat", "mknod", "mknodat",
    ]

    let scratch: ScratchFolder
    private let strace: ChildProcess
    /// The server itself, strace's child: stopping strace would only detach
    /// it and leave it running.
    private var serverPid: pid_t = 0
    private(set) var httpsPort = 0
    private(set) var redirectPort = 0
    var onionSocket: String { scratch.file("onion.sock") }
    var trace: String { scratch.read("trace") }
    var standardOutput: String { scratch.read("stdout") }

    init() throws {
        scratch = try ScratchFolder()
        strace = try ChildProcess(
            try Program.locate("strace"),
            [
                "-f", "-qq", "-y", "-s", "120", "-o", scratch.file("trace"),
                "-e", "trace=" + Self.calls.joined(separator: ","), "--",
                ProjectLayout.binary, "serve", "--HTTPSPort", "127.0.0.1:0",
                "--HTTPPort", "127.0.0.1:0", "--OnionSocket", scratch.file("onion.sock"),
                "--StateDir", scratch.file("state"), "--ContentDir", ProjectLayout.content,
                "--Workers", "2",
            ],
            environment: Program.environment, outputFile: scratch.file("stdout"))
        do {
            try waitForListeners()
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// Ends the server with SIGTERM, as systemd would, and waits for
    /// strace to finish its log.
    func stop() {
        guard strace.isRunning else { return }
        let server = serverPid > 0 ? serverPid : try? tracedChild()
        if let server { kill(server, SIGTERM) }
        guard !strace.wait(seconds: ChildProcess.stopSeconds) else { return }
        if let server { kill(server, SIGKILL) }
        strace.stop()
    }

    private func waitForListeners() throws {
        let deadline = Date().addingTimeInterval(Self.startupSeconds)
        while Date() < deadline {
            let lines = standardOutput.split(separator: "\n").map(String.init)
            if let https = port(lines, "ausweg: https on 127.0.0.1:"),
                let redirect = port(lines, "ausweg: http redirect on 127.0.0.1:"),
                lines.contains("ausweg: onion on \(onionSocket)")
            {
                httpsPort = https
                redirectPort = redirect
                serverPid = try tracedChild()
                return
            }
            guard strace.isRunning else { break }
            usleep(50_000)
        }
        throw ProgramError.serverDidNotStart(standardOutput)
    }

    private func tracedChild() throws -> pid_t {
        let children = "/proc/\(strace.pid)/task/\(strace.pid)/children"
        let text = (try? String(contentsOfFile: children, encoding: .utf8)) ?? ""
        guard let pid = text.split(separator: " ").first.flatMap({ pid_t($0) }) else {
            throw ProgramError.serverDidNotStart("strace has no child: \(standardOutput)")
        }
        return pid
    }

    private func port(_ lines: [String], _ prefix: String) -> Int? {
        lines.first { $0.hasPrefix(prefix) }.flatMap { Int($0.dropFirst(prefix.count)) }
    }
}
