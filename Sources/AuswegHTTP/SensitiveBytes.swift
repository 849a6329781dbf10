import Glibc

/// Response bytes built for one request from something the visitor sent
/// (the redirect's Location), in memory of their own that is zeroed with
/// explicit_bzero, which the compiler may not drop as a dead store, once
/// they are written and again when freed (threat model, promise 2).
///
/// `@unchecked Sendable`: only the loop thread that builds a reply writes
/// and wipes it.
public final class SensitiveBytes: @unchecked Sendable {
    private let storage: UnsafeMutableRawBufferPointer

    /// Allocates exactly the bytes of `parts`, laid end to end, in one step:
    /// nothing grows, so no reallocation leaves a copy behind.
    public init(concatenating parts: [UnsafeRawBufferPointer]) {
        let total = parts.reduce(0) { $0 + $1.count }
        storage = .allocate(byteCount: max(total, 1), alignment: 1)
        var offset = 0
        for part in parts {
            UnsafeMutableRawBufferPointer(rebasing: storage[offset..<offset + part.count])
                .copyMemory(from: part)
            offset += part.count
        }
        count = total
    }

    deinit {
        wipe()
        storage.deallocate()
    }

    public let count: Int

    public func withUnsafeBytes<Result>(
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        try body(UnsafeRawBufferPointer(rebasing: storage[..<count]))
    }

    /// Zeroes every byte; the reply is written and nobody reads it again.
    public func wipe() {
        if let start = storage.baseAddress { explicit_bzero(start, storage.count) }
    }
}
