import Foundation
import TestSupport
import Testing

@testable import AuswegSite

@Suite struct MappedFileTests {
    private let scratch: ScratchFolder

    init() throws {
        scratch = try ScratchFolder("map")
    }

    private func file(_ bytes: [UInt8]) throws -> String {
        try scratch.write(bytes, to: UUID().uuidString)
    }

    @Test func mapsEveryByteOfTheFile() throws {
        let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = try file(bytes)

        let mapped = try MappedFile(path: path)

        #expect(mapped.count == bytes.count)
        #expect(mapped.withUnsafeBytes { Array($0) } == bytes)
    }

    @Test func keepsItsBytesWhenTheFileIsReplacedByRename() throws {
        let path = try file([1, 2, 3])
        let mapped = try MappedFile(path: path)

        let replacement = try file([9, 9, 9, 9])
        #expect(rename(replacement, path) == 0)

        #expect(mapped.withUnsafeBytes { Array($0) } == [1, 2, 3])
    }

    @Test func emptyFileMapsToNoBytes() throws {
        let path = try file([])

        let mapped = try MappedFile(path: path)

        #expect(mapped.count == 0)
        #expect(mapped.withUnsafeBytes { $0.isEmpty })
    }

    @Test func missingFileNamesItselfAndTheReason() {
        #expect(throws: ContentError(file: "/nonexistent/1.opus", "No such file or directory")) {
            try MappedFile(path: "/nonexistent/1.opus")
        }
    }
}
