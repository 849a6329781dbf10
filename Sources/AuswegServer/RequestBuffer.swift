import Glibc

/// The bytes a connection received and has not answered yet, in memory
/// allocated once, at the most a head may take, so it never moves: no
/// reallocation leaves a copy of a request behind in freed memory.
///
/// Bytes are zeroed with explicit_bzero, which the compiler may not drop as
/// a dead store, as soon as their request is answered, and the rest when the
/// buffer is freed: nothing a visitor sent stays in memory (threat model,
/// promise 2). Every byte the buffer ever held beyond those it holds now is
/// zero. The memory is a private mapping, taken when a head first arrives in
/// pieces (a whole one is answered from the loop's scratch memory), and
/// pages no request reached cost no resident memory. From the heap, the
/// buffer would pin pages that OpenSSL's short-lived record buffers had
/// touched, about 14 KB per connection.
final class RequestBuffer {
    /// The most bytes held at once.
    let capacity: Int
    private var storage: UnsafeMutableRawBufferPointer?
    /// Bytes held, from the start of `storage`.
    private(set) var count = 0
    /// The most bytes ever held: the part of `storage` that was ever written.
    private var reached = 0

    init(capacity: Int) {
        precondition(capacity > 0, "a request buffer needs room")
        self.capacity = capacity
    }

    deinit {
        guard let storage, let start = storage.baseAddress else { return }
        wipe(storage, from: 0, to: count)
        munmap(start, storage.count)
    }

    var isEmpty: Bool { count == 0 }

    /// The held bytes; valid until the buffer next changes.
    var bytes: UnsafeRawBufferPointer {
        guard let storage else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(rebasing: storage[..<count])
    }

    /// Where the memory starts, nil before the first bytes; it never changes.
    var address: UnsafeRawPointer? { storage?.baseAddress.map(UnsafeRawPointer.init) }

    /// Every byte ever written, held or since zeroed, for tests of the wiping.
    var writtenRegion: [UInt8] { storage.map { Array($0[..<reached]) } ?? [] }

    /// Copies `bytes` behind the held ones, taking the memory on first use;
    /// false when the system has none left, and the connection is given up.
    func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        precondition(count + bytes.count <= capacity, "appending beyond the request buffer")
        if storage == nil { storage = Self.map(capacity) }
        guard let storage else { return false }
        UnsafeMutableRawBufferPointer(rebasing: storage[count..<count + bytes.count])
            .copyMemory(from: bytes)
        count += bytes.count
        reached = max(reached, count)
        return true
    }

    /// Reads once from `transport` straight into the room behind the held
    /// bytes, which must not be empty: a head is already under way.
    func receive(from transport: Transport) -> IOStep {
        guard let storage, count > 0, count < capacity else {
            preconditionFailure("reading into an empty or full request buffer")
        }
        let step = transport.read(into: UnsafeMutableRawBufferPointer(rebasing: storage[count...]))
        if case .done(let received) = step {
            count += received
            reached = max(reached, count)
        }
        return step
    }

    /// Zeroes the first `consumed` bytes, an answered head, and moves the
    /// bytes after it (a pipelined head) to the front, zeroing where they were.
    func consume(_ consumed: Int) {
        precondition(consumed <= count, "consuming more than is held")
        guard let storage, consumed > 0 else { return }
        let rest = count - consumed
        if rest > 0, let start = storage.baseAddress {
            memmove(start, start + consumed, rest)
        }
        wipe(storage, from: rest, to: count)
        count = rest
    }

    /// Maps `byteCount` fresh zero bytes; nil when the system has no memory
    /// left, and the connection is then given up.
    private static func map(_ byteCount: Int) -> UnsafeMutableRawBufferPointer? {
        let start = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let start, start != MAP_FAILED else { return nil }
        return UnsafeMutableRawBufferPointer(start: start, count: byteCount)
    }

    private func wipe(_ buffer: UnsafeMutableRawBufferPointer, from start: Int, to end: Int) {
        if end > start, let base = buffer.baseAddress { explicit_bzero(base + start, end - start) }
    }
}
