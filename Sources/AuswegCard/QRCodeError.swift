/// Why a text could not become the card's QR code.
public enum QRCodeError: Error, Sendable, Equatable {
    /// The text needs a larger symbol than the card can print with modules
    /// big enough to scan; `neededVersion` is 41 when even version 40 is too small.
    case textNeedsLargerVersion(neededVersion: Int, largestVersion: Int)
    /// A NUL byte would cut the text short in libqrencode.
    case textContainsNul
    /// libqrencode failed for another reason, with its `errno`.
    case encoderFailed(errno: Int32)
}
