import Foundation
import Testing

/// `ausweg audit` on the running host finds a real server serving on
/// loopback and checks what the kernel shows of it. Root runs the audit, as
/// on a host: only root may read a non-dumpable process's descriptors.
@Suite(.enabled(if: getuid() == 0, "reads other processes' descriptors"))
struct LiveAuditTests {
    /// Starts a server on loopback with its output in a pipe, or in
    /// `outputFile`, and waits until it serves.
    private func start(_ scratch: ScratchFolder, outputFile: String?, user: [String])
        throws -> ChildProcess
    {
        chmod(scratch.path, 0o755)
        let server = try ChildProcess(
            ProjectLayout.binary,
            [
                "serve", "--HTTPSPort", "127.0.0.1:0", "--HTTPPort", "0",
                "--StateDir", scratch.file("state"), "--ContentDir", ProjectLayout.content,
            ] + user,
            environment: Program.environment, outputFile: outputFile)
        let deadline = Date().addingTimeInterval(TracedServer.startupSeconds)
        while server.isRunning && Date() < deadline {
            let output = outputFile.map { _ in scratch.read("out") } ?? server.pipedOutput()
            if let port = output.split(separator: "\n").first(where: {
                $0.hasPrefix("ausweg: https on 127.0.0.1:")
            })?.split(separator: ":").last {
                let page = try Program.run(
                    "curl", ["--silent", "--insecure", "https://127.0.0.1:\(port)/de/"])
                #expect(page.status == 0)
                return server
            }
            usleep(50_000)
        }
        throw ProgramError.serverDidNotStart(server.pipedOutput() + scratch.read("out"))
    }

    /// The audit's lines about one process.
    private func processLines(_ pid: pid_t) throws -> [String] {
        let audit = try Program.run(ProjectLayout.binary, ["audit"])
        return audit.output.split(separator: "\n").map(String.init)
            .filter { $0.contains(" process.") && $0.contains(": pid \(pid): ") }
    }

    @Test func serverThatDroppedToAUserAndWritesToAPipePasses() throws {
        let scratch = try ScratchFolder()
        let server = try start(scratch, outputFile: nil, user: ["--User", "nobody"])
        defer { server.stop() }

        let lines = try processLines(server.pid)
        #expect(lines.count == 4, "\(lines)")
        #expect(lines.allSatisfy { $0.hasPrefix("PASS  ") }, "\(lines)")
        #expect(
            lines.contains(
                "PASS  process.user: pid \(server.pid): uid 65534 65534 65534 65534"
                    + ": serves as an unprivileged user"))
        #expect(
            lines.contains { $0.hasPrefix("PASS  process.output: pid \(server.pid): 1→pipe:[") })
    }

    @Test func serverAsRootWritingToAFileFails() throws {
        let scratch = try ScratchFolder()
        let out = scratch.file("out")
        let server = try start(scratch, outputFile: out, user: [])
        defer { server.stop() }

        let lines = try processLines(server.pid)
        let pid = server.pid
        #expect(
            lines.contains(
                "FAIL  process.user: pid \(pid): uid 0 0 0 0"
                    + ": serves as root: a flaw would own the host"))
        #expect(
            lines.contains(
                "PASS  process.coreLimit: pid \(pid): core limit 0"
                    + ": the kernel writes no core of it"))
        #expect(
            lines.contains(
                "FAIL  process.output: pid \(pid): 1→\(out) 2→\(out)"
                    + ": a descriptor open for writing leads to a file, which would keep its output"
            ))
    }
}
