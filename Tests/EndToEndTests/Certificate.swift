import Foundation

/// Certificates made and inspected with the openssl command.
enum Certificate {
    enum KeyType {
        case ecdsaP256
        case rsa2048

        var options: [String] {
            switch self {
            case .ecdsaP256: ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"]
            case .rsa2048: ["-newkey", "rsa:2048"]
            }
        }
    }

    /// Writes a new self-signed certificate for localhost and its key.
    static func make(
        certificate: String, key: String, type: KeyType = .ecdsaP256
    ) throws {
        let subject = ["-nodes", "-subj", "/CN=localhost", "-days", "2"]
        _ = try Command.succeed(
            "openssl",
            ["req", "-x509"] + type.options + subject + ["-keyout", key, "-out", certificate])
    }

    /// The SHA-256 fingerprint of the PEM certificate in `file`.
    static func fingerprint(ofFile file: String) throws -> String {
        try fingerprint(["-in", file], input: [])
    }

    /// The SHA-256 fingerprint of a PEM certificate.
    static func fingerprint(ofPEM pem: String) throws -> String {
        try fingerprint([], input: Array(pem.utf8))
    }

    private static func fingerprint(_ source: [String], input: [UInt8]) throws -> String {
        let arguments = ["x509", "-noout", "-fingerprint", "-sha256"] + source
        let result = try Command.succeed("openssl", arguments, input: input)
        return result.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
