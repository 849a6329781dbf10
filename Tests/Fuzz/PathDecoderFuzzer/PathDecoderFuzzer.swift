import AuswegHTTP

/// libFuzzer's entry: one input is a request path as the target parser
/// hands it over. A broken promise of the decoder stops the run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPathDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let path = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let decoded = try? PathDecoder.decode(path) else { return 0 }

    // 1. The result stays under the root: no "..", no NUL, no separator
    //    that was encoded. Bytes are compared, not Characters: "/" followed
    //    by a combining mark is one Character.
    let bytes = Array(decoded.utf8)
    precondition(bytes.first == slash)
    precondition(!bytes.contains(0))
    let segments = bytes.split(separator: slash, omittingEmptySubsequences: false)
    precondition(!segments.contains { $0.elementsEqual("..".utf8) })
    precondition(bytes.filter { $0 == slash }.count == path.utf8.filter { $0 == slash }.count)

    // 2. Without a "%" there is nothing to decode.
    if !path.utf8.contains(UInt8(ascii: "%")) {
        precondition(decoded == path)
    }
    return 0
}

private let slash = UInt8(ascii: "/")
