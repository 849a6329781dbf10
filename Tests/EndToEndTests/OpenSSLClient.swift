import Foundation
import Glibc

/// Sends raw bytes through `openssl s_client` and returns what came back
/// once the server closed, or after `seconds` (then the client is killed).
enum OpenSSLClient {
    static func exchange(
        _ bytes: [UInt8], port: UInt16, arguments extra: [String] = ["-servername", "localhost"],
        seconds: Double = 10
    ) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["s_client", "-connect", "127.0.0.1:\(port)", "-quiet"] + extra
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(bytes))
        try input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return [UInt8](output.fileHandleForReading.readDataToEndOfFile())
    }
}
