/// What the operator's configuration says about the site itself.
public struct SiteSettings: Sendable, Equatable {
    /// The one neutral title of every page.
    public var siteName = "Info"
    /// Where the quick-exit link goes: a neutral, non-personalised page.
    public var exitURL = "https://www.dwd.de/"
    /// The hotline as dialled, e.g. `+498001234567`; nil shows the emergency
    /// numbers only. Never invented: it comes from the operator.
    public var hotlineNumber: String?
    /// The hotline as shown, e.g. `0800 123 4567`.
    public var hotlineDisplay: String?
    public var hotlineHours: String?
    /// The clearnet site, scheme and host, for the port-80 redirect.
    public var publicURL = "https://localhost:8443"
    public var acmeWebroot: String?
    public var operatorName: String?
    public var operatorAddress: String?
    public var operatorEmail: String?
    /// The onion service's address from tor's `hostname` file: HTTPS pages
    /// point Tor Browser to it, and the site shows it as text.
    public var onionAddress: OnionAddress?

    public init() {}
}
