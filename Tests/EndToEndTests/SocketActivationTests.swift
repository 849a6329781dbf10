import Foundation
import Testing

/// The real binary started as systemd starts it from `ausweg.socket`: a
/// stand-in for systemd opens a TCP socket on 127.0.0.1, puts it at
/// descriptor 3, sets LISTEN_PID, LISTEN_FDS and LISTEN_FDNAMES and execs
/// the server, which keeps the process id.
@Suite(.timeLimit(.minutes(1)))
struct SocketActivationTests {
    /// Arguments: whether to listen, the socket's name, the file to write
    /// its port to, then the command to exec.
    static let standIn = """
        import os, socket, sys
        listening, name, port_file = sys.argv[1:4]
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind(("127.0.0.1", 0))
        if listening == "yes":
            s.listen(16)
        with open(port_file, "w") as f:
            f.write(str(s.getsockname()[1]))
        os.dup2(s.fileno(), 3)
        os.set_inheritable(3, True)
        os.environ.update(LISTEN_PID=str(os.getpid()), LISTEN_FDS="1", LISTEN_FDNAMES=name)
        os.execv(sys.argv[4], sys.argv[4:])
        """

    private func launcher(listening: Bool, name: String, portFile: String) throws -> [String] {
        [
            try Command.locate("python3"), "-c", Self.standIn, listening ? "yes" : "no", name,
            portFile,
        ]
    }

    /// What the server printed on standard error before it exited, and
    /// its status; nil when it started.
    private func failedStart(
        _ listeners: Set<Listener>, name: String, listening: Bool
    ) throws -> (status: Int32, message: String)? {
        let files = try TemporaryDirectory()
        let launcher = try launcher(listening: listening, name: name, portFile: files.file("port"))
        do {
            let server = try ServerProcess.start(listeners, launcher: launcher)
            server.stop()
            return nil
        } catch HarnessError.serverExited(let status, let standardError) {
            return (status, standardError)
        }
    }

    @Test func servesPagesOverTheSocketPassedAsDescriptorThree() throws {
        let files = try TemporaryDirectory()
        let launcher = try launcher(listening: true, name: "https", portFile: files.file("port"))
        let server = try ServerProcess.start([.https], launcher: launcher)
        defer { server.stop() }

        let passedPort = Int(files.read("port"))
        #expect(try server.port(.https) == passedPort)
        let response = try Curl(server: server).fetch("/")
        #expect(response.status == 200)
        #expect(response.value("Cache-Control") == "no-store")
        #expect(server.outputAfterStartup == "")
    }

    /// As under the unit's PrivateNetwork=yes: the server runs in a network
    /// namespace of its own (a new user namespace lets an ordinary user
    /// make one), where no port of the host can be bound, and still serves
    /// over the socket passed in from the host's namespace.
    @Test func servesWithoutANetworkOfItsOwn() throws {
        let files = try TemporaryDirectory()
        let launcher =
            try launcher(listening: true, name: "https", portFile: files.file("port"))
            + [try Command.locate("unshare"), "--map-root-user", "--net"]
        let server = try ServerProcess.start([.https], launcher: launcher)
        defer { server.stop() }

        #expect(try server.port(.https) == Int(files.read("port")))
        #expect(try Curl(server: server).fetch("/").status == 200)
    }

    @Test func aPassedSocketThatDoesNotListenStopsStartUp() throws {
        let failure = try #require(try failedStart([.https], name: "https", listening: false))
        #expect(failure.status == 1)
        #expect(failure.message == "ausweg: fd 3 (https): not a listening stream socket\n")
    }

    @Test func aPassedSocketNoSettingAsksForStopsStartUp() throws {
        let failure = try #require(try failedStart([.https], name: "http", listening: true))
        #expect(failure.status == 2)
        #expect(
            failure.message
                == "ausweg: socket activation passed a socket named http, but HTTPPort is off\n")
    }

    @Test func aPassedSocketWithAnUnknownNameStopsStartUp() throws {
        let failure = try #require(
            try failedStart([.https], name: "ausweg.socket", listening: true))
        #expect(failure.status == 1)
        #expect(
            failure.message
                == "ausweg: socket activation: fd 3 is named \"ausweg.socket\";"
                + " the names are https, http and onion\n")
    }
}
