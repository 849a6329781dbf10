import AuswegHTTP
import CSystem
import Glibc

/// One thread's epoll loop: accepts on every listener (the kernel wakes one
/// loop per connection), drives its connections, drops the late ones.
///
/// No thread per connection and no blocking call: a slow client only ever
/// costs its own deadline.
final class EventLoop: @unchecked Sendable {
    // @unchecked: built on the main thread, then used by its own thread only.
    static let maxEvents: Int32 = 256
    static let acceptsPerWake = 64
    /// How often deadlines are checked, in milliseconds.
    static let sweepInterval: UInt64 = 250
    /// How long the listeners rest after accept ran out of descriptors, in
    /// milliseconds, unless a connection of this loop closes sooner.
    static let acceptPause: UInt64 = 250
    /// Request bytes are read into it, and answers copied from it into
    /// OpenSSL: 16 KiB is a TLS record's most plaintext.
    static let scratchSize = 16 * 1024
    /// Events after which a connection must read again: bytes, or an end.
    static let readableEvents =
        EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue

    private let epoll: Int32
    private let listeners: [Listener]
    private let shared: SharedState
    /// Connections indexed by file descriptor, which the kernel keeps small.
    private var connections: [Connection?] = []
    private var yielded: [Int32] = []
    private var acceptsConnections = true
    /// False while the listeners are out of the epoll set after accept ran
    /// out of descriptors: a listener with a full backlog stays readable,
    /// and polling it then would spin.
    private var listening = true
    private var resumeListeningAt: UInt64 = 0
    private var openHere = 0
    private var reportedEmpty = false
    private let scratch: UnsafeMutableRawBufferPointer

    init(listeners: [Listener], shared: SharedState) throws(ServerError) {
        let epoll = csystem_epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epoll >= 0 else { throw .system("epoll_create1", errno) }
        for listener in listeners {
            let events = EPOLLIN.rawValue | EPOLLEXCLUSIVE.rawValue
            guard
                csystem_epoll_ctl(
                    epoll, EPOLL_CTL_ADD, listener.fileDescriptor, events,
                    UInt64(listener.fileDescriptor)) == 0
            else {
                close(epoll)
                throw .system("epoll_ctl", errno)
            }
        }
        self.epoll = epoll
        self.listeners = listeners
        self.shared = shared
        scratch = .allocate(byteCount: Self.scratchSize, alignment: 16)
    }

    deinit {
        scratch.deallocate()
        close(epoll)
    }

    func run() -> Never {
        var data = [UInt64](repeating: 0, count: Int(Self.maxEvents))
        var flags = [UInt32](repeating: 0, count: Int(Self.maxEvents))
        var nextSweep = MonotonicClock.now() + Self.sweepInterval
        while true {
            let timeout = yielded.isEmpty ? Int32(Self.sweepInterval) : 0
            let count = csystem_epoll_wait(epoll, &data, &flags, Self.maxEvents, timeout)
            let now = MonotonicClock.now()
            for index in 0..<max(0, Int(count)) {
                let fd = Int32(truncatingIfNeeded: data[index])
                if let listener = listeners.first(where: { $0.fileDescriptor == fd }) {
                    if acceptsConnections { acceptAll(on: listener, now: now) }
                } else {
                    drive(fd, now: now, readable: flags[index] & Self.readableEvents != 0)
                }
            }
            let again = yielded
            yielded.removeAll(keepingCapacity: true)
            for fd in again { drive(fd, now: now, readable: false) }
            if now >= nextSweep {
                sweep(now: now)
                nextSweep = now + Self.sweepInterval
            }
            if !listening, acceptsConnections, now >= resumeListeningAt { setListening(true) }
            if shared.isStopping { stopStep() }
        }
    }

    /// One step of a graceful stop: leave the listeners once, close idle
    /// connections, and report when none is left. Connections busy with an
    /// answer go on until done or late; `Server.stop` bounds the wait.
    private func stopStep() {
        if acceptsConnections {
            acceptsConnections = false
            if listening { setListening(false) }
            shared.loopStoppedAccepting()
        }
        guard !reportedEmpty else { return }
        for index in connections.indices {
            if let connection = connections[index], connection.isIdle { remove(at: index) }
        }
        if openHere == 0 {
            reportedEmpty = true
            shared.loopEmptied()
        }
    }

