extension Card {
    /// The QR code on the left, the first language's line beside it, the
    /// address in clear text across the card below.
    func drawFront(into document: inout SVGDocument) {
        drawQRCode(into: &document)

        let middle = CardGeometry.safeMargin + CardGeometry.qrBox / 2
        let step = frontSize * CardTypography.frontLineHeight
        var baseline =
            middle - Double(frontLines.count - 1) * step / 2
            + frontSize * CardTypography.middleToBaseline
        for line in frontLines {
            document.text(
                line, x: CardGeometry.frontColumnX, baseline: baseline, size: frontSize,
                style: .regular, anchor: "start", fill: CardTypography.ink,
                language: content.lines.first?.language)
            baseline += step
        }

        // The quiet zone is white on white; the address lines up with the
        // visible modules instead.
        let qrBottom = CardGeometry.safeMargin + CardGeometry.qrBox
        let addressMiddle = (qrBottom + CardGeometry.bandTop) / 2
        document.text(
            content.shortAddress, x: CardGeometry.safeMargin + quietZoneWidth,
            baseline: addressMiddle + addressSize * CardTypography.middleToBaseline,
            size: addressSize, style: .bold, anchor: "start", fill: CardTypography.ink)
    }

    /// A white square with the quiet zone, and the dark modules as one path
    /// in module units, scaled to the square.
    private func drawQRCode(into document: inout SVGDocument) {
        let origin = CardGeometry.safeMargin
        document.rectangle(
            x: origin, y: origin, width: CardGeometry.qrBox, height: CardGeometry.qrBox,
            fill: CardTypography.paper)
        let module = moduleSize
        let offset = origin + quietZoneWidth
        let place = "\(SVGDocument.number(offset)) \(SVGDocument.number(offset))"
        document.openGroup(transform: "translate(\(place)) scale(\(module))")
        document.path(modulePath(), fill: CardTypography.qrDark)
        document.closeGroup()
    }

    /// The side of one module in millimetres.
    var moduleSize: Double { Self.moduleSize(qrCode) }

    var quietZoneWidth: Double { Self.quietZoneWidth(qrCode) }

    static func moduleSize(_ code: QRMatrix) -> Double {
        CardGeometry.qrBox / Double(code.size + 2 * CardGeometry.quietZoneModules)
    }

    static func quietZoneWidth(_ code: QRMatrix) -> Double {
        Double(CardGeometry.quietZoneModules) * moduleSize(code)
    }

    /// Each horizontal run of dark modules as one rectangle.
    private func modulePath() -> String {
        var data = ""
        for row in 0..<qrCode.size {
            var column = 0
            while column < qrCode.size {
                guard qrCode.isDark(row: row, column: column) else {
                    column += 1
                    continue
                }
                let start = column
                while column < qrCode.size && qrCode.isDark(row: row, column: column) {
                    column += 1
                }
                data += "M\(start) \(row)h\(column - start)v1h-\(column - start)z"
            }
        }
        return data
    }
}
