import Glibc

/// The signals the server acts on, taken synchronously by the main thread.
///
/// `blockAll` must run before any loop thread starts, so every thread
/// inherits the mask and only `next` ever sees these signals.
public enum ProcessSignals {
    public enum Received: Sendable {
        case reload
        case stop
    }

    public static func blockAll() {
        signal(SIGPIPE, SIG_IGN)
        var set = handled
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Waits for SIGHUP (reload) or SIGTERM / SIGINT (stop).
    public static func next() -> Received {
        var set = handled
        while true {
            var number: Int32 = 0
            guard sigwait(&set, &number) == 0 else { continue }
            return number == SIGHUP ? .reload : .stop
        }
    }

    private static var handled: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGHUP)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        return set
    }
}
