import Glibc

/// Runs commands as child processes, at most `width` at a time, and
/// reports each one's success as it ends.
struct ProcessPool {
    let width: Int

    /// Starts `commands[i]` (argv for `/bin/sh`-style programs, the first
    /// element the program path) and calls `finished(i, succeeded)` when
    /// each ends. Children inherit standard error, so a tool's own error
    /// message reaches the operator.
    func run(_ commands: [[String]], program: String, finished: (Int, Bool) -> Void) {
        var next = 0
        var running: [pid_t: Int] = [:]
        while next < commands.count || !running.isEmpty {
            while running.count < width, next < commands.count {
                if let pid = spawn(program, commands[next]) {
                    running[pid] = next
                } else {
                    finished(next, false)
                }
                next += 1
            }
            guard !running.isEmpty else { continue }
            var status: Int32 = 0
            let pid = waitpid(-1, &status, 0)
            if pid < 0 {
                if errno == EINTR { continue }
                preconditionFailure("waitpid failed with children running")
            }
            guard let index = running.removeValue(forKey: pid) else { continue }
            // WIFEXITED and WEXITSTATUS are macros Swift cannot import.
            let exited = status & 0x7F == 0
            finished(index, exited && (status >> 8) & 0xFF == 0)
        }
    }

    private func spawn(_ program: String, _ arguments: [String]) -> pid_t? {
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, program, nil, nil, &argv, environ)
        return result == 0 ? pid : nil
    }
}
