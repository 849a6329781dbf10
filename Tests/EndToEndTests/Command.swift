import Foundation

/// What a finished child process left behind.
struct CommandResult {
    let status: Int32
    let output: [UInt8]
    let errorOutput: String
    /// False when the program was killed at its timeout.
    var finished = true

    var text: String {
        String(decoding: output, as: UTF8.self)
    }
}

/// Runs programs found in PATH (curl, openssl, gzip) with a time limit.
enum Command {
    static let defaultTimeout = 15.0

    /// Runs `name` with `arguments`, feeding `input`; kills it after
    /// `timeout` seconds and throws, or with `keepOutput` returns what it
    /// wrote until then.
    static func run(
        _ name: String, _ arguments: [String], input: [UInt8] = [],
        timeout: Double = defaultTimeout, keepOutput: Bool = false
    ) throws -> CommandResult {
        let scratch = try TemporaryDirectory()
        let inputPath = scratch.file("stdin")
        try Data(input).write(to: URL(fileURLWithPath: inputPath))
        guard let inputHandle = FileHandle(forReadingAtPath: inputPath) else {
            throw HarnessError.fileNotCreated(inputPath)
        }
        let handles = [
            inputHandle, try scratch.outputHandle("stdout"), try scratch.outputHandle("stderr"),
        ]
        defer { handles.forEach { try? $0.close() } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try locate(name))
        process.arguments = arguments
        process.currentDirectoryURL = PackageLayout.root
        process.standardInput = handles[0]
        process.standardOutput = handles[1]
        process.standardError = handles[2]

        try process.run()
        let finished = Deadline.wait(seconds: timeout) { !process.isRunning }
        if !finished {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if keepOutput {
                return CommandResult(
                    status: process.terminationStatus, output: scratch.bytes("stdout"),
                    errorOutput: scratch.read("stderr"), finished: false)
            }
            let line = ([name] + arguments).joined(separator: " ")
            throw HarnessError.commandTimedOut(line + " " + scratch.read("stderr"))
        }
        process.waitUntilExit()

        return CommandResult(
            status: process.terminationStatus,
            output: scratch.bytes("stdout"),
            errorOutput: scratch.read("stderr"))
    }

    /// Like `run`, but throws unless the program exits with 0.
    static func succeed(
        _ name: String, _ arguments: [String], input: [UInt8] = [],
        timeout: Double = defaultTimeout
    ) throws -> CommandResult {
        let result = try run(name, arguments, input: input, timeout: timeout)
        guard result.status == 0 else {
            let line = ([name] + arguments).joined(separator: " ")
            throw HarnessError.commandFailed(
                line, status: result.status, standardError: result.errorOutput)
        }
        return result
    }

    /// The absolute path of `name`, searched in PATH.
    static func locate(_ name: String) throws -> String {
        if name.hasPrefix("/") { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        throw HarnessError.executableNotFound(name + " in PATH")
    }
}
