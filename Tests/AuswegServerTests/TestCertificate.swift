import TestSupport

@testable import AuswegServer

/// A server context with a self-signed certificate made for one test in a
/// folder of its own, so that tests running in parallel never share files.
/// The folder goes with the value.
struct TestCertificate {
    let context: TLSContext
    private let folder: ScratchFolder

    init(for test: String) throws {
        folder = try ScratchFolder(test)
        let (certificate, key) = try SelfSignedCertificate.ensure(in: folder.path)
        context = try TLSContext(certificateChainFile: certificate, keyFile: key)
    }
}
