import Foundation
import Glibc
import Testing

/// SIGTERM and the onion socket's file, against the real binary.
@Suite(.serialized) struct StopAndSocketTests {
    @Test func sigtermFinishesTheAnswerInFlightRefusesNewOnesAndRemovesTheSocket() throws {
        let server = try ServerProcess.start(Set(Listener.allCases))
        defer { server.stop(grace: 0) }
        let (redirect, https) = (try server.endpoint(.http), try server.endpoint(.https))
        let onionPath = server.directory.file("onion.sock")
        let idle = try SocketConnection(server.endpoint(.onion))
        try idle.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try idle.readResponse().status == 200)
        let inFlight = try SocketConnection(redirect)
        try inFlight.send("GET /1 HTTP/1.1\r\nHost: a\r\n")
        usleep(100_000)

        let stopped = Date()
        server.send(signal: SIGTERM)
        usleep(700_000)
        #expect((try? SocketConnection(redirect)) == nil)
        #expect((try? SocketConnection(https)) == nil)
        #expect(access(onionPath, F_OK) != 0)
        let idleEnd = try idle.readToEnd()
        #expect(idleEnd.closed && idleEnd.bytes.isEmpty)

        try inFlight.send("\r\n")
        let answer = try inFlight.readToEnd()
        #expect(HTTPResponse.statuses(answer.bytes) == [301])
        #expect(answer.closed)
        #expect(server.waitForExit(seconds: 6) == 0)
        #expect(Date().timeIntervalSince(stopped) < 5)
    }

    @Test func sigtermWithAnAnswerNeverFinishedExitsWithinTheGrace() throws {
        let server = try ServerProcess.start(Set(Listener.allCases))
        defer { server.stop(grace: 0) }
        let stuck = try SocketConnection(server.endpoint(.http))
        try stuck.send("GET / HTTP/1.1\r\n")
        usleep(100_000)
        let stopped = Date()
        server.send(signal: SIGTERM)
        #expect(server.waitForExit(seconds: 8) == 0)
        let took = Date().timeIntervalSince(stopped)
        #expect(took > 4 && took < 6.5)
        #expect(access(server.directory.file("onion.sock"), F_OK) != 0)
    }

    @Test func aStaleSocketFromAKilledServerIsReplaced() throws {
        let first = try ServerProcess.start(Set(Listener.allCases))
        let onionPath = first.directory.file("onion.sock")
        #expect(first.stop(grace: 0) == nil)
        var status = stat()
        #expect(lstat(onionPath, &status) == 0 && status.st_mode & S_IFMT == S_IFSOCK)

        let second = try ServerProcess.start(Set(Listener.allCases), directory: first.directory)
        defer { second.stop(grace: 0) }
        let client = try SocketConnection(second.endpoint(.onion))
        try client.send(MalformedRequest.follower)
        #expect(HTTPResponse.statuses(try client.readToEnd().bytes) == [200])
    }

    @Test(arguments: ["regular file", "symbolic link"])
    func anythingButASocketAtTheOnionPathIsRefused(kind: String) throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("onion.sock")
        let target = try folder.write("keep me", to: "precious")
        if kind == "regular file" {
            try folder.write("keep me", to: "onion.sock")
        } else {
            #expect(symlink(target, path) == 0)
        }

        let refused = try #require(throws: HarnessError.self) {
            try ServerProcess.start(Set(Listener.allCases), directory: folder)
        }
        guard case .serverExited(let exitStatus, let standardError) = refused else {
            Issue.record("started or timed out: \(refused)")
            return
        }
        #expect(exitStatus != 0)
        #expect(standardError.contains("\(path): exists and is not a socket"))
        var status = stat()
        #expect(lstat(path, &status) == 0)
        #expect(status.st_mode & S_IFMT == (kind == "regular file" ? S_IFREG : S_IFLNK))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
    }
}
