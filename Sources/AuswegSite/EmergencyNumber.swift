/// A number from `content/numbers.txt`, shown when no hotline is set.
public struct EmergencyNumber: Sendable, Equatable {
    /// Names its label, `number.<key>` in each language's strings.
    public let key: String
    /// Digits (and a leading +) for the `tel:` link.
    public let dial: String
    public let display: String
}
