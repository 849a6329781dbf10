import AuswegHTTP

/// libFuzzer's entry: one input is the bytes a client sent so far. The
/// parser's promises are checked with `precondition`, so a broken one
/// stops the run and leaves the input behind as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    for limits in RequestParserPromises.limits {
        RequestParserPromises.check(bytes, limits)
    }
    return 0
}

/// What the parser promises for any bytes, and for the request it accepts.
enum RequestParserPromises {
    /// The standard limits, and tiny ones so that short inputs reach every
    /// limit's branch.
    static let limits = [
        RequestLimits.standard, RequestLimits(requestLine: 24, headerBlock: 48, headerFields: 2),
    ]
    static let languages = ["de", "en", "pt", "zh", "fa"]
    static let headEnd: [UInt8] = [13, 10, 13, 10]

    static func check(_ bytes: UnsafeRawBufferPointer, _ limits: RequestLimits) {
        let outcome = RequestParser.parse(bytes, limits: limits)
        switch outcome {
        case .needMoreBytes:
            // More is asked for only while the limits are not yet passed.
            precondition(bytes.count < limits.requestLine + 2 + limits.headerBlock)
        case .rejected:
            break
        case .request(let request, let consumed):
            precondition(consumed >= headEnd.count && consumed <= bytes.count)
            precondition(bytes[(consumed - headEnd.count)..<consumed].elementsEqual(headEnd))
            // Bytes after the head are never looked at ...
            let head = UnsafeRawBufferPointer(rebasing: bytes[..<consumed])
            precondition(RequestParser.parse(head, limits: limits) == outcome)
            // ... and a head that arrives in pieces is waited for, not refused.
            for cut in [consumed - 1, consumed / 2, consumed / 3] where cut >= 0 {
                let piece = UnsafeRawBufferPointer(rebasing: bytes[..<cut])
                precondition(RequestParser.parse(piece, limits: limits) == .needMoreBytes)
            }
            checkPath(request.path)
            checkNegotiation(request)
        }
    }

    /// A path that reaches the site starts at its root and cannot leave it;
    /// bytes are compared, since "/" and a combining mark make one Character.
    static func checkPath(_ path: String) {
        let bytes = Array(path.utf8)
        let slash = UInt8(ascii: "/")
        precondition(bytes.first == slash && !bytes.contains(0))
        let segments = bytes.split(separator: slash, omittingEmptySubsequences: false)
        precondition(!segments.contains { $0.elementsEqual("..".utf8) })
    }

    /// Negotiation picks only what exists, whatever the fields say.
    static func checkNegotiation(_ request: Request) {
        let language = Negotiation.bestLanguage(
            acceptLanguage: request.acceptLanguage, available: languages, fallback: "de")
        precondition(languages.contains(language))
        _ = Negotiation.preferred(acceptEncoding: request.acceptEncoding)
    }
}
