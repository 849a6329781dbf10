/// The content codings this server can send (RFC 9110 §8.4.1).
public enum ContentCoding: Sendable, Equatable, CaseIterable {
    case gzip
    case identity
}
