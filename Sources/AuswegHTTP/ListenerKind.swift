/// Which listener a connection came in on. It alone decides the headers and
/// the behaviour of a response; the Host header never does.
public enum ListenerKind: Sendable, CaseIterable {
    /// The clearnet site over TLS: sends HSTS.
    case https
    /// Plain HTTP on port 80: redirects to `PublicURL`, serves ACME tokens.
    case redirect
    /// Plain HTTP on a unix socket for tor: never HSTS, never Onion-Location.
    case onion
}
