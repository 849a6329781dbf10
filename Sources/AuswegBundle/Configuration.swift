import AuswegCard
import AuswegServer
import AuswegSite

/// Every setting of the server and the site, with the embedded defaults:
/// with no file at all, it serves `content/` on https://127.0.0.1:8443 with a
/// self-signed certificate kept in `state/`.
public struct Configuration: Sendable, Equatable {
    public var https: ListenAddress? = ListenAddress(host: "127.0.0.1", port: 8443)
    public var redirect: ListenAddress? = ListenAddress(host: "127.0.0.1", port: 8080)
    public var onionSocket: String?
    /// The onion socket's group, so tor can connect; nil keeps our own.
    public var onionSocketGroup: UInt32?
    /// tor's `hostname` file: its address goes into Onion-Location and onto
    /// the pages.
    public var onionHostnameFile: String?
    /// The torrc that publishes our onion service, checked at start-up.
    public var torConfigFile: String?
    public var certificateFile: String?
    public var certificateKeyFile: String?
    public var stateDirectory = "state"
    public var contentDirectory = "content"
    /// Where `ausweg audio` writes clips and the server reads them.
    public var audioDirectory = ".build-audio"
    public var timeouts = ConnectionTimeouts.standard
    public var maxConnections = 4096
    /// Event-loop threads; 0 means one per core.
    public var workers = 0
    /// The user to become after binding, when started as root.
    public var user: String?
    public var site = SiteSettings()
    public var card = CardSettings()
    /// Where each key that is not at its default was set.
    public var sources: [String: KeySource] = [:]

    public init() {}

    /// No TCP listener at all: the site is reachable as an onion service
    /// only, and must not reveal where the server stands.
    public var isOnionOnly: Bool { https == nil && redirect == nil }
}
