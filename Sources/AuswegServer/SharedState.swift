import AuswegHTTP
import Synchronization

/// What every loop reads: the current TLS context, which SIGHUP may swap,
/// the count of open connections across all loops, and how far a stop has
/// got.
final class SharedState: Sendable {
    let responder: any Responder
    let limits: RequestLimits
    let timeouts: ConnectionTimeouts
    let maxConnections: Int
    private let context: Mutex<TLSContext?>
    private let openConnections = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let loopsStarted = Atomic<Int>(0)
    private let loopsDeaf = Atomic<Int>(0)
    private let loopsEmpty = Atomic<Int>(0)

    init(
        responder: any Responder, context: TLSContext?, limits: RequestLimits,
        timeouts: ConnectionTimeouts, maxConnections: Int
    ) {
        self.responder = responder
        self.context = Mutex(context)
        self.limits = limits
        self.timeouts = timeouts
        self.maxConnections = maxConnections
    }

    var tlsContext: TLSContext? { context.withLock { $0 } }

    func replaceContext(_ new: TLSContext) {
        context.withLock { $0 = new }
    }

    /// Reserves a place for a new connection; false when the cap is reached.
    func admitConnection() -> Bool {
        let count = openConnections.wrappingAdd(1, ordering: .relaxed).newValue
        if count <= maxConnections { return true }
        openConnections.wrappingSubtract(1, ordering: .relaxed)
        return false
    }

    func releaseConnection() {
        openConnections.wrappingSubtract(1, ordering: .relaxed)
    }

    /// The number of open connections across all loops.
    var connectionCount: Int { openConnections.load(ordering: .relaxed) }

    func loopStarted() { loopsStarted.wrappingAdd(1, ordering: .relaxed) }

    /// Asks every loop to stop accepting and to close its idle connections.
    func beginStop() { stopping.store(true, ordering: .releasing) }

    var isStopping: Bool { stopping.load(ordering: .acquiring) }

    /// A loop has taken the listeners out of its epoll set: it will never
    /// call accept again, so the listeners may be closed once all have.
    func loopStoppedAccepting() { loopsDeaf.wrappingAdd(1, ordering: .releasing) }

    /// A stopping loop has no connection left.
    func loopEmptied() { loopsEmpty.wrappingAdd(1, ordering: .releasing) }

    var allLoopsStoppedAccepting: Bool {
        loopsDeaf.load(ordering: .acquiring) == loopsStarted.load(ordering: .relaxed)
    }

    var allLoopsEmpty: Bool {
        loopsEmpty.load(ordering: .acquiring) == loopsStarted.load(ordering: .relaxed)
    }
}
