import Foundation
import Testing

/// `ausweg card` as an operator runs it: the PDF for the print shop holds the
/// card's two faces at their printed size, with every font embedded, and its
/// QR code, read by a real decoder, opens exactly the configured address.
@Suite(.timeLimit(.minutes(1)))
struct CardTests {
    static let address = "https://zeit-fuer-dich.example"
    static let onion = "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion"

    /// Makes the card from a configuration file in `files`; returns the PDF.
    private func makeCard(in files: TemporaryDirectory, _ extra: [String] = []) throws -> String {
        let config = try files.write(
            "PublicURL \(Self.address)\nCardLanguages de en ro\n", to: "ausweg.conf")
        let result = try Command.succeed(
            PackageLayout.binary,
            ["card", "--config", config, "--out", files.file("card.svg")] + extra)
        let written = ["card-front.svg", "card-back.svg", "card.pdf"].map(files.file)
        #expect(result.text == "wrote \(written.joined(separator: ", "))\n")
        #expect(result.errorOutput == "")
        return files.file("card.pdf")
    }

    /// The QR codes zbarimg finds on one page of `pdf` rasterised at 300 dpi.
    private func qrCodes(onPage page: Int, of pdf: String, in files: TemporaryDirectory)
        throws -> [String]
    {
        let stem = files.file("page\(page)")
        _ = try Command.succeed(
            "pdftoppm",
            [
                "-r", "300", "-f", "\(page)", "-l", "\(page)", "-singlefile", "-png",
                pdf, stem,
            ])
        // zbarimg exits 4 when the image holds no code.
        let read = try Command.run(
            "zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", stem + ".png"])
        #expect(read.status == 0 || read.status == 4)
        return read.text.split(separator: "\n").map(String.init)
    }

    @Test func qrCodeInThePrintShopsPDFOpensThePublicAddress() throws {
        let files = try TemporaryDirectory()
        let pdf = try makeCard(in: files)

        #expect(try qrCodes(onPage: 1, of: pdf, in: files) == [Self.address])
        #expect(try qrCodes(onPage: 2, of: pdf, in: files) == [])
    }

    /// 101 × 71 mm with crop marks, 91 × 61 mm without: 1 mm is 72 / 25.4 pt.
    @Test(arguments: [
        ([String](), "286.299 x 201.26 pts"), (["--CardCropMarks", "0"], "257.953 x 172.913 pts"),
    ])
    func pdfHasTwoPagesOfTheCardsPrintedSize(extra: [String], size: String) throws {
        let files = try TemporaryDirectory()
        let info = try Command.succeed("pdfinfo", [try makeCard(in: files, extra)]).text

        #expect(info.contains("Pages:           2\n"))
        #expect(info.contains("Page size:       \(size)"))
    }

    @Test func everyFontInThePDFIsEmbedded() throws {
        let files = try TemporaryDirectory()
        let fonts = try Command.succeed("pdffonts", [try makeCard(in: files)]).text
        // Two heading lines, then one line per font; "emb" is the fifth
        // column from the right (emb, sub, uni, object number, generation).
        let rows = fonts.split(separator: "\n").dropFirst(2)
        #expect(rows.count >= 2)
        for row in rows {
            let columns = row.split(separator: " ")
            #expect(columns.count >= 6 && columns[columns.count - 5] == "yes", "\(row)")
        }
    }

    @Test func badAddressIsRefusedAndNothingIsWritten() throws {
        let files = try TemporaryDirectory()
        let long = "https://" + String(repeating: "a", count: 60) + ".example"

        let result = try Command.run(
            PackageLayout.binary,
            ["card", "--out", files.file("card.svg"), "--PublicURL", long])

        #expect(result.status == 2)
        #expect(
            result.errorOutput.hasPrefix(
                "ausweg: command line:4: PublicURL: too long for the card's QR code"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: files.path) == [])
    }
}
