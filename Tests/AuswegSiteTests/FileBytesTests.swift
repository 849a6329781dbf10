import Foundation
import Testing

@testable import AuswegSite

@Suite struct FileBytesTests {
    @Test func readsARegularFileExactly() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("ausweg-bytes-\(UUID().uuidString)").path
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }

        #expect(try FileBytes.read(path) == bytes)
    }

    /// Files under /proc report a size of 0 but have content.
    @Test func readsAFileThatReportsNoSize() throws {
        let text = String(decoding: try FileBytes.read("/proc/self/status"), as: UTF8.self)

        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("\nUid:"))
    }
}
