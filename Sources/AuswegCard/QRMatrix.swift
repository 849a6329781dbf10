import CQRencode
import Glibc

/// The dark and light modules of a QR code made by libqrencode, without the
/// quiet zone.
///
/// Error correction is level H (about 30 % of the code words can be lost to a
/// crease or a stain). The smallest version that holds the text is chosen, so
/// the modules are as large as the card allows.
public struct QRMatrix: Sendable, Equatable {
    /// The largest QR version whose modules the card still prints big enough
    /// to scan from a worn card.
    public static let largestVersion = 6
    /// Bytes that version 6 holds at level H in byte mode (ISO/IEC 18004,
    /// table 7); a guide for error messages, libqrencode decides.
    public static let largestVersionByteCapacity = 58

    public let version: Int
    /// Modules per side: 17 + 4 × version.
    public let size: Int
    private let dark: [Bool]

    /// Encodes `text` at level H; throws if it needs more than `largestVersion`.
    public init(encoding text: String, largestVersion: Int = QRMatrix.largestVersion)
        throws(QRCodeError)
    {
        guard !text.utf8.contains(0) else { throw .textContainsNul }

        errno = 0
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_H, QR_MODE_8, 1) else {
            if errno == ERANGE {
                throw .textNeedsLargerVersion(neededVersion: 41, largestVersion: largestVersion)
            }
            throw .encoderFailed(errno: errno)
        }
        defer { QRcode_free(code) }

        let symbol = code.pointee
        guard Int(symbol.version) <= largestVersion else {
            throw .textNeedsLargerVersion(
                neededVersion: Int(symbol.version), largestVersion: largestVersion)
        }
        version = Int(symbol.version)
        size = Int(symbol.width)
        // libqrencode keeps one byte per module; bit 0 set means dark.
        let bytes = UnsafeBufferPointer(start: symbol.data, count: size * size)
        dark = bytes.map { $0 & 1 == 1 }
    }

    /// Whether the module in `row` and `column` (both from 0) is dark.
    public func isDark(row: Int, column: Int) -> Bool {
        dark[row * size + column]
    }
}
