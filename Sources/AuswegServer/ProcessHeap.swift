import CSystem

/// glibc's heap, tuned for a server that builds everything at start-up and
/// then allocates little.
public enum ProcessHeap {
    /// Lets every thread share one malloc arena. glibc gives each loop
    /// thread its own, which keeps its own free pages resident; the loops
    /// allocate only OpenSSL's per-connection state, so sharing costs
    /// them little. Call it before any thread starts.
    public static func shareOneArena() {
        _ = mallopt(M_ARENA_MAX, 1)
    }

    /// Hands free pages back to the system, so they no longer count as
    /// resident: those start-up used (rendering, gzip), and those of TLS
    /// buffers freed when connections went idle. It walks the free memory
    /// of the one arena, holding its lock meanwhile.
    public static func releaseFreePages() {
        _ = malloc_trim(0)
    }
}
