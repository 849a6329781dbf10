import Glibc

@testable import AuswegServer

/// A server context with a self-signed certificate made for one test in a
/// folder of its own, so that tests running in parallel never share files.
struct TestCertificate {
    let context: TLSContext
    private let folder: String

    init(for test: String) throws {
        folder = "/tmp/ausweg-\(test)-\(getpid())"
        do {
            let (certificate, key) = try SelfSignedCertificate.ensure(in: folder)
            context = try TLSContext(certificateChainFile: certificate, keyFile: key)
        } catch {
            Self.remove(folder)
            throw error
        }
    }

    func removeFiles() {
        Self.remove(folder)
    }

    private static func remove(_ folder: String) {
        unlink(folder + "/" + SelfSignedCertificate.certificateName)
        unlink(folder + "/" + SelfSignedCertificate.keyName)
        rmdir(folder)
    }
}
