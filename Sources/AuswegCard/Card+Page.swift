extension Card {
    /// White paper to the bleed edge, and the coloured band along the
    /// bottom, which runs into the bleed so that no white edge shows after
    /// an inexact cut.
    func drawPaper(into document: inout SVGDocument) {
        document.rectangle(
            x: 0, y: 0, width: CardGeometry.pageWidth, height: CardGeometry.pageHeight,
            fill: CardTypography.paper)
        document.rectangle(
            x: 0, y: CardGeometry.bleed + CardGeometry.bandTop, width: CardGeometry.pageWidth,
            height: CardGeometry.bandHeight + CardGeometry.bleed, fill: CardTypography.accent)
    }

    /// Eight short lines in the bleed's corners, in page coordinates, each on
    /// the extension of a trim line and stopping `cropMarkGap` before it.
    func drawCropMarks(into document: inout SVGDocument) {
        let bleed = CardGeometry.bleed
        let reach = bleed - CardGeometry.cropMarkGap
        let width = CardGeometry.cropMarkWidth
        let corners: [(x: Double, y: Double, outX: Double, outY: Double)] = [
            (bleed, bleed, -1, -1),
            (bleed + CardGeometry.trimWidth, bleed, 1, -1),
            (bleed, bleed + CardGeometry.trimHeight, -1, 1),
            (bleed + CardGeometry.trimWidth, bleed + CardGeometry.trimHeight, 1, 1),
        ]
        for corner in corners {
            let edgeX = corner.x + corner.outX * bleed
            let edgeY = corner.y + corner.outY * bleed
            document.line(
                from: (edgeX, corner.y), to: (edgeX - corner.outX * reach, corner.y),
                width: width)
            document.line(
                from: (corner.x, edgeY), to: (corner.x, edgeY - corner.outY * reach),
                width: width)
        }
    }
}
