import AuswegHTTP
import Glibc

/// One client connection: handshake, read a head, write the ready answer,
/// repeat; then linger and close.
///
/// `drive` runs the state machine until the transport would block, so it
/// works with edge-triggered epoll. It holds no request data beyond the
/// unanswered bytes in its `RequestBuffer`, which zeroes each head once it
/// is answered, and nothing survives the connection.
final class Connection {
    enum State: Equatable {
        case handshaking
        case reading
        case writing
        case draining
    }

    /// What `drive` left the connection waiting for.
    enum Progress: Equatable {
        /// Blocked on the peer; epoll will wake it.
        case waiting
        /// Served its share of pipelined requests; drive again soon.
        case yielded
        /// Done or broken; close it.
        case finished
    }

    /// Pipelined requests served in one turn, so one client cannot starve
    /// the others on its loop.
    static let requestsPerTurn = 16
    /// Bytes a lingering connection may still send before it is cut off.
    static let drainLimit = 64 * 1024

    let transport: Transport
    let listener: ListenerKind
    private(set) var state: State
    /// Monotonic milliseconds after which the connection is dropped.
    private(set) var deadline: UInt64

    private let responder: any Responder
    private let limits: RequestLimits
    private let timeouts: ConnectionTimeouts
    private let input: RequestBuffer
    private var reply: Reply?
    private var written = 0
    private var drained = 0
    /// A read emptied the socket and the transport, and epoll has reported
    /// nothing to read since: another read would find nothing (about one
    /// wasted system call per request, strace). Epoll's edge trigger fires
    /// for every byte that arrives after that read, so waiting is safe;
    /// wake-ups that only report room to write (the peer's acknowledgements)
    /// do not end it.
    private var awaitsNewBytes = false

    init(
        transport: Transport, listener: ListenerKind, secure: Bool, responder: any Responder,
        limits: RequestLimits, timeouts: ConnectionTimeouts, now: UInt64
    ) {
        self.transport = transport
        self.listener = listener
        self.responder = responder
        self.limits = limits
        self.timeouts = timeouts
        input = RequestBuffer(capacity: limits.requestLine + 2 + limits.headerBlock + 2)
        state = secure ? .handshaking : .reading
        deadline = now + UInt64(secure ? timeouts.handshake : timeouts.header)
    }

    /// Where the request bytes live, for tests: it never changes once set.
    var inputAddress: UnsafeRawPointer? { input.address }

    /// Waiting for a request that has not begun (or still in the TLS
    /// handshake): closing it now loses no answer. A stop closes these.
    var isIdle: Bool {
        state == .handshaking || (state == .reading && input.isEmpty)
    }

    /// Every byte the request buffer ever held, for tests of the wiping.
    var inputWritten: [UInt8] { input.writtenRegion }

    private func wipe(_ buffer: UnsafeMutableRawBufferPointer, _ count: Int) {
        if let start = buffer.baseAddress { explicit_bzero(start, count) }
    }

    /// Runs the connection until it waits, yields or is done. `readable`
    /// says epoll reported bytes (or an error or hang-up) since the last
    /// turn; the first turn and tests assume it.
    func drive(
        now: UInt64, scratch: UnsafeMutableRawBufferPointer, readable: Bool = true
    ) -> Progress {
        if readable { awaitsNewBytes = false }
        var served = 0
        while true {
            switch state {
            case .handshaking:
                switch transport.handshake() {
                case .done:
                    state = .reading
                    deadline = now + UInt64(timeouts.header)
                case .wouldBlock: return .waiting
                case .closed, .failed: return .finished
                }
            case .reading:
                if served == Self.requestsPerTurn { return .yielded }
                if let next = nextReply() {
                    start(next, now: now)
                    served += 1
                    continue
                }
                if awaitsNewBytes { return .waiting }
                let step =
                    input.isEmpty
                    ? readHead(into: scratch, now: now) : input.receive(from: transport)
                switch step {
                case .done:
                    awaitsNewBytes = transport.lastReadDrained
                    if state == .writing { served += 1 }
                case .wouldBlock: return .waiting
                case .closed, .failed: return .finished
                }
            case .writing:
                if let progress = writeSome(now: now, scratch: scratch) { return progress }
            case .draining:
                switch transport.discard(into: scratch) {
                case .done(let count):
                    wipe(scratch, count)
                    drained += count
                    if drained > Self.drainLimit { return .finished }
                case .wouldBlock: return .waiting
                case .closed, .failed: return .finished
                }
            }
        }
    }

