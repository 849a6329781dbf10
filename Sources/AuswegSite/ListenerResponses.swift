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

    /// Every page, home page and 404 grown to the size of the largest in
    /// the same form, so that a watcher of the encrypted traffic cannot
    /// tell one page or language from another by its length. Refusals stay
    /// as they are: they answer malformed requests no browser sends.
    func paddedAlike() -> ListenerResponses {
        let all = Array(pages.values) + Array(roots.values) + Array(notFound.values)
        var targets: [ResponseVariants.ResponseForm: Int] = [:]
        for variants in all {
            targets.merge(variants.sizes, uniquingKeysWith: max)
        }
        // Even the largest response gets a field, so that every one carries
        // the same fields.
        targets = targets.mapValues { $0 + PreparedResponse.paddingLineOverhead + 1 }
        var padded = self
        padded.pages = pages.mapValues { $0.padded(to: targets) }
        padded.roots = roots.mapValues { $0.padded(to: targets) }
        padded.notFound = notFound.mapValues { $0.padded(to: targets) }
        return padded
    }
}
