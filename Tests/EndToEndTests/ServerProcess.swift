import Foundation

/// The real `ausweg` binary, serving from a temporary state folder on
/// loopback ports the kernel picks.
///
/// Always stopped: by `stop()`, which tests call in a `defer`, or at the
/// latest when the object goes away.
final class ServerProcess {
    static let startupTimeout = 20.0
    static let stopTimeout = 5.0

    let directory: TemporaryDirectory
    let listeners: Set<Listener>
    let settings: [String: String]
    private let process: Process
    private let outputs: [FileHandle]
    private(set) var startup = StartupLines.empty
    private var launched = false

    /// Starts the server with `listeners` on free ports and `overrides` as
    /// `--Key value` arguments, and waits for its start-up lines.
    static func start(
        _ listeners: Set<Listener> = [.https], _ overrides: [String: String] = [:]
    ) throws -> ServerProcess {
        let server = try ServerProcess(listeners: listeners, overrides: overrides)
        do {
            try server.waitForStartup()
        } catch {
            server.stop()
            throw error
        }
        return server
    }

    private init(listeners: Set<Listener>, overrides: [String: String]) throws {
        guard FileManager.default.isExecutableFile(atPath: PackageLayout.binary) else {
            throw HarnessError.executableNotFound(PackageLayout.binary + " (run swift build)")
        }
        directory = try TemporaryDirectory()
        self.listeners = listeners
        settings = Self.defaults(listeners, in: directory).merging(overrides) { $1 }
        process = Process()
        process.executableURL = URL(fileURLWithPath: PackageLayout.binary)
        let pairs = settings.sorted { $0.key < $1.key }
        process.arguments = ["serve"] + pairs.flatMap { ["--" + $0.key, $0.value] }
        process.currentDirectoryURL = PackageLayout.root
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        process.standardInput = FileHandle.nullDevice
        outputs = [try directory.outputHandle("stdout"), try directory.outputHandle("stderr")]
        process.standardOutput = outputs[0]
        process.standardError = outputs[1]
        try process.run()
        launched = true
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

    /// Sends SIGTERM, then SIGKILL if it does not exit in time; returns the
    /// exit status, or nil when the process was killed by a signal.
    @discardableResult
    func stop() -> Int32? {
        guard launched else { return nil }
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            if !Deadline.wait(seconds: Self.stopTimeout, until: { !process.isRunning }) {
                kill(process.processIdentifier, SIGKILL)
            }
        }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : nil
    }
}
