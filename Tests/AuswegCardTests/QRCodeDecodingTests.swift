import AuswegCard
import Foundation
import Testing

/// The QR code on the rendered front must open the configured address.
@Suite struct QRCodeDecodingTests {
    private func front(_ address: String) throws -> String {
        let content = CardContent(
            address: address, lines: [CardLine(language: "en", text: "Take time.")],
            onionHostname: nil, cropMarks: true)
        return try Card(content: content).svg(.front)
    }

    @Test(arguments: [
        "https://example.org",
        "https://zeit-fuer-dich.example:8443",
        "https://a-rather-long-but-printable-name.example",
    ])
    func renderedFrontDecodesToTheAddress(address: String) throws {
        #expect(try Rendering.decodeQRCodes(in: front(address)) == [address])
    }

    @Test func backHoldsNoQRCode() throws {
        let content = CardContent(
            address: "https://example.org", lines: [CardLine(language: "en", text: "Hi.")],
            onionHostname: nil, cropMarks: true)
        #expect(try Rendering.decodeQRCodes(in: Card(content: content).svg(.back)) == [])
    }

    /// A crease wipes out a stripe of modules; level H restores them.
    @Test func frontStillDecodesWithAStripeOfModulesLost() throws {
        let svg = try front("https://example.org")
        // Page coordinates: the code's box starts at 5 + 3 + 4 = 12 mm and is
        // 30 mm wide; this covers more than one row of 0.81 mm modules.
        let crease = "<rect x=\"12\" y=\"26.5\" width=\"30\" height=\"1.2\" fill=\"#FFFFFF\"/>\n"
        let damaged = svg.replacingOccurrences(of: "</svg>", with: crease + "</svg>")
        #expect(damaged != svg)
        #expect(try Rendering.decodeQRCodes(in: damaged) == ["https://example.org"])
    }

    /// 150 dpi is a phone camera's view of a card at arm's length, roughly.
    @Test func frontDecodesFromALowResolutionRendering() throws {
        let address = "https://a-rather-long-but-printable-name.example"
        #expect(try Rendering.decodeQRCodes(in: front(address), dpi: 150) == [address])
    }
}
