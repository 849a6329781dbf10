extension Card {
    /// Every language's line, centred, then the address, then the onion
    /// address in small type when there is one.
    func drawBack(into document: inout SVGDocument) {
        let centre = CardGeometry.trimWidth / 2
        let onionBaseline = CardGeometry.bandTop - CardGeometry.onionAboveBand
        let addressMiddle =
            content.onionHostname == nil
            ? CardGeometry.backAddressMiddle : CardGeometry.backAddressMiddleAboveOnion

        let step = backSize * CardTypography.backLineHeight
        let regionTop = CardGeometry.safeMargin
        let regionBottom = addressMiddle - addressSize
        let middle = (regionTop + regionBottom) / 2
        var baseline =
            middle - Double(content.lines.count - 1) * step / 2
            + backSize * CardTypography.middleToBaseline
        for line in content.lines {
            document.text(
                line.text, x: centre, baseline: baseline, size: backSize, style: .regular,
                anchor: "middle", fill: CardTypography.ink, language: line.language)
            baseline += step
        }

        document.text(
            content.shortAddress, x: centre,
            baseline: addressMiddle + addressSize * CardTypography.middleToBaseline,
            size: addressSize, style: .bold, anchor: "middle", fill: CardTypography.ink)
        if let onion = content.onionHostname {
            document.text(
                onion, x: centre, baseline: onionBaseline, size: CardTypography.onionSize,
                style: .monospace, anchor: "middle", fill: CardTypography.quietInk)
        }
    }
}
