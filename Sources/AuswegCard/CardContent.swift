/// Everything printed on the card, checked by `Card`.
public struct CardContent: Sendable, Equatable {
    static let scheme = "https://"

    /// What the QR code holds: the site's public URL, `https://host[:port]`.
    public var address: String
    /// The first line goes on the front; all lines go on the back.
    public var lines: [CardLine]
    /// Printed small on the back when set.
    public var onionHostname: String?
    public var cropMarks: Bool

    public init(address: String, lines: [CardLine], onionHostname: String?, cropMarks: Bool) {
        self.address = address
        self.lines = lines
        self.onionHostname = onionHostname
        self.cropMarks = cropMarks
    }

    /// The address as printed for typing: without the scheme.
    public var shortAddress: String {
        address.hasPrefix(Self.scheme) ? String(address.dropFirst(Self.scheme.count)) : address
    }
}
