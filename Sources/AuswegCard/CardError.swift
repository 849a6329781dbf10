/// Why the card cannot be made from its content; each case names the part
/// of the content at fault.
public enum CardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The address is not `https://` followed by a host.
    case addressNotWeb
    case addressNotEncodable(QRCodeError)
    /// The address without its scheme is too wide for the card at the
    /// smallest legible size.
    case addressTooWideToPrint(mostCharacters: Int)
    case noLines
    case tooManyLines(most: Int)
    case lineTooLongForFront(language: String)
    case lineTooLongForBack(language: String)

    public var description: String {
        switch self {
        case .addressNotWeb:
            "the card's address must start with https:// and name a host"
        case .addressNotEncodable(.textNeedsLargerVersion(let needed, let largest)):
            "too long for the card's QR code: it needs version \(needed), the card prints"
                + " at most version \(largest) at error correction H"
                + " (about \(QRMatrix.largestVersionByteCapacity) characters)"
        case .addressNotEncodable(.textContainsNul):
            "the address contains a NUL byte"
        case .addressNotEncodable(.encoderFailed(let errno)):
            "libqrencode failed (errno \(errno))"
        case .addressTooWideToPrint(let most):
            "too long to print legibly on the card: at most about \(most) characters"
                + " without https://"
        case .noLines:
            "the card needs at least one line of wording"
        case .tooManyLines(let most):
            "at most \(most) languages fit on the card"
        case .lineTooLongForFront(let language):
            "the \(language) line is too long for the front of the card;"
                + " shorten it or choose another first language"
        case .lineTooLongForBack(let language):
            "the \(language) line is too long for the back of the card"
        }
    }
}
