/// A business card, 85 × 55 mm with 3 mm bleed, checked and laid out: the
/// front holds the QR code of the address, the first language's line and
/// the address in clear text; the back holds every language's line, the
/// address and, when set, the onion address.
///
/// Everything that can make a card unprintable is found here, before any
/// file is written.
public struct Card: Sendable {
    public let content: CardContent
    let qrCode: QRMatrix
    let frontLines: [String]
    let frontSize: Double
    let addressSize: Double
    let backSize: Double

    public init(content: CardContent) throws(CardError) {
        self.content = content
        qrCode = try Self.encode(content.address)
        // On the front the address starts where the visible modules do.
        addressSize = try Self.fitAddress(
            content.shortAddress, width: CardGeometry.contentWidth - Self.quietZoneWidth(qrCode))
        guard let first = content.lines.first else { throw .noLines }
        guard content.lines.count <= CardSettings.mostLanguages else {
            throw .tooManyLines(most: CardSettings.mostLanguages)
        }
        (frontLines, frontSize) = try Self.wrapFront(first)
        backSize = try Self.fitBack(content.lines)
    }

    /// The SVG document of one face, the page being the bleed box.
    public func svg(_ face: CardFace) -> String {
        var document = SVGDocument(
            width: CardGeometry.trimWidth + 2 * trimInset,
            height: CardGeometry.trimHeight + 2 * trimInset)
        drawPaper(into: &document)
        let inset = SVGDocument.number(trimInset)
        document.openGroup(transform: "translate(\(inset) \(inset))")
        switch face {
        case .front: drawFront(into: &document)
        case .back: drawBack(into: &document)
        }
        document.closeGroup()
        if content.cropMarks { drawCropMarks(into: &document) }
        return document.finished()
    }

    /// From the page's edge to the trim box: the bleed, and the crop marks'
    /// margin when they are printed.
    var trimInset: Double {
        CardGeometry.bleed + (content.cropMarks ? CardGeometry.cropMarkMargin : 0)
    }

    /// The site is served over HTTPS only, and a plain http:// address
    /// would show its name to whoever watches the network.
    private static func encode(_ address: String) throws(CardError) -> QRMatrix {
        let scheme = CardContent.scheme
        guard address.hasPrefix(scheme), address.count > scheme.count else {
            throw .addressNotWeb
        }
        do {
            return try QRMatrix(encoding: address)
        } catch {
            throw .addressNotEncodable(error)
        }
    }

    private static func fitAddress(_ text: String, width: Double) throws(CardError) -> Double {
        let smallest = CardTypography.addressSmallest
        guard
            let size = TextMetrics.fittingSize(
                text, width: width, style: .bold,
                largest: CardTypography.addressLargest, smallest: smallest)
        else {
            let most = Int(width / (TextMetrics.Style.bold.advance * smallest))
            throw .addressTooWideToPrint(mostCharacters: most)
        }
        return size
    }

    private static func wrapFront(_ line: CardLine) throws(CardError) -> ([String], Double) {
        let sizes = TextMetrics.sizes(
            from: CardTypography.frontLargest, downTo: CardTypography.frontSmallest)
        for size in sizes {
            if let lines = TextMetrics.balancedWrap(
                line.text, width: CardGeometry.frontColumnWidth, size: size, style: .regular,
                maxLines: CardTypography.frontMostLines)
            {
                return (lines, size)
            }
        }
        throw .lineTooLongForFront(language: line.language)
    }

    /// One size for all lines on the back, so that no language looks
    /// more important than another.
    private static func fitBack(_ lines: [CardLine]) throws(CardError) -> Double {
        var common = CardTypography.backLargest
        for line in lines {
            guard
                let size = TextMetrics.fittingSize(
                    line.text, width: CardGeometry.contentWidth, style: .regular,
                    largest: CardTypography.backLargest, smallest: CardTypography.backSmallest)
            else { throw .lineTooLongForBack(language: line.language) }
            common = min(common, size)
        }
        return common
    }
}

/// One side of the card.
public enum CardFace: String, Sendable, CaseIterable {
    case front
    case back
}
