import AuswegServer
import Foundation
import Glibc
import TestSupport
import Testing

@Suite struct SelfSignedCertificateTests {
    private let scratch: ScratchFolder

    init() throws {
        scratch = try ScratchFolder("cert")
    }

    /// A folder that `ensure` has to make.
    private func emptyFolder() -> String {
        scratch.file("state")
    }

    @Test func newCertificateIsValidForAYear() throws {
        let folder = emptyFolder()

        let paths = try SelfSignedCertificate.ensure(in: folder)
        let notAfter = try #require(
            SelfSignedCertificate.expiry(ofCertificateAt: paths.certificate))

        let secondsLeft = Int(notAfter) - Int(time(nil))
        #expect(abs(secondsLeft - 365 * 86400) <= 5)
    }

    @Test func validPairIsKept() throws {
        let folder = emptyFolder()
        let first = try SelfSignedCertificate.ensure(in: folder)
        let before = try String(contentsOfFile: first.certificate, encoding: .utf8)

        let second = try SelfSignedCertificate.ensure(in: folder)

        #expect(try String(contentsOfFile: second.certificate, encoding: .utf8) == before)
    }

    @Test func unreadableCertificateIsReplaced() throws {
        let folder = emptyFolder()
        let paths = try SelfSignedCertificate.ensure(in: folder)
        try "not a certificate\n".write(
            toFile: paths.certificate, atomically: true, encoding: .utf8)
        #expect(SelfSignedCertificate.expiry(ofCertificateAt: paths.certificate) == nil)

        _ = try SelfSignedCertificate.ensure(in: folder)

        #expect(SelfSignedCertificate.expiry(ofCertificateAt: paths.certificate) != nil)
    }
}
