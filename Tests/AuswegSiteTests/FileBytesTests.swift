import Foundation
import TestSupport
import Testing

@testable import AuswegSite

@Suite struct FileBytesTests {
    @Test func readsARegularFileExactly() throws {
        let scratch = try ScratchFolder("bytes")
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let path = try scratch.write(bytes, to: "bytes")

        #expect(try FileBytes.read(path) == bytes)
    }

    /// Files under /proc report a size of 0 but have content.
    @Test func readsAFileThatReportsNoSize() throws {
        let text = String(decoding: try FileBytes.read("/proc/self/status"), as: UTF8.self)

        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("\nUid:"))
    }
}