    private func acceptAll(on listener: Listener, now: UInt64) {
        for _ in 0..<Self.acceptsPerWake {
            let fd = csystem_accept4(
                listener.fileDescriptor, nil, nil,
                Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
            guard fd >= 0 else {
                let code = errno
                if code == ECONNABORTED { continue }
                if Self.isOutOfDescriptors(code) { pauseListening(now: now) }
                return
            }
            guard shared.admitConnection() || (evictWaitingConnection() && shared.admitConnection())
            else {
                close(fd)
                continue
            }
            guard let connection = makeConnection(fd, listener: listener, now: now) else {
                shared.releaseConnection()
                continue
            }
            let events =
                EPOLLIN.rawValue | EPOLLOUT.rawValue | EPOLLRDHUP.rawValue | EPOLLET.rawValue
            guard csystem_epoll_ctl(epoll, EPOLL_CTL_ADD, fd, events, UInt64(fd)) == 0 else {
                shared.releaseConnection()
                continue
            }
            store(connection, at: fd)
            drive(fd, now: now, readable: true)
        }
    }

    /// Makes room for a newcomer when every place is taken: closes the
    /// connection of this loop that waits for its peer (TLS handshake,
    /// request head, or idle keep-alive) and is nearest its deadline, as
    /// it would be closed soonest anyway. Without this, one client holding
    /// every place with silent connections would lock everyone out.
    /// Answers being written are never cut. False when none waits here.
    private func evictWaitingConnection() -> Bool {
        var chosen: Int?
        var earliest = UInt64.max
        for index in connections.indices {
            guard let connection = connections[index],
                connection.state == .handshaking || connection.state == .reading,
                connection.deadline < earliest
            else { continue }
            chosen = index
            earliest = connection.deadline
        }
        guard let chosen else { return false }
        remove(at: chosen)
        return true
    }

    private static func isOutOfDescriptors(_ code: Int32) -> Bool {
        code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM
    }

    /// Rests the listeners until a connection here closes or the pause
    /// ends; the backlog keeps the waiting clients meanwhile.
    private func pauseListening(now: UInt64) {
        guard listening else { return }
        setListening(false)
        resumeListeningAt = now + Self.acceptPause
    }

    private func setListening(_ on: Bool) {
        for listener in listeners {
            _ = csystem_epoll_ctl(
                epoll, on ? EPOLL_CTL_ADD : EPOLL_CTL_DEL, listener.fileDescriptor,
                EPOLLIN.rawValue | EPOLLEXCLUSIVE.rawValue, UInt64(listener.fileDescriptor))
        }
        listening = on
    }

    private func makeConnection(_ fd: Int32, listener: Listener, now: UInt64) -> Connection? {
        if listener.isTCP {
            var one: Int32 = 1
            setsockopt(
                fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        }
        let transport: Transport
        if listener.kind == .https {
            guard let context = shared.tlsContext,
                let tls = TLSTransport(takingOwnershipOf: fd, context: context)
            else {
                close(fd)
                return nil
            }
            transport = tls
        } else {
            transport = PlainTransport(takingOwnershipOf: fd)
        }
        return Connection(
            transport: transport, listener: listener.kind, secure: listener.kind == .https,
            responder: shared.responder, limits: shared.limits, timeouts: shared.timeouts,
            now: now)
    }

    private func store(_ connection: Connection, at fd: Int32) {
        let index = Int(fd)
        if index >= connections.count {
            connections.append(
                contentsOf: repeatElement(nil, count: index + 1 - connections.count))
        }
        connections[index] = connection
        openHere += 1
    }

    private func drive(_ fd: Int32, now: UInt64, readable: Bool) {
        let index = Int(fd)
        guard index < connections.count, let connection = connections[index] else { return }
        switch connection.drive(now: now, scratch: scratch, readable: readable) {
        case .waiting: break
        case .yielded: yielded.append(fd)
        case .finished: remove(at: index)
        }
    }

    private func remove(at index: Int) {
        // Freeing the connection closes its socket, which also leaves epoll.
        connections[index] = nil
        openHere -= 1
        shared.releaseConnection()
        // A descriptor is free again: accept may succeed now.
        resumeListeningAt = 0
    }

    /// Closes late connections and frees the TLS buffers of idle ones, which
    /// keep them between requests while busy.
    private func sweep(now: UInt64) {
        var freedBuffers = false
        for index in connections.indices {
            guard let connection = connections[index] else { continue }
            if connection.deadline <= now {
                remove(at: index)
            } else if connection.isIdle, connection.transport.releaseIdleBuffers() {
                freedBuffers = true
            }
        }
        // The freed record buffers (some 33 KiB a connection) lie between
        // the small allocations that idle connections keep, where glibc never
        // returns pages by itself: 1,000 idle connections after a load kept
        // 36.8 MB resident without this, 32.6 MB with it (make bench's rounds).
        if freedBuffers { ProcessHeap.releaseFreePages() }
    }
}
