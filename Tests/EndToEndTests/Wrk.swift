import Foundation

/// wrk (Debian's package) loading one URL on loopback until it is stopped,
/// at most `seconds`; it is stopped by its PID.
final class Wrk {
    /// What wrk reported when it ended.
    struct Summary {
        let requests: Int
        /// wrk's "Socket errors" line (connect, read, write, timeout), or
        /// nil when it printed none: every request was answered.
        let socketErrors: String?
        /// wrk's count of answers that were neither 2xx nor 3xx.
        let failedAnswers: Int
    }

    private let process = Process()
    private let scratch: TemporaryDirectory
    private let output: FileHandle
    private let seconds: Int

    /// Starts `connections` connections on one thread; `headers` go with
    /// every request (`Connection: close` makes each one a new handshake).
    init(url: String, connections: Int, seconds: Int, headers: [String] = []) throws {
        self.seconds = seconds
        scratch = try TemporaryDirectory()
        output = try scratch.outputHandle("stdout")
        process.executableURL = URL(fileURLWithPath: try Command.locate("wrk"))
        process.arguments =
            ["-t1", "-c\(connections)", "-d\(seconds)s", "--timeout", "5s"]
            + headers.flatMap { ["-H", $0] } + [url]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try Self.withInterruptUnblocked { try process.run() }
    }

    /// Runs `body` with SIGINT unblocked on this thread: the test runner's
    /// threads block it, a child inherits the mask of the thread that
    /// starts it, and SIGINT is how wrk is told to end its run.
    private static func withInterruptUnblocked(_ body: () throws -> Void) rethrows {
        var interrupt = sigset_t()
        var previous = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try body()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? output.close()
    }

    /// Stops wrk with SIGINT, on which it ends its run and prints its
    /// summary, and reads that summary.
    func stop() throws -> Summary {
        if process.isRunning {
            kill(process.processIdentifier, SIGINT)
        }
        guard Deadline.wait(seconds: Double(seconds) + 10, until: { !process.isRunning }) else {
            throw HarnessError.commandTimedOut("wrk did not stop: " + scratch.read("stdout"))
        }
        return try Self.summary(scratch.read("stdout"))
    }

    private static func summary(_ text: String) throws -> Summary {
        let lines = text.split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let total = lines.first(where: { $0.contains(" requests in ") }),
            let requests = Int(total.prefix { $0 != " " })
        else {
            throw HarnessError.malformedResponse("no wrk summary: " + text)
        }
        let failed = lines.first { $0.hasPrefix("Non-2xx or 3xx responses:") }
        return Summary(
            requests: requests,
            socketErrors: lines.first { $0.hasPrefix("Socket errors:") },
            failedAnswers: failed.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0)
    }
}
