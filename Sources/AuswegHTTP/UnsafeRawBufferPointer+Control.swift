/// Skips over text eight bytes at a time, since most of a head is plain
/// printable text and only control bytes need a closer look.
extension UnsafeRawBufferPointer {
    /// The first index at or after `start` from which a byte-wise scan up to
    /// `end` is needed: whole words of eight bytes holding no control byte
    /// (below 0x20, or DEL) are passed over.
    func skippingPlainWords(from start: Int, to end: Int) -> Int {
        var index = start
        while end - index >= MemoryLayout<UInt64>.size {
            let word = loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if Self.holdsControlByte(word) {
                break
            }
            index += MemoryLayout<UInt64>.size
        }
        return index
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// True when a byte of `word` is below 0x20 or equals 0x7F. The
    /// "hasless" and "haszero" tricks of Bit Twiddling Hacks (S. E.
    /// Anderson): a borrow can only flag bytes above one that truly
    /// matches, so the answer for the whole word is exact.
    private static func holdsControlByte(_ word: UInt64) -> Bool {
        let below = (word &- ones &* UInt64(ASCII.space)) & ~word & highBits
        let delete = word ^ (ones &* UInt64(ASCII.delete))
        let isDelete = (delete &- ones) & ~delete & highBits
        return below | isDelete != 0
    }
}
