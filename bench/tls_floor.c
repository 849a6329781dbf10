// What libssl alone costs a server on this machine: no sockets, no event
// loop, no HTTP. A client and a server session talk through memory BIOs in
// one thread, and only the server's calls are timed (thread CPU time), so
// the figures are the floor under any server built on this OpenSSL.
//
// usage: tls_floor CERT KEY REQUEST_BYTES RESPONSE_BYTES HANDSHAKES RESPONSES
// prints: handshake_us=... close_us=... response_us=...
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

// The same policy as both servers in the benchmark.
static const char *tls12_ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

// Responses are written in batches into one memory BIO, then dropped.
enum { batch = 256 };
// Untimed rounds first, so page faults and cold caches are not counted.
enum { warmup = 8 };

static double thread_seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static void fail(const char *what) {
    fprintf(stderr, "tls_floor: %s\n", what);
    ERR_print_errors_fp(stderr);
    exit(1);
}

static SSL_CTX *server_context(const char *cert, const char *key) {
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    if (ctx == NULL) fail("SSL_CTX_new");
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION);
    SSL_CTX_set_cipher_list(ctx, tls12_ciphers);
    SSL_CTX_set1_groups_list(ctx, "X25519:P-256:P-384");
    SSL_CTX_set_options(ctx, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_COMPRESSION |
                                 SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_TICKET);
    SSL_CTX_set_num_tickets(ctx, 0);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
    if (SSL_CTX_use_certificate_chain_file(ctx, cert) != 1) fail("certificate");
    if (SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1) fail("key");
    return ctx;
}

// A client with OpenSSL's defaults, as wrk and most clients use them.
static SSL_CTX *client_context(void) {
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (ctx == NULL) fail("SSL_CTX_new");
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
    return ctx;
}

// Moves whatever `from` wrote into the memory BIO `to` reads.
static void pump(BIO *from, BIO *to) {
    char chunk[16384];
    int count;
    while ((count = BIO_read(from, chunk, sizeof chunk)) > 0) {
        if (BIO_write(to, chunk, count) != count) fail("BIO_write");
    }
}

struct pair {
    SSL *server, *client;
    BIO *server_in, *server_out, *client_in, *client_out;
};

static void pair_client(struct pair *p, SSL_CTX *client_ctx) {
    p->client = SSL_new(client_ctx);
    p->client_in = BIO_new(BIO_s_mem());
    p->client_out = BIO_new(BIO_s_mem());
    SSL_set_bio(p->client, p->client_in, p->client_out);
    SSL_set_connect_state(p->client);
}

static void pair_server(struct pair *p, SSL_CTX *server_ctx) {
    p->server = SSL_new(server_ctx);
    p->server_in = BIO_new(BIO_s_mem());
    p->server_out = BIO_new(BIO_s_mem());
    SSL_set_bio(p->server, p->server_in, p->server_out);
    SSL_set_accept_state(p->server);
}

// Runs both sides to the end of the handshake; returns the server's time.
static double handshake(struct pair *p, SSL_CTX *server_ctx) {
    double spent = 0;
    double start = thread_seconds();
    pair_server(p, server_ctx);
    spent += thread_seconds() - start;
    int client_done = 0, server_done = 0;
    for (int step = 0; step < 16 && !(client_done && server_done); step++) {
        if (!client_done) client_done = SSL_do_handshake(p->client) == 1;
        pump(p->client_out, p->server_in);
        start = thread_seconds();
        if (!server_done) server_done = SSL_do_handshake(p->server) == 1;
        spent += thread_seconds() - start;
        pump(p->server_out, p->client_in);
    }
    if (!client_done || !server_done) fail("handshake did not finish");
    return spent;
}

static double timed_shutdown(struct pair *p) {
    double start = thread_seconds();
    SSL_shutdown(p->server);
    return thread_seconds() - start;
}

static double timed_free(struct pair *p) {
    double start = thread_seconds();
    SSL_free(p->server);
    return thread_seconds() - start;
}

int main(int argc, char **argv) {
    if (argc != 7) {
        fprintf(stderr, "usage: tls_floor CERT KEY REQUEST RESPONSE HANDSHAKES RESPONSES\n");
        return 2;
    }
    int request_size = atoi(argv[3]), response_size = atoi(argv[4]);
    int handshakes = atoi(argv[5]), responses = atoi(argv[6]);
    SSL_CTX *server_ctx = server_context(argv[1], argv[2]);
    SSL_CTX *client_ctx = client_context();
    char *request = calloc(1, (size_t)request_size);
    char *response = calloc(1, (size_t)response_size);
    char *scratch = malloc(65536);

    // 1. Connections: SSL_new, the whole handshake and SSL_free, then apart
    // the close_notify a closing server sends. The first few warm caches.
    double handshake_time = 0, close_time = 0;
    for (int i = -warmup; i < handshakes; i++) {
        struct pair p;
        pair_client(&p, client_ctx);
        double opened = handshake(&p, server_ctx);
        double closed = timed_shutdown(&p);
        opened += timed_free(&p);
        SSL_free(p.client);
        if (i >= 0) {
            handshake_time += opened;
            close_time += closed;
        }
    }

    // 2. Responses on one session: the server reads a request and writes the
    // response. The client's requests are sealed before the clock runs, and
    // the server's records are dropped unread, as TLS needs no reply.
    struct pair p;
    pair_client(&p, client_ctx);
    handshake(&p, server_ctx);
    double response_time = 0;
    for (int done = -warmup * batch; done < responses; done += batch) {
        for (int i = 0; i < batch; i++) {
            if (SSL_write(p.client, request, request_size) != request_size) fail("request");
        }
        pump(p.client_out, p.server_in);
        double start = thread_seconds();
        for (int i = 0; i < batch; i++) {
            int got = 0;
            while (got < request_size) {
                int count = SSL_read(p.server, scratch, request_size - got);
                if (count <= 0) fail("SSL_read");
                got += count;
            }
            if (SSL_write(p.server, response, response_size) != response_size) fail("write");
        }
        if (done >= 0) response_time += thread_seconds() - start;
        (void)BIO_reset(p.server_out);
    }

    int counted = (responses + batch - 1) / batch * batch;
    printf("handshake_us=%.2f close_us=%.2f response_us=%.3f\n",
           handshake_time / handshakes * 1e6, close_time / handshakes * 1e6,
           response_time / counted * 1e6);
    SSL_free(p.server);
    SSL_free(p.client);
    SSL_CTX_free(server_ctx);
    SSL_CTX_free(client_ctx);
    free(request);
    free(response);
    free(scratch);
    return 0;
}
