import CTLS

/// SHA-256 in the base64 form that a Content-Security-Policy hash source
/// takes (CSP Level 3, §2.3.1).
enum Digest {
    static func sha256Base64(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let done = EVP_Digest(bytes, bytes.count, &digest, &length, EVP_sha256(), nil)
        precondition(done == 1 && length == 32, "libcrypto cannot compute SHA-256")
        var encoded = [UInt8](repeating: 0, count: 45)
        let count = EVP_EncodeBlock(&encoded, digest, Int32(length))
        return String(decoding: encoded[..<Int(count)], as: UTF8.self)
    }
}
