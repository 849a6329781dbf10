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

    /// Writes a certificate for localhost signed by a new test root, as a
    /// CA issues one: `leaf` holds the certificate alone, `chain` the
    /// certificate followed by the root.
    static func makeIssued(leaf: String, chain: String, key: String, in folder: String) throws {
        let curve = KeyType.ecdsaP256.options
        let root = folder + "/root.crt"
        let rootKey = folder + "/root.key"
        let request = folder + "/leaf.csr"
        _ = try Command.succeed(
            "openssl",
            ["req", "-x509"] + curve
                + ["-nodes", "-subj", "/CN=Test Root", "-days", "2", "-keyout", rootKey]
                + ["-out", root])
        _ = try Command.succeed(
            "openssl",
            ["req"] + curve
                + ["-nodes", "-subj", "/CN=localhost", "-keyout", key, "-out", request])
        _ = try Command.succeed(
            "openssl",
            ["x509", "-req", "-in", request, "-CA", root, "-CAkey", rootKey]
                + ["-CAcreateserial", "-days", "2", "-out", leaf])
        let issued = try String(contentsOfFile: leaf, encoding: .utf8)
        let rootText = try String(contentsOfFile: root, encoding: .utf8)
        try (issued + rootText).write(toFile: chain, atomically: true, encoding: .utf8)
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
