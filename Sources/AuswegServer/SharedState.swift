import AuswegHTTP
import Synchronization

/// What every loop reads: the current TLS context, which SIGHUP may swap,
/// and the count of open connections across all loops.
final class SharedState: Sendable {
    let responder: any Responder
    let limits: RequestLimits
    let timeouts: ConnectionTimeouts
    let maxConnections: Int
    private let context: Mutex<TLSContext?>
    private let openConnections = Atomic<Int>(0)

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
}
