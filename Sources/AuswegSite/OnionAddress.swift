/// A v3 onion service's address as tor writes it to its `hostname` file:
/// 56 base32 characters, then `.onion`.
///
/// The version byte and the checksum are checked (rend-spec-v3, "Encoding
/// onion addresses"), so a truncated or mistyped file stops start-up instead
/// of sending readers to an address that is not ours.
public struct OnionAddress: Sendable, Equatable {
    /// `<56 characters>.onion`, lowercase, as typed into Tor Browser.
    public let hostname: String

    static let suffix = ".onion"
    static let encodedLength = 56
    static let keyLength = 32
    static let version: UInt8 = 3
    static let checksumPrefix = Array(".onion checksum".utf8)

    /// Parses the contents of tor's `hostname` file; `file` names it in errors.
    public init(hostnameFileText text: String, file: String) throws(ContentError) {
        let line = text.hasSuffix("\n") ? String(text.dropLast()) : text
        guard line.hasSuffix(Self.suffix),
            let bytes = Self.base32Decode(line.dropLast(Self.suffix.count)),
            bytes.count == Self.keyLength + 3
        else {
            throw ContentError(
                file: file, "expected a v3 onion address: 56 characters a-z, 2-7, then .onion")
        }
        let key = bytes[..<Self.keyLength]
        let checksum = bytes[Self.keyLength..<Self.keyLength + 2]
        guard bytes[Self.keyLength + 2] == Self.version else {
            throw ContentError(file: file, "not a version 3 onion address")
        }
        let expected = Digest.sha3Hash256(Self.checksumPrefix + key + [Self.version])
        guard Array(checksum) == Array(expected[..<2]) else {
            throw ContentError(file: file, "the onion address's checksum does not match")
        }
        hostname = line
    }

    /// RFC 4648 base32 in lowercase, without padding, of exactly 56
    /// characters (35 bytes); nil for any other text.
    static func base32Decode(_ text: Substring) -> [UInt8]? {
        guard text.utf8.count == encodedLength else { return nil }
        var bytes: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for character in text.utf8 {
            let value: UInt8
            switch character {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = character - UInt8(ascii: "a")
            case UInt8(ascii: "2")...UInt8(ascii: "7"): value = character - UInt8(ascii: "2") + 26
            default: return nil
            }
            buffer = buffer << 5 | UInt32(value)
            bits += 5
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return bytes
    }
}
