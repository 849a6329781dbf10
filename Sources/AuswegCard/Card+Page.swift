extension Card {
    /// White paper to the page's edge, and the coloured band along the
    /// bottom, which runs into the bleed so that no white edge shows after
    /// an inexact cut.
    func drawPaper(into document: inout SVGDocument) {
        let bleedBox = trimInset - CardGeometry.bleed
        document.rectangle(
            x: 0, y: 0, width: CardGeometry.trimWidth + 2 * trimInset,
            height: CardGeometry.trimHeight + 2 * trimInset, fill: CardTypography.paper)
        document.rectangle(
            x: bleedBox, y: trimInset + CardGeometry.bandTop,
            width: CardGeometry.trimWidth + 2 * CardGeometry.bleed,
            height: CardGeometry.bandHeight + CardGeometry.bleed, fill: CardTypography.accent)
    }

    /// Eight lines in the margin outside the bleed, in page coordinates: two
    /// at each corner, each on the extension of a trim line, from the page's
    /// edge to the bleed's.
    func drawCropMarks(into document: inout SVGDocument) {
        let inset = trimInset
        let length = CardGeometry.cropMarkMargin
        let right = inset + CardGeometry.trimWidth
        let bottom = inset + CardGeometry.trimHeight
        let pageRight = right + inset
        let pageBottom = bottom + inset
        for y in [inset, bottom] {
            document.line(from: (0, y), to: (length, y), width: CardGeometry.cropMarkWidth)
            document.line(
                from: (pageRight, y), to: (pageRight - length, y),
                width: CardGeometry.cropMarkWidth)
        }
        for x in [inset, right] {
            document.line(from: (x, 0), to: (x, length), width: CardGeometry.cropMarkWidth)
            document.line(
                from: (x, pageBottom), to: (x, pageBottom - length),
                width: CardGeometry.cropMarkWidth)
        }
    }
}
