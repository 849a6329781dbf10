import AuswegHTTP
import AuswegServer
import AuswegSite
import Glibc

/// Start-up, step by step: refuse core dumps, load the site, load or make
/// the certificate, take over or bind the listeners, drop root, serve, then
/// wait for signals. Every failure before serving ends the process with one
/// line on standard error.
public struct Startup {
    let configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Checks everything `serve` would, without binding: `check-config`.
    public func check() -> Never {
        checkTorConfig()
        _ = loadSite()
        if configuration.https != nil { _ = loadContext(certificatePaths()) }
        Console.say("configuration OK")
        exit(0)
    }

    public func serve() -> Never {
        refuseCoreDumps()
        ProcessHeap.shareOneArena()
        checkTorConfig()
        let (table, unreviewed, audioNote) = loadSite()
        let paths = configuration.https == nil ? nil : certificatePaths()
        let context = paths.map { loadContext($0) }
        ProcessHeap.releaseFreePages()
        let loops = workerCount()
        let maxConnections = connectionCap(loops: loops)
        let listeners = openListeners()
        dropPrivileges(socketPaths: listeners.compactMap(\.socketPath))
        ProcessSignals.blockAll()
        let server = Server(
            listeners: listeners, responder: table, context: context,
            timeouts: configuration.timeouts, maxConnections: maxConnections)
        do {
            try server.start(threads: loops)
        } catch {
            Console.fatal(error.description, status: 1)
        }
        if let audioNote { Console.say("ausweg: \(audioNote)") }
        if !unreviewed.isEmpty {
            Console.say("ausweg: not yet reviewed by native speakers: \(unreviewed)")
        }
        for listener in listeners {
            Console.say("ausweg: \(Self.label(listener.kind)) on \(listener.name)")
        }
        waitForSignals(server, paths)
    }

    private func loadSite() -> (table: ResponseTable, unreviewed: String, audioNote: String?) {
        do {
            let content = try SiteContent.load(from: configuration.contentDirectory)
            let unreviewed = content.translations.filter { !$0.reviewed }.map(\.code)
            var settings = configuration.site
            settings.onionAddress = try loadOnionAddress()
            let (audio, audioNote) = try loadAudio(content)
            let table = try ResponseTable.build(
                content: content, settings: settings, audio: audio, listeners: listenerKinds)
            return (table, unreviewed.joined(separator: " "), audioNote)
        } catch {
            Console.fatal(error.description)
        }
    }

    /// The kinds of listener the configuration asks for, the only ones
    /// whose responses are built.
    private var listenerKinds: [ListenerKind] {
        let configured: [(ListenerKind, Bool)] = [
            (.https, configuration.https != nil),
            (.redirect, configuration.redirect != nil),
            (.onion, configuration.onionSocket != nil),
        ]
        return configured.filter(\.1).map(\.0)
    }

    /// The address from tor's `hostname` file. A file tor has not written
    /// yet (its first start) leaves Onion-Location off and says so; a
    /// malformed one stops start-up.
    private func loadOnionAddress() throws(ContentError) -> OnionAddress? {
        guard let path = configuration.onionHostnameFile else { return nil }
        guard access(path, R_OK) == 0 else {
            let reason = String(cString: strerror(errno))
            Console.warn("\(path): \(reason); serving without the onion address")
            return nil
        }
        return try OnionAddress(hostnameFileText: try KeyValueFile.read(path), file: path)
    }

    private func checkTorConfig() {
        guard let path = configuration.torConfigFile, let socket = configuration.onionSocket
        else { return }
        do {
            try TorConfigCheck(
                path: path, onionSocket: socket, onionOnly: configuration.isOnionOnly
            ).run()
        } catch {
            Console.fatal(error.description)
        }
    }

    private func certificatePaths() -> (certificate: String, key: String) {
        if let certificate = configuration.certificateFile,
            let key = configuration.certificateKeyFile
        {
            return (certificate, key)
        }
        do {
            return try SelfSignedCertificate.ensure(in: configuration.stateDirectory)
        } catch {
            Console.fatal(error.description)
        }
    }

    private func loadContext(_ paths: (certificate: String, key: String)) -> TLSContext {
        do {
            return try TLSContext(certificateChainFile: paths.certificate, keyFile: paths.key)
        } catch {
            Console.fatal(error.description)
        }
    }

    private func refuseCoreDumps() {
        do {
            try ProcessPrivileges.refuseCoreDumps()
        } catch {
            Console.fatal(error.description, status: 1)
        }
    }

    /// Without `User` the process keeps the user it was started as (systemd
    /// starts it as the service user); with it, serving as root is refused.
    private func dropPrivileges(socketPaths: [String]) {
        guard let user = configuration.user else { return }
        do {
            try ProcessPrivileges.drop(to: user, socketPaths: socketPaths)
        } catch {
            Console.fatal(error.description, status: 1)
        }
        refuseCoreDumps()
    }

    /// SIGHUP swaps in a freshly loaded certificate only if it loads and
    /// matches its key; otherwise the old one stays and one line says why.
    private func waitForSignals(_ server: Server, _ paths: (certificate: String, key: String)?)
        -> Never
    {
        while true {
            switch ProcessSignals.next() {
            case .stop:
                // Answers in flight get a bounded grace; whatever is still
                // open then is cut off by the exit.
                _ = server.stop(graceMilliseconds: Self.stopGrace)
                exit(0)
            case .reload:
                guard let paths else { continue }
                do {
                    server.replaceTLSContext(
                        try TLSContext(certificateChainFile: paths.certificate, keyFile: paths.key))
                } catch {
                    Console.warn("reload failed, keeping the old certificate: \(error)")
                }
            }
        }
    }

    private func workerCount() -> Int {
        configuration.workers > 0
            ? configuration.workers : max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// MaxConnections, lowered (and said so) when the open-file limit has
    /// no room for that many: past it, accept would fail at random moments.
    private func connectionCap(loops: Int) -> Int {
        let limit = FileLimit.raise()
        let room = FileLimit.connectionRoom(limit: limit, loops: loops)
        guard room > 0 else {
            Console.fatal("the open-file limit \(limit) leaves no room for connections", status: 1)
        }
        guard room < configuration.maxConnections else { return configuration.maxConnections }
        Console.say(
            "ausweg: MaxConnections lowered from \(configuration.maxConnections) to \(room):"
                + " the open-file limit is \(limit)")
        return room
    }

    /// How long SIGTERM waits for answers in flight, in milliseconds.
    static let stopGrace = 5_000

    static func label(_ kind: ListenerKind) -> String {
        switch kind {
        case .https: "https"
        case .redirect: "http redirect"
        case .onion: "onion"
        }
    }
}
