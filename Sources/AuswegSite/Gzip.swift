import CZlib

/// gzip (RFC 1952) at level 9: pages are compressed once, at start-up, so
/// the slowest level costs nothing at request time.
public enum Gzip {
    /// zlib's windowBits for a gzip header and trailer around deflate.
    static let gzipWindowBits: Int32 = 15 + 16
    /// zlib's default. Level 9's largest (9) doubles the hash table to
    /// clear and fill for every page, yet gave the same bytes for each of
    /// the site's pages, which are far smaller than either table.
    static let memoryLevel: Int32 = 8

    public static func compress(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        let started = czlib_deflate_init2(
            &stream, Z_BEST_COMPRESSION, Z_DEFLATED, gzipWindowBits, memoryLevel,
            Z_DEFAULT_STRATEGY)
        precondition(started == Z_OK, "zlib refused its own constants")
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))))
        let result = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        // deflateBound guarantees room for the whole stream in one call.
        precondition(result == Z_STREAM_END, "deflate did not finish within deflateBound")
        return Array(output[..<Int(stream.total_out)])
    }
}
