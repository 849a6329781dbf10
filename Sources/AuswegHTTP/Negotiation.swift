/// Picks a variant of a page from the request's Accept-* fields
/// (RFC 9110 §12.5).
///
/// The fields come from an untrusted client: malformed elements are skipped,
/// never fatal, and every choice falls back to a variant that always exists.
public enum Negotiation {}
