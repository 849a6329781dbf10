import AuswegServer
import AuswegSite

/// Every setting of the server and the site, with the embedded defaults:
/// with no file at all, it serves `content/` on https://127.0.0.1:8443 with a
/// self-signed certificate kept in `state/`.
public struct Configuration: Sendable, Equatable {
    public var https: ListenAddress? = ListenAddress(host: "127.0.0.1", port: 8443)
    public var redirect: ListenAddress? = ListenAddress(host: "127.0.0.1", port: 8080)
    public var onionSocket: String?
    public var certificateFile: String?
    public var certificateKeyFile: String?
    public var stateDirectory = "state"
    public var contentDirectory = "content"
    public var timeouts = ConnectionTimeouts.standard
    public var maxConnections = 4096
    /// Event-loop threads; 0 means one per core.
    public var workers = 0
    public var site = SiteSettings()

    public init() {}
}
