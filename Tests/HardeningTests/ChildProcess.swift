import Foundation

/// A program started with posix_spawn and reaped with waitpid by this
/// object alone. Foundation's Process missed strace's exit under parallel
/// tests and left `waitUntilExit` hanging on a zombie; here the test owns
/// the wait.
final class ChildProcess {
    static let stopSeconds = 5.0

    let pid: pid_t
    private(set) var exitStatus: Int32?
    /// The read end of the output pipe, when output goes to one.
    private var pipeEnd: Int32 = -1

    /// Starts `path` with `arguments` and `environment`, stdin from
    /// /dev/null and both output streams appended to `outputFile` (stderr to
    /// `errorFile` when given), or into a pipe that `pipedOutput()` reads
    /// when `outputFile` is nil.
    init(
        _ path: String, _ arguments: [String], environment: [String],
        outputFile: String?, errorFile: String? = nil
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let append = O_WRONLY | O_CREAT | O_APPEND
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var ends: [Int32] = [-1, -1]
        if let outputFile {
            posix_spawn_file_actions_addopen(&actions, 1, outputFile, append, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, errorFile ?? outputFile, append, 0o600)
        } else {
            // Glibc's module has no pipe2; the output is read without waiting
            // for its end, so a brief window before FD_CLOEXEC does no harm.
            guard pipe(&ends) == 0 else { throw ProgramError.notStarted(path, errno) }
            ends.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
            posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
            posix_spawn_file_actions_adddup2(&actions, ends[1], 2)
        }
        defer { if ends[1] >= 0 { close(ends[1]) } }

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, path, &actions, nil, argv, envp)
        guard status == 0 else {
            if ends[0] >= 0 { close(ends[0]) }
            throw ProgramError.notStarted(path, status)
        }
        pid = child
        pipeEnd = ends[0]
        if pipeEnd >= 0 { _ = fcntl(pipeEnd, F_SETFL, O_NONBLOCK) }
    }

    deinit {
        stop()
        if pipeEnd >= 0 { close(pipeEnd) }
    }

    private var piped: [UInt8] = []

    /// Everything written into the output pipe so far.
    func pipedOutput() -> String {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while pipeEnd >= 0 {
            let count = read(pipeEnd, &chunk, chunk.count)
            guard count > 0 else { break }
            piped += chunk[..<count]
        }
        return String(decoding: piped, as: UTF8.self)
    }

    /// Whether the program still runs; reaps it once it has exited.
    var isRunning: Bool {
        guard exitStatus == nil else { return false }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return true }
        // Exit code when it exited, 128 + signal when a signal ended it.
        let signal = status & 0x7f
        exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        return false
    }

    /// Waits up to `seconds` for the program to exit; true when it did.
    func wait(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning {
            guard Date() < deadline else { return false }
            usleep(20_000)
        }
        return true
    }

    /// SIGTERM, then SIGKILL after `stopSeconds`; returns once reaped.
    func stop() {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        if !wait(seconds: Self.stopSeconds) {
            kill(pid, SIGKILL)
            _ = wait(seconds: Self.stopSeconds)
        }
    }
}
