import Testing

/// certbot's webroot mode: the redirect listener serves challenge tokens
/// from ACMEWebroot instead of redirecting them.
@Suite(.timeLimit(.minutes(1)))
struct ACMEChallengeTests {
    static let prefix = "/.well-known/acme-challenge/"
    static let token = "Xq3-vR_9kLm2"
    static let proof = "Xq3-vR_9kLm2.Thumbprint-of-the-account-key"

    @Test func tokenIsServedFromTheWebroot() throws {
        let webroot = try TemporaryDirectory()
        try webroot.write(Self.proof, to: String(Self.prefix.dropFirst()) + Self.token)
        let server = try ServerProcess.start([.http], ["ACMEWebroot": webroot.path])
        defer { server.stop() }
        let curl = Curl(server: server)

        let response = try curl.fetch(Self.prefix + Self.token, on: .http)

        #expect(response.status == 200)
        #expect(response.bodyText == Self.proof)
        #expect(response.values("Location") == [])
        #expect(server.outputAfterStartup == "")
    }

    @Test func missingTokenIsNotFoundAndNotRedirected() throws {
        let webroot = try TemporaryDirectory()
        try webroot.write(Self.proof, to: String(Self.prefix.dropFirst()) + Self.token)
        let server = try ServerProcess.start([.http], ["ACMEWebroot": webroot.path])
        defer { server.stop() }
        let curl = Curl(server: server)

        let response = try curl.fetch(Self.prefix + "no-such-token", on: .http)

        #expect(response.status == 404)
        #expect(response.values("Location") == [])
        #expect(!response.bodyText.contains(Self.proof))
    }
}
