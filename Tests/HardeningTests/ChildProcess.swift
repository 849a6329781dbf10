import Foundation

/// A program started with posix_spawn and reaped with waitpid by this
/// object alone. Foundation's Process missed strace's exit under parallel
/// tests and left `waitUntilExit` hanging on a zombie; here the test owns
/// the wait.
final class ChildProcess {
    static let stopSeconds = 5.0

    let pid: pid_t
    private(set) var exitStatus: Int32?

    /// Starts `path` with `arguments` and `environment`, stdin from
    /// /dev/null and both output streams appended to `outputFile` (stderr to
    /// `errorFile` when given).
    init(
        _ path: String, _ arguments: [String], environment: [String],
        outputFile: String, errorFile: String? = nil
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let append = O_WRONLY | O_CREAT | O_APPEND
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile, append, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile ?? outputFile, append, 0o600)

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, path, &actions, nil, argv, envp)
        guard status == 0 else { throw ProgramError.notStarted(path, status) }
        pid = child
    }

    deinit { stop() }

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