    /// Parses the buffered bytes; a complete or refused head yields its
    /// reply, and its bytes are zeroed. A refusal zeroes everything.
    private func nextReply() -> Reply? {
        guard !input.isEmpty, let (next, consumed) = reply(toHeadAtStartOf: input.bytes) else {
            return nil
        }
        input.consume(consumed)
        return next
    }

    /// Reads into the loop's scratch memory while nothing is buffered, the
    /// usual case, and answers a head that arrived whole right there: only
    /// what is left (a partial head, or one pipelined behind) is copied into
    /// the connection's buffer, which an idle connection thus never takes.
    /// The scratch bytes are zeroed before this returns.
    private func readHead(into scratch: UnsafeMutableRawBufferPointer, now: UInt64) -> IOStep {
        let room = UnsafeMutableRawBufferPointer(
            rebasing: scratch[..<min(scratch.count, input.capacity)])
        let step = transport.read(into: room)
        guard case .done(let count) = step else { return step }
        defer { wipe(room, count) }

        deadline = now + UInt64(timeouts.header)
        let received = UnsafeRawBufferPointer(rebasing: room[..<count])
        var rest = received
        if let (next, consumed) = reply(toHeadAtStartOf: received) {
            start(next, now: now)
            rest = UnsafeRawBufferPointer(rebasing: received[consumed...])
        }
        return rest.isEmpty || input.append(rest) ? step : .failed
    }

    /// The reply to the head at the start of `bytes` and how many bytes it
    /// used up; a refusal uses up everything. Nil while the head is incomplete.
    private func reply(toHeadAtStartOf bytes: UnsafeRawBufferPointer) -> (Reply, Int)? {
        switch RequestParser.parse(bytes, limits: limits) {
        case .needMoreBytes:
            if bytes.count < input.capacity { return nil }
            return (responder.reply(rejecting: .headerBlockTooLarge, on: listener), bytes.count)
        case .request(let request, let consumed):
            return (responder.reply(to: request, on: listener), consumed)
        case .rejected(let error):
            return (responder.reply(rejecting: error, on: listener), bytes.count)
        }
    }

    private func start(_ next: Reply, now: UInt64) {
        reply = next
        written = 0
        state = .writing
        deadline = now + UInt64(timeouts.send)
    }

    /// Writes one scratch-full of the reply, a TLS record's worth; nil means
    /// it was written (the state may have moved on). After a blocked write
    /// the same bytes are copied again, as OpenSSL wants them on its retry.
    private func writeSome(now: UInt64, scratch: UnsafeMutableRawBufferPointer) -> Progress? {
        guard let current = reply else {
            preconditionFailure("writing without a reply")
        }
        let length = current.copy(from: written, into: scratch)
        let step = transport.write(UnsafeRawBufferPointer(rebasing: scratch[..<length]))
        // Zeroed whatever the reply holds, so the scratch memory never keeps
        // anything between calls; a few hundred instructions per response.
        wipe(scratch, length)
        switch step {
        case .done(let count):
            written += count
            deadline = now + UInt64(timeouts.send)
            if written == current.count { finishReply(current, now: now) }
            return nil
        case .wouldBlock: return .waiting
        case .closed, .failed: return .finished
        }
    }

    private func finishReply(_ finished: Reply, now: UInt64) {
        reply = nil
        finished.wipeIfSensitive()
        if finished.closesConnection {
            input.consume(input.count)
            transport.shutdown()
            state = .draining
            deadline = now + UInt64(timeouts.linger)
        } else {
            state = .reading
            let wait = input.isEmpty ? timeouts.idle : timeouts.header
            deadline = now + UInt64(wait)
        }
    }
}
