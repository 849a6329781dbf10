/// Font sizes (millimetres of em) and colours of the card.
///
/// The smallest sizes are the legibility floor: 2.2 mm is about 6 pt, the
/// least a print shop recommends for body text; the onion address at 1.9 mm
/// (5.4 pt) is for copying, not for reading at a glance.
enum CardTypography {
    static let frontLargest = 3.6
    static let frontSmallest = 2.4
    static let frontMostLines = 3
    static let frontLineHeight = 1.3

    static let addressLargest = 4.2
    static let addressSmallest = 2.6

    static let backLargest = 3.2
    static let backSmallest = 2.2
    static let backLineHeight = 1.5

    static let onionSize = 1.9

    /// From a line's visual middle down to its baseline, in ems.
    static let middleToBaseline = 0.33

    static let paper = "#FFFFFF"
    static let ink = "#1F2A2E"
    static let quietInk = "#4A5459"
    /// A soft sage, the colour of a wellness leaflet.
    static let accent = "#9CB7A8"
    static let qrDark = "#000000"
}
