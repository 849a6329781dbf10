import AuswegHTTP

/// libFuzzer's entry: one input is the value of a Range header. A range it
/// parses must resolve, for bodies of every size, either to bytes inside
/// the body or to 416, and to 416 only when nothing can be sent.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzByteRange(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let range = ByteRange(parsing: UnsafeRawBufferPointer(start: data, count: size)) else {
        return 0
    }
    for bodySize in bodySizes {
        switch range.resolve(size: bodySize) {
        case .partial(let part):
            precondition(!part.isEmpty, "an empty range sent with 206")
            precondition(part.lowerBound >= 0 && part.upperBound <= bodySize, "outside the body")
        case .unsatisfiable:
            switch range {
            case .from(let first, _):
                precondition(first >= UInt64(bodySize), "a satisfiable range refused")
            case .suffix(let length):
                precondition(length == 0 || bodySize == 0, "a satisfiable suffix refused")
            }
        }
    }
    return 0
}

/// Empty, tiny, a clip's size and the largest body an Int32 length allows.
private let bodySizes = [0, 1, 2, 100, 169_113, Int(Int32.max)]
