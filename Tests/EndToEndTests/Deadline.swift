import Foundation

/// A point in time a wait gives up at; every wait in this suite has one.
struct Deadline {
    static let pollInterval: useconds_t = 10_000

    let end: ContinuousClock.Instant

    init(seconds: Double) {
        end = .now + .milliseconds(Int(seconds * 1000))
    }

    var hasPassed: Bool {
        ContinuousClock.now >= end
    }

    /// Milliseconds left, at least zero; for `poll(2)`.
    var remainingMilliseconds: Int32 {
        let left = end - .now
        let (seconds, attoseconds) = left.components
        return Int32(max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
    }

    /// Checks `condition` every few milliseconds until it holds; false when
    /// the deadline passes first.
    static func wait(seconds: Double, until condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Deadline(seconds: seconds)
        while true {
            if try condition() { return true }
            if deadline.hasPassed { return false }
            usleep(pollInterval)
        }
    }
}
