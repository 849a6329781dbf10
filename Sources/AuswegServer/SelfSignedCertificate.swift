import CTLS
import Glibc

/// Makes the embedded default's certificate: ECDSA P-256, self-signed for
/// `localhost` and 127.0.0.1, made with libcrypto (no `openssl` program).
///
/// An existing pair in the folder is kept while it is valid, so browsers
/// that accepted it once keep accepting it; an expired one is replaced.
/// Files appear whole or not at all: each is written to a temporary name
/// and renamed.
public enum SelfSignedCertificate {
    public static let certificateName = "localhost.crt"
    public static let keyName = "localhost.key"
    static let validDays = 365

    /// Returns the certificate and key paths in `folder`, creating them if
    /// either is missing or the certificate has expired.
    public static func ensure(in folder: String) throws(CertificateError) -> (
        certificate: String, key: String
    ) {
        let certificate = folder + "/" + certificateName
        let key = folder + "/" + keyName
        if access(key, R_OK) == 0, let notAfter = expiry(ofCertificateAt: certificate),
            notAfter > time(nil)
        {
            return (certificate, key)
        }
        guard mkdir(folder, 0o700) == 0 || errno == EEXIST else {
            throw .cannotWrite(folder, errno: errno)
        }
        let (certificatePEM, keyPEM) = try generate()
        try writeWhole(keyPEM, to: key, mode: 0o600)
        try writeWhole(certificatePEM, to: certificate, mode: 0o644)
        return (certificate, key)
    }

    /// When the PEM certificate at `path` stops being valid, in seconds since
    /// the epoch; nil if it cannot be read.
    public static func expiry(ofCertificateAt path: String) -> time_t? {
        guard let file = BIO_new_file(path, "r") else {
            ERR_clear_error()
            return nil
        }
        defer { BIO_free(file) }
        guard let certificate = PEM_read_bio_X509(file, nil, nil, nil) else {
            ERR_clear_error()
            return nil
        }
        defer { X509_free(certificate) }
        var moment = tm()
        guard ASN1_TIME_to_tm(X509_get0_notAfter(certificate), &moment) == 1 else { return nil }
        return timegm(&moment)
    }

    /// A new key and certificate, both as PEM text.
    static func generate() throws(CertificateError) -> (certificate: [UInt8], key: [UInt8]) {
        ERR_clear_error()
        guard let key = ctls_ec_generate("P-256") else {
            throw .openSSL(OpenSSLError("cannot generate a P-256 key"))
        }
        defer { EVP_PKEY_free(key) }
        guard let certificate = X509_new() else {
            throw .openSSL(OpenSSLError("cannot allocate a certificate"))
        }
        defer { X509_free(certificate) }
        try fill(certificate, key: key)
        guard X509_sign(certificate, key, EVP_sha256()) > 0 else {
            throw .openSSL(OpenSSLError("cannot sign the certificate"))
        }
        let certificatePEM = try pem { PEM_write_bio_X509($0, certificate) }
        let keyPEM = try pem { PEM_write_bio_PrivateKey($0, key, nil, nil, 0, nil, nil) }
        return (certificatePEM, keyPEM)
    }

    private static func fill(_ certificate: OpaquePointer, key: OpaquePointer)
        throws(CertificateError)
    {
        var serial = [UInt8](repeating: 0, count: 16)
        guard RAND_bytes(&serial, Int32(serial.count)) == 1 else {
            throw .openSSL(OpenSSLError("cannot draw a serial number"))
        }
        serial[0] &= 0x7f
        let serialNumber = BN_bin2bn(serial, Int32(serial.count), nil)
        defer { BN_free(serialNumber) }
        let name = X509_get_subject_name(certificate)
        guard X509_set_version(certificate, 2) == 1,
            BN_to_ASN1_INTEGER(serialNumber, X509_get_serialNumber(certificate)) != nil,
            X509_gmtime_adj(X509_getm_notBefore(certificate), -3600) != nil,
            X509_gmtime_adj(X509_getm_notAfter(certificate), 86400 * validDays) != nil,
            X509_set_pubkey(certificate, key) == 1,
            X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, "localhost", -1, -1, 0) == 1,
            X509_set_issuer_name(certificate, name) == 1,
            addExtension(certificate, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1"),
            addExtension(certificate, NID_basic_constraints, "critical,CA:FALSE"),
            addExtension(certificate, NID_ext_key_usage, "serverAuth")
        else {
            throw .openSSL(OpenSSLError("cannot fill in the certificate"))
        }
    }

    private static func addExtension(_ certificate: OpaquePointer, _ nid: Int32, _ value: String)
        -> Bool
    {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, certificate, certificate, nil, nil, 0)
        guard let ext = X509V3_EXT_conf_nid(nil, &context, nid, value) else { return false }
        defer { X509_EXTENSION_free(ext) }
        return X509_add_ext(certificate, ext, -1) == 1
    }

    private static func pem(_ write: (OpaquePointer) -> Int32) throws(CertificateError) -> [UInt8] {
        guard let bio = BIO_new(BIO_s_mem()) else {
            throw .openSSL(OpenSSLError("cannot allocate a memory BIO"))
        }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw .openSSL(OpenSSLError("cannot write PEM")) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        var count = BIO_read(bio, &chunk, Int32(chunk.count))
        while count > 0 {
            bytes += chunk[0..<Int(count)]
            count = BIO_read(bio, &chunk, Int32(chunk.count))
        }
        return bytes
    }

    private static func writeWhole(_ bytes: [UInt8], to path: String, mode: mode_t)
        throws(CertificateError)
    {
        let temporary = path + ".partial"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .cannotWrite(temporary, errno: errno) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == bytes.count, synced == 0, rename(temporary, path) == 0 else {
            let failure = errno
            unlink(temporary)
            throw .cannotWrite(path, errno: failure)
        }
    }
}
