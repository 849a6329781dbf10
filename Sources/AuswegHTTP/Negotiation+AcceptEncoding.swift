extension Negotiation {
    /// The coding to send for an Accept-Encoding value (RFC 9110 §12.5.3).
    ///
    /// gzip when the client lists `gzip` or `x-gzip` with a weight above
    /// zero, or `*` above zero without refusing gzip by name; identity
    /// otherwise, also when the field is absent, empty or unreadable.
    public static func preferred(acceptEncoding: String?) -> ContentCoding {
        guard let acceptEncoding else {
            return .identity
        }
        var gzip: Int?
        var wildcard: Int?
        WeightedList.forEach(in: acceptEncoding) { coding, weight in
            // RFC 9110 §8.4.1: coding names are case-insensitive; §8.4.1.3:
            // x-gzip is the same coding.
            if coding.equalsIgnoringCase("gzip") || coding.equalsIgnoringCase("x-gzip") {
                gzip = max(gzip ?? 0, weight)
            } else if coding.equals("*") {
                wildcard = max(wildcard ?? 0, weight)
            }
        }
        // A coding named outright overrides "*" (RFC 9110 §12.5.3).
        return (gzip ?? wildcard ?? 0) > 0 ? .gzip : .identity
    }
}
