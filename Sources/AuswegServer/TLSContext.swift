import CTLS

/// A configured, immutable OpenSSL server context: the certificate chain, its
/// key and the protocol policy.
///
/// TLS 1.2 and 1.3 only, forward-secret AEAD suites, server preference, no
/// compression, no renegotiation, no session resumption (a resumed session
/// would recognise a returning visitor), ALPN `http/1.1` only; decrypted
/// request bytes are zeroed inside OpenSSL once read.
public final class TLSContext: @unchecked Sendable {
    // @unchecked: an SSL_CTX is only read after init; OpenSSL guards its
    // reference count, so connections on any thread may share it.
    let pointer: OpaquePointer

    /// TLS 1.2 suites: ECDHE key exchange with AEAD ciphers only.
    static let tls12Ciphers = [
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
    ].joined(separator: ":")

    /// Loads `certificateChainFile` (leaf first, then intermediates) and
    /// `keyFile`, and checks that the key belongs to the certificate and
    /// that a certificate not signed by itself comes with its chain.
    public init(certificateChainFile: String, keyFile: String) throws(OpenSSLError) {
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_server_method()) else {
            throw OpenSSLError("cannot create a TLS context")
        }
        pointer = context
        try configureProtocol()
        guard SSL_CTX_use_certificate_chain_file(context, certificateChainFile) == 1 else {
            throw OpenSSLError("\(certificateChainFile): cannot load the certificate chain")
        }
        guard SSL_CTX_use_PrivateKey_file(context, keyFile, SSL_FILETYPE_PEM) == 1 else {
            throw OpenSSLError("\(keyFile): cannot load the private key")
        }
        guard SSL_CTX_check_private_key(context) == 1 else {
            throw OpenSSLError("\(keyFile): the key does not match \(certificateChainFile)")
        }
        guard Self.carriesItsChain(context) else {
            throw OpenSSLError(
                "\(certificateChainFile): holds the certificate alone, without the"
                    + " intermediate certificates that vouch for it; use the full chain"
                    + " (certbot's fullchain.pem)")
        }
    }

    /// A certificate signed by another must come with the certificates
    /// between it and a root: browsers that lack them refuse it, and some
    /// only on some phones. A self-signed one needs none.
    private static func carriesItsChain(_ context: OpaquePointer) -> Bool {
        guard let leaf = SSL_CTX_get0_certificate(context) else { return false }
        let selfSigned =
            X509_NAME_cmp(X509_get_issuer_name(leaf), X509_get_subject_name(leaf)) == 0
        return selfSigned || ctls_extra_chain_count(context) > 0
    }

    deinit {
        SSL_CTX_free(pointer)
    }

    private func configureProtocol() throws(OpenSSLError) {
        guard ctls_set_min_proto_version(pointer, TLS1_2_VERSION) == 1,
            ctls_set_max_proto_version(pointer, TLS1_3_VERSION) == 1,
            SSL_CTX_set_cipher_list(pointer, Self.tls12Ciphers) == 1,
            ctls_set1_groups_list(pointer, "X25519:P-256:P-384") == 1
        else {
            throw OpenSSLError("cannot set the TLS protocol policy")
        }
        // Cleanse-plaintext: OpenSSL zeroes each decrypted request once it is
        // read, instead of keeping it in its record buffer (promise 2).
        _ = ctls_set_options(
            pointer,
            ctls_op_cipher_server_preference() | ctls_op_no_compression()
                | ctls_op_no_renegotiation() | ctls_op_no_ticket() | ctls_op_cleanse_plaintext())
        _ = SSL_CTX_set_num_tickets(pointer, 0)
        _ = ctls_set_session_cache_mode(pointer, Int(SSL_SESS_CACHE_OFF))
        // Released buffers keep a connection in its handshake small; each
        // connection keeps its buffers once the handshake is done.
        _ = ctls_set_mode(
            pointer,
            Int(
                SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER
                    | SSL_MODE_RELEASE_BUFFERS))
        // Without read-ahead, OpenSSL reads a record's 5-byte header and then
        // its body: two system calls for every request instead of one.
        _ = ctls_set_read_ahead(pointer, 1)
        SSL_CTX_set_alpn_select_cb(pointer, selectHTTP11, nil)
    }
}

/// ALPN (RFC 7301 §3.2): pick `http/1.1` or refuse the handshake, since this
/// server speaks nothing else. Captures nothing, as a C callback must.
private func selectHTTP11(
    _ ssl: OpaquePointer?, _ out: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
    _ outLength: UnsafeMutablePointer<UInt8>?, _ offered: UnsafePointer<UInt8>?,
    _ offeredLength: UInt32, _ argument: UnsafeMutableRawPointer?
) -> Int32 {
    guard let offered else { return SSL_TLSEXT_ERR_ALERT_FATAL }
    var index = 0
    while index < Int(offeredLength) {
        let length = Int(offered[index])
        let start = index + 1
        guard start + length <= Int(offeredLength) else { break }
        if length == 8, Array(UnsafeBufferPointer(start: offered + start, count: 8)) == http11 {
            out?.pointee = offered + start
            outLength?.pointee = 8
            return SSL_TLSEXT_ERR_OK
        }
        index = start + length
    }
    return SSL_TLSEXT_ERR_ALERT_FATAL
}

private let http11: [UInt8] = Array("http/1.1".utf8)
