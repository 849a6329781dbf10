import Testing

@testable import AuswegHTTP

struct ByteSetTests {
    static let alpha = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    static let digit = "0123456789"
    static let unreserved = alpha + digit + "-._~"
    static let subDelims = "!$&'()*+,;="

    @Test(arguments: [
        (ByteSet.token, alpha + digit + "!#$%&'*+-.^_`|~"),
        (ByteSet.query, unreserved + subDelims + ":@/?"),
        (ByteSet.authority, unreserved + subDelims + ":[]"),
    ])
    func holdsExactlyTheRFCCharacters(set: ByteSet, members: String) {
        let expected = Set(members.utf8)

        let mismatches = (0...255).map(UInt8.init).filter {
            set.contains($0) != expected.contains($0)
        }

        #expect(mismatches == [])
    }
}
