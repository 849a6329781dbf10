import Foundation
import Testing

/// Started as root with `User`, the server binds, hands the onion socket to
/// that user, becomes it for good, and stays non-dumpable.
@Suite(.enabled(if: getuid() == 0, "needs root to start as root"))
struct PrivilegeDropTests {
    static let user = "nobody"
    static let uid = "65534"

    private func start(_ scratch: ScratchFolder, user: String) throws -> ChildProcess {
        chmod(scratch.path, 0o755)
        let server = try ChildProcess(
            ProjectLayout.binary,
            [
                "serve", "--HTTPSPort", "0", "--HTTPPort", "127.0.0.1:0",
                "--OnionSocket", scratch.file("onion.sock"),
                "--ContentDir", ProjectLayout.content, "--User", user,
            ],
            environment: Program.environment, outputFile: scratch.file("out"))
        let deadline = Date().addingTimeInterval(TracedServer.startupSeconds)
        while server.isRunning && !scratch.read("out").contains("ausweg: onion on")
            && Date() < deadline
        {
            usleep(50_000)
        }
        return server
    }

    private func status(_ pid: Int32, _ field: String) -> [String] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
        return line.dropFirst(field.count + 1).split(whereSeparator: \.isWhitespace)
            .map(String.init)
    }

    @Test func becomesTheUserAfterBindingAndStaysUndumpable() throws {
        let scratch = try ScratchFolder()
        let server = try start(scratch, user: Self.user)
        defer { server.stop() }
        let pid = server.pid
        #expect(server.isRunning, "\(scratch.read("out"))")
        #expect(status(pid, "Uid") == Array(repeating: Self.uid, count: 4))
        #expect(status(pid, "Gid") == Array(repeating: Self.uid, count: 4))
        #expect(status(pid, "Groups") == [Self.uid])
        let socket = try FileManager.default.attributesOfItem(atPath: scratch.file("onion.sock"))
        #expect((socket[.ownerAccountID] as? NSNumber)?.intValue == 65534)
        // A non-dumpable process's /proc files belong to root, not to its user.
        let fd = try FileManager.default.attributesOfItem(atPath: "/proc/\(pid)/fd")
        #expect((fd[.ownerAccountID] as? NSNumber)?.intValue == 0)
    }

    @Test func unknownUserStopsStartUp() throws {
        let scratch = try ScratchFolder()
        let server = try start(scratch, user: "no-such-user-ausweg")
        #expect(server.wait(seconds: ChildProcess.stopSeconds))
        #expect(server.exitStatus == 1)
        #expect(scratch.read("out") == "ausweg: User no-such-user-ausweg: no such user\n")
    }
}
