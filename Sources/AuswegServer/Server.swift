import AuswegHTTP
import Glibc

/// Runs one event loop per thread over the same listeners.
public final class Server: Sendable {
    private let shared: SharedState
    private let listeners: [Listener]

    /// - Parameter context: the TLS context for `.https` listeners; nil only
    ///   when there are none.
    public init(
        listeners: [Listener], responder: any Responder, context: TLSContext?,
        limits: RequestLimits = .standard, timeouts: ConnectionTimeouts = .standard,
        maxConnections: Int
    ) {
        precondition(context != nil || !listeners.contains { $0.kind == .https })
        self.listeners = listeners
        shared = SharedState(
            responder: responder, context: context, limits: limits, timeouts: timeouts,
            maxConnections: maxConnections)
    }

    /// Starts `threads` loops and returns; they run until the process ends.
    /// Call it once.
    public func start(threads: Int) throws(ServerError) {
        for _ in 0..<max(1, threads) {
            let loop = try EventLoop(listeners: listeners, shared: shared)
            try spawn(loop)
            shared.loopStarted()
        }
    }

    /// New connections use `context` from now on; open ones keep theirs.
    public func replaceTLSContext(_ context: TLSContext) {
        shared.replaceContext(context)
    }

    /// Stops gracefully: no loop accepts any more, the listeners close (the
    /// onion socket file goes), idle connections close, and answers in
    /// flight may finish for at most `graceMilliseconds`.
    /// - Returns: true when every connection finished within the bound.
    public func stop(graceMilliseconds: Int) -> Bool {
        let deadline = MonotonicClock.now() + UInt64(max(0, graceMilliseconds))
        shared.beginStop()
        // Each loop wakes within its sweep interval; only once none can call
        // accept on them may the listeners' descriptors be closed and reused.
        while !shared.allLoopsStoppedAccepting, MonotonicClock.now() < deadline {
            usleep(5_000)
        }
        if shared.allLoopsStoppedAccepting {
            for listener in listeners { listener.stopListening() }
        }
        while !shared.allLoopsEmpty, MonotonicClock.now() < deadline {
            usleep(5_000)
        }
        return shared.allLoopsEmpty
    }

    private func spawn(_ loop: EventLoop) throws(ServerError) {
        var thread = pthread_t()
        let retained = Unmanaged.passRetained(loop).toOpaque()
        let result = pthread_create(&thread, nil, runLoop, retained)
        guard result == 0 else {
            Unmanaged<EventLoop>.fromOpaque(retained).release()
            throw .system("pthread_create", result)
        }
        pthread_detach(thread)
    }
}

/// A thread's entry point; a plain function so it captures nothing and is
/// isolated to no actor.
private func runLoop(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let argument else { return nil }
    Unmanaged<EventLoop>.fromOpaque(argument).takeRetainedValue().run()
}
