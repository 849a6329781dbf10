// OpenSSL 3 exposes much of its API as function-like macros, which Swift
// cannot import. Each function here forwards exactly one macro or constant
// and does nothing else.
#ifndef AUSWEG_CTLS_SHIM_H
#define AUSWEG_CTLS_SHIM_H

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

static inline int ctls_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

static inline int ctls_set_max_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_max_proto_version(ctx, version);
}

static inline uint64_t ctls_set_options(SSL_CTX *ctx, uint64_t options) {
    return SSL_CTX_set_options(ctx, options);
}

static inline long ctls_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}

static inline long ctls_clear_ssl_mode(SSL *ssl, long mode) {
    return SSL_clear_mode(ssl, mode);
}

static inline long ctls_set_read_ahead(SSL_CTX *ctx, int yes) {
    return SSL_CTX_set_read_ahead(ctx, yes);
}

static inline long ctls_set_session_cache_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_session_cache_mode(ctx, mode);
}

static inline uint64_t ctls_op_cipher_server_preference(void) {
    return SSL_OP_CIPHER_SERVER_PREFERENCE;
}

static inline uint64_t ctls_op_no_compression(void) { return SSL_OP_NO_COMPRESSION; }

static inline uint64_t ctls_op_no_renegotiation(void) { return SSL_OP_NO_RENEGOTIATION; }

static inline uint64_t ctls_op_no_ticket(void) { return SSL_OP_NO_TICKET; }

static inline uint64_t ctls_op_cleanse_plaintext(void) { return SSL_OP_CLEANSE_PLAINTEXT; }

static inline EVP_PKEY *ctls_ec_generate(const char *curve) { return EVP_EC_gen(curve); }

static inline int ctls_set1_groups_list(SSL_CTX *ctx, const char *list) {
    return (int)SSL_CTX_set1_groups_list(ctx, list);
}

static inline int ctls_extra_chain_count(SSL_CTX *ctx) {
    STACK_OF(X509) *chain = NULL;
    if (SSL_CTX_get0_chain_certs(ctx, &chain) != 1 || chain == NULL) return 0;
    return sk_X509_num(chain);
}

#endif
