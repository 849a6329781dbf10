import AuswegCard
import Testing

@Suite struct QRMatrixTests {
    @Test func shortAddressTakesTheSmallestVersionThatHoldsItAtLevelH() throws {
        // 19 bytes: version 2 holds 14 at level H, version 3 holds 24.
        let code = try QRMatrix(encoding: "https://example.org")
        #expect(code.version == 3)
        #expect(code.size == 29)
    }

    @Test func finderPatternSitsInTheTopLeftCorner() throws {
        let code = try QRMatrix(encoding: "https://example.org")
        // The outer ring of seven dark modules, a light ring, a dark 3 × 3 core.
        #expect((0..<7).allSatisfy { code.isDark(row: 0, column: $0) })
        #expect((0..<7).allSatisfy { code.isDark(row: $0, column: 6) })
        #expect((1..<6).allSatisfy { !code.isDark(row: 1, column: $0) })
        #expect((2..<5).allSatisfy { code.isDark(row: 3, column: $0) })
        #expect(!code.isDark(row: 7, column: 7))
    }

    @Test func longestAddressFitsVersionSix() throws {
        let address = "https://" + String(repeating: "a", count: 47) + ".de"
        #expect(address.utf8.count == QRMatrix.largestVersionByteCapacity)
        #expect(try QRMatrix(encoding: address).version == 6)
    }

    @Test func addressBeyondVersionSixIsRefusedWithTheVersionItNeeds() {
        let address = "https://" + String(repeating: "a", count: 48) + ".de"
        #expect(throws: QRCodeError.textNeedsLargerVersion(neededVersion: 7, largestVersion: 6)) {
            try QRMatrix(encoding: address)
        }
    }

    @Test func textBeyondEveryVersionIsRefused() {
        let text = String(repeating: "x", count: 4000)
        #expect(throws: QRCodeError.textNeedsLargerVersion(neededVersion: 41, largestVersion: 6)) {
            try QRMatrix(encoding: text)
        }
    }

    @Test func nulByteIsRefused() {
        #expect(throws: QRCodeError.textContainsNul) {
            try QRMatrix(encoding: "https://a\u{0}b")
        }
    }
}
