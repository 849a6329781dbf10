/// The card's measures in millimetres, in the trim box's coordinates (0, 0 at
/// the top left corner of the cut card). The SVG page is the bleed box.
enum CardGeometry {
    /// ISO/IEC 7810 ID-1 is 85.6 × 54; German business cards are 85 × 55.
    static let trimWidth = 85.0
    static let trimHeight = 55.0
    /// What print shops ask for: background colour runs 3 mm past the cut.
    static let bleed = 3.0
    /// Nothing that must survive an inexact cut comes closer to the edge.
    static let safeMargin = 4.0

    /// With crop marks the page grows by this white margin around the
    /// bleed, and each mark runs across it on the extension of a trim line,
    /// so that no mark can show on the cut card. Without them the page is
    /// the bleed box, the 91 × 61 mm file that online printers ask for.
    static let cropMarkMargin = 5.0
    static let cropMarkWidth = 0.12

    /// The QR code's white square, quiet zone included.
    static let qrBox = 30.0
    /// ISO/IEC 18004 asks for a light margin four modules wide.
    static let quietZoneModules = 4

    /// The coloured band along the bottom edge, bleed not counted.
    static let bandHeight = 6.0

    /// The back's address sits where the front's does, or higher when the
    /// onion address goes below it.
    static let backAddressMiddle = 41.5
    static let backAddressMiddleAboveOnion = 39.5
    static let onionAboveBand = 2.5

    /// Between the QR code and the text beside it.
    static let gutter = 4.0

    static var contentWidth: Double { trimWidth - 2 * safeMargin }
    static var bandTop: Double { trimHeight - bandHeight }
    static var frontColumnX: Double { safeMargin + qrBox + gutter }
    static var frontColumnWidth: Double { trimWidth - safeMargin - frontColumnX }
}
