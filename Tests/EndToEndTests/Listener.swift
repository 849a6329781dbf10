/// The three kinds of listener the server can open.
enum Listener: String, CaseIterable, Sendable {
    case https
    case http
    case onion
}

/// Where a listener can be reached.
enum Endpoint: Sendable, Equatable {
    case loopback(port: Int)
    case unixSocket(path: String)
}
