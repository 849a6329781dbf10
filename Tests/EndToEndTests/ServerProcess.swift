import Foundation

/// The real `ausweg` binary, serving from a temporary state folder on
/// loopback ports the kernel picks.
///
/// Always stopped: by `stop()`, which tests call in a `defer`, or at the
/// latest when the object goes away.
final class ServerProcess {
    /// The first start renders twenty languages in a debug build, slower
    /// still under a sanitizer.
    static let startupTimeout = 60.0
    static let stopTimeout = 5.0

    let directory: TemporaryDirectory
    let listeners: Set<Listener>
    let settings: [String: String]
    private let process: Process
    private let outputs: [FileHandle]
    private(set) var startup = StartupLines.empty
    private(set) var processIdentifier: Int32 = 0
    private var launched = false

    /// Starts the server with `listeners` on free ports and `overrides` as
    /// `--Key value` arguments, and waits for its start-up lines.
    /// - Parameter directory: a state folder (and onion socket path) to
    ///   share with an earlier server, instead of a fresh one.
    /// - Parameter fileLimit: an open-file limit (soft and hard) to start
    ///   under, set by util-linux `prlimit`, which then runs the server.
    /// - Parameter launcher: a program and its arguments, run in the
    ///   server's place and given the server's command line to exec.
    static func start(
        _ listeners: Set<Listener> = [.https], _ overrides: [String: String] = [:],
        directory: TemporaryDirectory? = nil, fileLimit: Int? = nil, launcher: [String] = []
    ) throws -> ServerProcess {
        let limit = try fileLimit.map {
            [try Command.locate("prlimit"), "--nofile=\($0):\($0)"]
        }
        let server = try ServerProcess(
            listeners: listeners, overrides: overrides, directory: directory,
            launcher: (limit ?? []) + launcher)
        do {
            try server.waitForStartup()
        } catch {
            server.stop()
            throw error
        }
        return server
    }

    private init(
        listeners: Set<Listener>, overrides: [String: String], directory: TemporaryDirectory?,
        launcher: [String]
    ) throws {
        guard FileManager.default.isExecutableFile(atPath: PackageLayout.binary) else {
            throw HarnessError.executableNotFound(PackageLayout.binary + " (run swift build)")
        }
        self.directory = try directory ?? TemporaryDirectory()
        self.listeners = listeners
        settings = Self.defaults(listeners, in: self.directory).merging(overrides) { $1 }
        process = Process()
        let pairs = settings.sorted { $0.key < $1.key }
        let command =
            launcher + [PackageLayout.binary, "serve"]
            + pairs.flatMap { ["--" + $0.key, $0.value] }
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = PackageLayout.root
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        process.standardInput = FileHandle.nullDevice
        outputs = [
            try self.directory.outputHandle("stdout"), try self.directory.outputHandle("stderr"),
        ]
        process.standardOutput = outputs[0]
        process.standardError = outputs[1]
        try process.run()
        launched = true
        processIdentifier = process.processIdentifier
    }

    deinit {
        stop()
        outputs.forEach { try? $0.close() }
    }

    private static func defaults(
        _ listeners: Set<Listener>, in directory: TemporaryDirectory
    ) -> [String: String] {
        var settings = [
            "StateDir": directory.file("state"),
            "ContentDir": PackageLayout.contentDirectory,
            "HTTPSPort": listeners.contains(.https) ? "127.0.0.1:0" : "0",
            "HTTPPort": listeners.contains(.http) ? "127.0.0.1:0" : "0",
        ]
        if listeners.contains(.onion) {
            settings["OnionSocket"] = directory.file("onion.sock")
        }
        return settings
    }

    private func waitForStartup() throws {
        let started = try Deadline.wait(seconds: Self.startupTimeout) {
            guard process.isRunning else {
                process.waitUntilExit()
                throw HarnessError.serverExited(
                    status: process.terminationStatus, standardError: standardError)
            }
            let lines = standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
            startup = try StartupLines(lines.dropLast().map(String.init))
            return startup.endpoints.count >= listeners.count
        }
        guard started else {
            throw HarnessError.startupTimedOut(
                standardOutput: standardOutput, standardError: standardError)
        }
    }

    var isRunning: Bool {
        process.isRunning
    }

    func endpoint(_ listener: Listener) throws -> Endpoint {
        guard let endpoint = startup.endpoints[listener] else {
            throw HarnessError.listenerNotStarted(listener)
        }
        return endpoint
    }

    func port(_ listener: Listener) throws -> Int {
        guard case .loopback(let port) = try endpoint(listener) else {
            throw HarnessError.listenerNotStarted(listener)
        }
        return port
    }

    /// The self-signed certificate the server made in its state folder, or
    /// nil when it was given one.
    var generatedCertificate: String? {
        guard settings["CertificateFile"] == nil, let state = settings["StateDir"] else {
            return nil
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: state)) ?? []
        return names.sorted().first { $0.hasSuffix(".crt") }.map { state + "/" + $0 }
    }

    var standardOutput: String {
        directory.read("stdout")
    }

    var standardError: String {
        directory.read("stderr")
    }

    /// Everything printed after the start-up lines, on either stream; the
    /// server promises this stays empty while it serves.
    var outputAfterStartup: String {
        let rest = directory.bytes("stdout").dropFirst(startup.length)
        return String(decoding: rest, as: UTF8.self) + standardError
    }

    func send(signal number: Int32) {
        if process.isRunning {
            kill(process.processIdentifier, number)
        }
    }

    /// Waits at most `seconds` for the process to end by itself; its exit
    /// status, or nil when it still runs or was killed by a signal.
    func waitForExit(seconds: Double) -> Int32? {
        guard launched, Deadline.wait(seconds: seconds, until: { !process.isRunning }) else {
            return nil
        }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : nil
    }

    /// Sends SIGTERM, then SIGKILL if it does not exit within `grace`
    /// seconds; returns the exit status, or nil when the process was killed
    /// by a signal. Tests that hold thousands of connections open pass a
    /// grace of 0: the server's own stop would wait for each of them.
    @discardableResult
    func stop(grace: Double = stopTimeout) -> Int32? {
        guard launched else { return nil }
        if process.isRunning {
            kill(process.processIdentifier, grace > 0 ? SIGTERM : SIGKILL)
            if !Deadline.wait(seconds: grace, until: { !process.isRunning }) {
                kill(process.processIdentifier, SIGKILL)
            }
        }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : nil
    }
}
