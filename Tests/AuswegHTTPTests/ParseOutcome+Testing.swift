import AuswegHTTP

extension ParseOutcome {
    /// The parsed request, or nil for any other outcome.
    var request: Request? {
        guard case .request(let request, _) = self else {
            return nil
        }
        return request
    }

    /// The bytes the head took, or nil for any other outcome.
    var consumed: Int? {
        guard case .request(_, let consumed) = self else {
            return nil
        }
        return consumed
    }
}
