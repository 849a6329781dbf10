/// Reads the Connection field (RFC 9110 §7.6.1).
enum ConnectionOptions {
    /// True when the options list `close`, in any case.
    /// - Throws: `.malformedHeader` when an element is not a token.
    static func containClose(_ value: UnsafeRawBufferPointer) throws(RequestError) -> Bool {
        var close = false
        try value.forEachListElement { (option) throws(RequestError) in
            guard option.isToken else {
                throw .malformedHeader
            }
            if option.equalsIgnoringCase("close") {
                close = true
            }
        }
        return close
    }
}
