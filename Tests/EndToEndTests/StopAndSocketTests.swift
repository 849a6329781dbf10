import Foundation
import Glibc
import Testing

/// SIGTERM and the onion socket's file, against the real binary.
@Suite(.serialized) struct StopAndSocketTests {
    @Test func sigtermFinishesTheAnswerInFlightRefusesNewOnesAndRemovesTheSocket() throws {
        let server = try HostileServer()
        defer {
            server.signal(SIGKILL)
            server.removeFolder()
        }
        let idle = try #require(RawClient(.unix(server.onionPath)))
        idle.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(RawResponse.statuses(idle.readResponse()) == [200])
        let inFlight = try #require(RawClient(.tcp(server.redirectPort)))
        inFlight.send("GET /1 HTTP/1.1\r\nHost: a\r\n")
        usleep(100_000)

        let stopped = Date()
        server.signal(SIGTERM)
        usleep(700_000)
        #expect(RawClient(.tcp(server.redirectPort)) == nil)
        #expect(RawClient(.tcp(server.httpsPort)) == nil)
        #expect(access(server.onionPath, F_OK) != 0)
        let idleEnd = idle.readToEnd()
        #expect(idleEnd.closed && idleEnd.bytes.isEmpty)

        inFlight.send("\r\n")
        let answer = inFlight.readToEnd()
        #expect(RawResponse.statuses(answer.bytes) == [301])
        #expect(answer.closed)
        #expect(server.waitForExit(seconds: 6) == 0)
        #expect(Date().timeIntervalSince(stopped) < 5)
    }

    @Test func sigtermWithAnAnswerNeverFinishedExitsWithinTheGrace() throws {
        let server = try HostileServer()
        defer {
            server.signal(SIGKILL)
            server.removeFolder()
        }
        let stuck = try #require(RawClient(.tcp(server.redirectPort)))
        stuck.send("GET / HTTP/1.1\r\n")
        usleep(100_000)
        let stopped = Date()
        server.signal(SIGTERM)
        #expect(server.waitForExit(seconds: 8) == 0)
        let took = Date().timeIntervalSince(stopped)
        #expect(took > 4 && took < 6.5)
        #expect(access(server.onionPath, F_OK) != 0)
    }

    @Test func aStaleSocketFromAKilledServerIsReplaced() throws {
        let first = try HostileServer()
        defer { first.removeFolder() }
        first.signal(SIGKILL)
        #expect(first.waitForExit(seconds: 5) != nil)
        var status = stat()
        #expect(lstat(first.onionPath, &status) == 0 && status.st_mode & S_IFMT == S_IFSOCK)

        let second = try HostileServer(folder: first.folder)
        defer { second.signal(SIGKILL) }
        let client = try #require(RawClient(.unix(second.onionPath)))
        client.send(MalformedRequest.follower)
        #expect(RawResponse.statuses(client.readToEnd().bytes) == [200])
    }

    @Test(arguments: ["regular file", "symbolic link"])
    func anythingButASocketAtTheOnionPathIsRefused(kind: String) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("ausweg-hostile-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("onion.sock").path
        let target = folder.appendingPathComponent("precious").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: target))
        if kind == "regular file" {
            try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        } else {
            #expect(symlink(target, path) == 0)
        }

        let refused = try #require(throws: HostileServer.StartFailure.self) {
            try HostileServer(folder: folder)
        }
        guard case .noListenerLines(let output) = refused else { return }
        #expect(output.contains("\(path): exists and is not a socket"))
        var status = stat()
        #expect(lstat(path, &status) == 0)
        #expect(status.st_mode & S_IFMT == (kind == "regular file" ? S_IFREG : S_IFLNK))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
    }
}
