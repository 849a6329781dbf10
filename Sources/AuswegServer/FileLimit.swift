import Glibc

/// The process's open-file limit, which bounds how many connections can be
/// open at once: each holds one descriptor.
public enum FileLimit {
    /// Descriptors kept for everything but connections: the standard
    /// streams, the listeners, each loop's epoll, the certificate files a
    /// reload reads, and the one accept takes before the cap is checked.
    static let reserve = 32

    /// Raises the soft limit to the hard one (the soft one is often far
    /// lower) and returns the soft limit now in force.
    public static func raise() -> Int {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return 0 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }

    /// How many connections `limit` descriptors leave room for with
    /// `loops` event loops; zero or less means none.
    public static func connectionRoom(limit: Int, loops: Int) -> Int {
        limit - reserve - loops
    }

    private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
}
