import Glibc

/// The only output the program ever makes: start-up facts and errors. It is
/// never called while requests are served.
public enum Console {
    /// Writes one line to standard output at once, unbuffered, so a
    /// supervisor or test sees it before the first request.
    public static func say(_ line: String) {
        write(STDOUT_FILENO, line + "\n")
    }

    /// Prints `ausweg: message` to standard error and exits.
    public static func fatal(_ message: String, status: Int32 = 2) -> Never {
        write(STDERR_FILENO, "ausweg: \(message)\n")
        exit(status)
    }

    /// One line on standard error without exiting: a failed reload.
    public static func warn(_ message: String) {
        write(STDERR_FILENO, "ausweg: \(message)\n")
    }

    private static func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count <= 0 && errno != EINTR { return }
            if count > 0 { bytes = bytes.dropFirst(count) }
        }
    }
}
