import Foundation

/// A long-lived `openssl s_client` connection: requests are written to it
/// one at a time while the test does other things in between.
final class TLSSession {
    private static let ignoreBrokenPipes: Void = {
        // A write to an s_client that has exited must fail, not kill us.
        signal(SIGPIPE, SIG_IGN)
    }()

    private let process = Process()
    private let input = Pipe()
    private let scratch: TemporaryDirectory
    private let output: FileHandle
    private var launched = false

    init(port: Int) throws {
        Self.ignoreBrokenPipes
        scratch = try TemporaryDirectory()
        output = try scratch.outputHandle("stdout")
        process.executableURL = URL(fileURLWithPath: try Command.locate("openssl"))
        process.arguments = [
            "s_client", "-connect", "127.0.0.1:\(port)", "-servername", "localhost", "-quiet",
        ]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        launched = true
    }

    deinit {
        close()
        try? output.close()
    }

    func send(_ text: String) throws {
        try input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    }

    /// Waits until `count` whole responses have come in and returns them.
    func responses(_ count: Int, timeout: Double = 10) throws -> [HTTPResponse] {
        var responses: [HTTPResponse] = []
        let complete = try Deadline.wait(seconds: timeout) {
            responses = try Self.parse(scratch.bytes("stdout"))
            return responses.count >= count
        }
        guard complete else { throw HarnessError.responseTimedOut(received: responses.count) }
        return responses
    }

    /// Waits for s_client to exit, which it does when the server closes
    /// the connection; false when it is still open at the deadline.
    func waitForClose(timeout: Double) -> Bool {
        Deadline.wait(seconds: timeout) { !process.isRunning }
    }

    func close() {
        try? input.fileHandleForWriting.close()
        guard launched else { return }
        // SIGKILL: children inherit the test runner's signal mask, in which
        // SIGTERM is blocked.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    private static func parse(_ bytes: [UInt8]) throws -> [HTTPResponse] {
        var rest = bytes[...]
        var responses: [HTTPResponse] = []
        while let (response, consumed) = try HTTPResponse.parse(rest, toHead: false) {
            responses.append(response)
            rest = rest.dropFirst(consumed)
        }
        return responses
    }
}
