import AuswegHTTP

/// Every ready response of one listener kind, keyed for lookup.
struct ListenerResponses: Sendable {
    /// Pages by exact path, `/de/` and `/de` included.
    var pages: [String: ResponseVariants] = [:]
    /// The home page served at `/`, by language code; chosen by
    /// Accept-Language, so it varies on it.
    var roots: [String: ResponseVariants] = [:]
    /// The 404 page by language code.
    var notFound: [String: ResponseVariants] = [:]
    /// The refusals, by status; each closes the connection.
    var refusals: [Status: PreparedResponse] = [:]
}
