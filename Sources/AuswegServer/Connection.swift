import AuswegHTTP
import Glibc

/// One client connection: handshake, read a head, write the ready answer,
/// repeat; then linger and close.
///
/// `drive` runs the state machine until the transport would block, so it
/// works with edge-triggered epoll. It holds no request data beyond the
/// unparsed bytes of the current head, and nothing survives the connection.
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
    private var input: [UInt8] = []
    private var reply: Reply?
    private var written = 0
    private var drained = 0

    init(
        transport: Transport, listener: ListenerKind, secure: Bool, responder: any Responder,
        limits: RequestLimits, timeouts: ConnectionTimeouts, now: UInt64
    ) {
        self.transport = transport
        self.listener = listener
        self.responder = responder
        self.limits = limits
        self.timeouts = timeouts
        state = secure ? .handshaking : .reading
        deadline = now + UInt64(secure ? timeouts.handshake : timeouts.header)
    }

    deinit {
        forgetInput(input.count)
    }

    /// Waiting for a request that has not begun (or still in the TLS
    /// handshake): closing it now loses no answer. A stop closes these.
    var isIdle: Bool {
        state == .handshaking || (state == .reading && input.isEmpty)
    }

    /// Zeroes the first `count` buffered bytes (explicit_bzero, which the
    /// compiler may not drop as a dead store), then drops them: nothing a
    /// visitor sent stays in memory once it has been answered (threat model,
    /// promise 2).
    private func forgetInput(_ count: Int) {
        input.withUnsafeMutableBytes { bytes in
            if let start = bytes.baseAddress { explicit_bzero(start, count) }
        }
        input.removeSubrange(0..<count)
    }

    private func wipe(_ buffer: UnsafeMutableRawBufferPointer, _ count: Int) {
        if let start = buffer.baseAddress { explicit_bzero(start, count) }
    }

    /// The most bytes of one head that can be buffered: the parser refuses
    /// anything larger before the buffer fills.
    private var inputCapacity: Int { limits.requestLine + 2 + limits.headerBlock + 2 }

    func drive(now: UInt64, scratch: UnsafeMutableRawBufferPointer) -> Progress {
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
                switch transport.read(into: readWindow(scratch)) {
                case .done(let count):
                    if input.isEmpty { deadline = now + UInt64(timeouts.header) }
                    input.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[..<count]))
                    wipe(scratch, count)
                case .wouldBlock: return .waiting
                case .closed, .failed: return .finished
                }
            case .writing:
                if let progress = writeSome(now: now) { return progress }
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

    /// Parses the buffered bytes; a complete or refused head yields its reply.
    private func nextReply() -> Reply? {
        guard !input.isEmpty else { return nil }
        let outcome = input.withUnsafeBytes { RequestParser.parse($0, limits: limits) }
        switch outcome {
        case .needMoreBytes:
            if input.count < inputCapacity { return nil }
            return responder.reply(rejecting: .headerBlockTooLarge, on: listener)
        case .request(let request, let consumed):
            forgetInput(consumed)
            return responder.reply(to: request, on: listener)
        case .rejected(let error):
            forgetInput(input.count)
            return responder.reply(rejecting: error, on: listener)
        }
    }

    private func readWindow(_ scratch: UnsafeMutableRawBufferPointer)
        -> UnsafeMutableRawBufferPointer
    {
        let room = max(1, min(scratch.count, inputCapacity - input.count))
        return UnsafeMutableRawBufferPointer(rebasing: scratch[..<room])
    }

    private func start(_ next: Reply, now: UInt64) {
        reply = next
        written = 0
        state = .writing
        deadline = now + UInt64(timeouts.send)
    }

    /// Writes until blocked or done; nil means the state moved on.
    private func writeSome(now: UInt64) -> Progress? {
        guard let current = reply else {
            preconditionFailure("writing without a reply")
        }
        let step = current.bytes.withUnsafeBytes {
            transport.write(UnsafeRawBufferPointer(rebasing: $0[written..<current.count]))
        }
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
        if finished.closesConnection {
            forgetInput(input.count)
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
