import AuswegHTTP
import AuswegServer
import Foundation
import Glibc
import TestSupport
import Testing

/// The onion socket: created safely, reachable by tor's group.
@Suite struct ListenerTests {
    private let scratch: ScratchFolder

    init() throws {
        scratch = try ScratchFolder("listener")
    }

    private var folder: String { scratch.path }

    private func status(_ path: String) -> stat? {
        var result = stat()
        return lstat(path, &result) == 0 ? result : nil
    }

    /// The file type bits, e.g. `S_IFSOCK`; nil when nothing is there.
    private func kind(_ path: String) -> mode_t? {
        status(path).map { $0.st_mode & S_IFMT }
    }

    private func isNotASocket(_ error: ListenerError) -> Bool {
        if case .notASocket = error { return true }
        return false
    }

    /// A socket file whose process is gone, as a killed server leaves it.
    private func leaveStaleSocket(_ path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        close(fd)
        try #require(bound == 0)
    }

    @Test func socketIsMode0660AndGoneWithTheListener() throws {
        let path = folder + "/onion.sock"
        var listener: Listener? = try Listener(kind: .onion, socketPath: path)
        let found = try #require(status(path))
        #expect(found.st_mode & S_IFMT == S_IFSOCK)
        #expect(found.st_mode & 0o777 == 0o660)
        #expect(listener?.name == path)
        listener = nil
        #expect(status(path) == nil)
    }

    @Test func staleSocketIsReplaced() throws {
        let path = folder + "/onion.sock"
        try leaveStaleSocket(path)
        let listener = try Listener(kind: .onion, socketPath: path)
        #expect(kind(path) == S_IFSOCK)
        _ = listener
    }

    @Test func socketOfARunningServerIsNotTaken() throws {
        let path = folder + "/onion.sock"
        let running = try Listener(kind: .onion, socketPath: path)
        #expect {
            try Listener(kind: .onion, socketPath: path)
        } throws: { error in
            "\(error)" == "\(path): another process is listening on it"
        }
        _ = running
    }

    @Test func regularFileIsRefusedAndKept() throws {
        let path = folder + "/onion.sock"
        try "keep me".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: ListenerError.self) { try Listener(kind: .onion, socketPath: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }

    @Test func directoryIsRefused() throws {
        let path = folder + "/onion.sock"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        #expect {
            try Listener(kind: .onion, socketPath: path)
        } throws: { error in
            (error as? ListenerError).map(isNotASocket) ?? false
        }
        #expect(kind(path) == S_IFDIR)
    }

    @Test func symlinkIsRefusedEvenToAStaleSocket() throws {
        let target = folder + "/elsewhere.sock"
        try leaveStaleSocket(target)
        for (link, destination) in [("link.sock", target), ("dangling.sock", folder + "/none")] {
            let path = folder + "/" + link
            try #require(symlink(destination, path) == 0)
            #expect {
                try Listener(kind: .onion, socketPath: path)
            } throws: { error in
                "\(error)" == "\(path): exists and is not a socket"
            }
            #expect(kind(path) == S_IFLNK)
        }
        #expect(kind(target) == S_IFSOCK)
    }

    @Test func socketTakesTheGroupTorConnectsWith() throws {
        let path = folder + "/onion.sock"
        // Any group when root; our own primary group otherwise.
        let group: gid_t = getuid() == 0 ? 1 : getgid()
        let listener = try Listener(kind: .onion, socketPath: path, group: group)
        #expect(status(path)?.st_gid == group)
        #expect(status(path).map { $0.st_mode & 0o777 } == 0o660)
        _ = listener
    }
}
