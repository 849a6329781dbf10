import CTLS
import Glibc
import Testing

@testable import AuswegServer

@Suite struct TLSContextTests {
    @Test func openSSLZeroesDecryptedRequestsOnceRead() throws {
        let certificate = try TestCertificate(for: "tls-context")
        let context = certificate.context

        let options = SSL_CTX_get_options(context.pointer)
        #expect(options & ctls_op_cleanse_plaintext() == ctls_op_cleanse_plaintext())
        #expect(options & ctls_op_no_ticket() == ctls_op_no_ticket())
    }
}
