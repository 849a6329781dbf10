import CTLS
import Glibc
import Testing

@testable import AuswegServer

@Suite struct TLSContextTests {
    @Test func openSSLZeroesDecryptedRequestsOnceRead() throws {
        let folder = "/tmp/ausweg-tls-context-\(getpid())"
        defer {
            unlink(folder + "/" + SelfSignedCertificate.certificateName)
            unlink(folder + "/" + SelfSignedCertificate.keyName)
            rmdir(folder)
        }
        let (certificate, key) = try SelfSignedCertificate.ensure(in: folder)

        let context = try TLSContext(certificateChainFile: certificate, keyFile: key)

        let options = SSL_CTX_get_options(context.pointer)
        #expect(options & ctls_op_cleanse_plaintext() == ctls_op_cleanse_plaintext())
        #expect(options & ctls_op_no_ticket() == ctls_op_no_ticket())
    }
}
