import Foundation
import Glibc

/// The real `ausweg` binary, started on loopback with port-0 listeners and an
/// onion socket in a fresh temporary folder, stopped by its PID.
///
/// Start-up output names the bound ports; nothing else is read from it.
final class HostileServer {
    enum StartFailure: Error, Equatable {
        case binaryMissing(String)
        case noListenerLines(String)
    }

    let process: Process
    let folder: URL
    private(set) var httpsPort: UInt16 = 0
    private(set) var redirectPort: UInt16 = 0
    let onionPath: String
    /// What the server printed before its listeners were all named.
    private(set) var startupText = ""
    private let output = Pipe()
    private let errors = Pipe()

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let prlimit = "/usr/bin/prlimit"

    static var binary: String {
        repository.appendingPathComponent(".build/debug/ausweg").path
    }

    /// - Parameter extra: more `--Key value` arguments, which win.
    /// - Parameter folder: reuse a folder (and its certificate and socket).
    /// - Parameter expectedListeners: how many listener lines to wait for.
    /// - Parameter fileLimit: an open-file limit (soft and hard) to start
    ///   under, set by util-linux `prlimit`, which then execs the server.
    init(
        extra: [String] = [], folder reused: URL? = nil, expectedListeners: Int = 3,
        fileLimit: Int? = nil
    ) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            throw StartFailure.binaryMissing(Self.binary)
        }
        folder =
            reused
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("ausweg-hostile-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        onionPath = folder.appendingPathComponent("onion.sock").path
        process = Process()
        let limit = fileLimit.map { ["--nofile=\($0):\($0)", Self.binary] } ?? []
        process.executableURL = URL(fileURLWithPath: limit.isEmpty ? Self.binary : Self.prlimit)
        process.arguments =
            limit + [
                "--HTTPSPort", "127.0.0.1:0", "--HTTPPort", "127.0.0.1:0",
                "--OnionSocket", onionPath,
                "--StateDir", folder.appendingPathComponent("state").path,
                "--ContentDir", Self.repository.appendingPathComponent("content").path,
            ] + extra
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try readListenerLines(expecting: expectedListeners)
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Reads start-up lines until every listener is named (at most 60 s:
    /// the first start renders twenty languages in a debug build).
    private func readListenerLines(expecting wanted: Int?) throws {
        let fd = output.fileHandleForReading.fileDescriptor
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) >= 0 else { break }
            if poller.revents == 0 { continue }
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            text += String(decoding: buffer[..<count], as: UTF8.self)
            if namedListeners(in: text) >= (wanted ?? 1) {
                startupText = text
                return
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw StartFailure.noListenerLines(text + standardError())
    }

    private func namedListeners(in text: String) -> Int {
        var named = 0
        for line in text.split(separator: "\n") {
            if let port = Self.port(in: line, after: "ausweg: https on ") {
                httpsPort = port
                named += 1
            } else if let port = Self.port(in: line, after: "ausweg: http redirect on ") {
                redirectPort = port
                named += 1
            } else if line.hasPrefix("ausweg: onion on ") {
                named += 1
            }
        }
        return named
    }

    private static func port(in line: Substring, after prefix: String) -> UInt16? {
        guard line.hasPrefix(prefix), let colon = line.lastIndex(of: ":") else { return nil }
        return UInt16(line[line.index(after: colon)...])
    }

    /// Sends a signal to the server by its PID.
    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits at most `seconds` for the process to end; its status, or nil.
    func waitForExit(seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Everything the server wrote to standard error so far (after exit).
    func standardError() -> String {
        String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    /// Resident memory from /proc, in KiB.
    func residentKiB() -> Int {
        let status =
            (try? String(
                contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8))
            ?? ""
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0
        }
        return 0
    }

    /// Lowers the running server's open-file limit (soft and hard).
    func limitOpenFiles(to limit: Int) throws {
        let tool = Process()
        tool.executableURL = URL(fileURLWithPath: Self.prlimit)
        tool.arguments = ["--pid", "\(process.processIdentifier)", "--nofile=\(limit):\(limit)"]
        try tool.run()
        tool.waitUntilExit()
    }

    /// The lowest descriptor number the server has free, from /proc: with
    /// the open-file limit set to it, the next descriptor cannot be made.
    func lowestFreeDescriptor() -> Int {
        let names =
            (try? FileManager.default.contentsOfDirectory(
                atPath: "/proc/\(process.processIdentifier)/fd")) ?? []
        let open = Set(names.compactMap { Int($0) })
        return (0...).first { !open.contains($0) } ?? 0
    }

    /// User plus system CPU time the server has used, in seconds.
    func cpuSeconds() -> Double {
        let stat =
            (try? String(
                contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)) ?? ""
        // Fields after the parenthesised name; utime and stime are the
        // 14th and 15th fields of the whole line.
        guard let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12])
        else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func removeFolder() {
        try? FileManager.default.removeItem(at: folder)
    }
}
