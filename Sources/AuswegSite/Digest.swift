import CTLS

/// Hashes from libcrypto: SHA-256 for Content-Security-Policy hash sources
/// and audio clip hashes, SHA3-256 for onion address checksums.
public enum Digest {
    /// SHA-256 in the base64 form that a CSP hash source takes (CSP Level 3,
    /// §2.3.1).
    static func sha256Base64(_ text: String) -> String {
        let digest = hash(Array(text.utf8), EVP_sha256())
        var encoded = [UInt8](repeating: 0, count: 45)
        let count = EVP_EncodeBlock(&encoded, digest, Int32(digest.count))
        return String(decoding: encoded[..<Int(count)], as: UTF8.self)
    }

    /// SHA-256 in lowercase hexadecimal, to tell whether a clip's text,
    /// voice or commands changed.
    public static func sha256Hex(_ text: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for byte in hash(Array(text.utf8), EVP_sha256()) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    static func sha3Hash256(_ bytes: [UInt8]) -> [UInt8] {
        hash(bytes, EVP_sha3_256())
    }

    private static func hash(_ bytes: [UInt8], _ algorithm: OpaquePointer?) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let done = EVP_Digest(bytes, bytes.count, &digest, &length, algorithm, nil)
        precondition(done == 1 && length == 32, "libcrypto cannot compute a 256-bit digest")
        return Array(digest[..<Int(length)])
    }
}
