import CTLS
import Glibc

/// A TLS server session over a non-blocking socket.
///
/// Want-read and want-write are states, not errors: both become
/// `.wouldBlock`, since the connection waits on both directions anyway. The
/// error queue is emptied before every call, so a stale error from another
/// connection on this thread never decides this one's fate.
final class TLSTransport: Transport {
    let fileDescriptor: Int32
    private let ssl: OpaquePointer
    /// After a fatal error OpenSSL forbids a shutdown.
    private var broken = false
    /// Set by `noteSocketRead` when a read of the socket returned fewer bytes
    /// than OpenSSL asked for (nonzero) or all of them (zero); the socket's
    /// BIO points at it, so it is freed only after the SSL and its BIO.
    private let socketReadCameUpShort: UnsafeMutablePointer<CChar>
    private let socketBIO: OpaquePointer?
    /// Set by every call into OpenSSL that may take the record buffers,
    /// cleared once they are freed, so a sweep frees each idle
    /// connection's buffers once, not at every turn.
    private var mayHoldBuffers = false

    /// Fails only when OpenSSL cannot allocate; the socket is then closed.
    init?(takingOwnershipOf fileDescriptor: Int32, context: TLSContext) {
        Self.clearErrors()
        guard let ssl = SSL_new(context.pointer), SSL_set_fd(ssl, fileDescriptor) == 1 else {
            ERR_clear_error()
            close(fileDescriptor)
            return nil
        }
        SSL_set_accept_state(ssl)
        self.ssl = ssl
        self.fileDescriptor = fileDescriptor
        socketReadCameUpShort = .allocate(capacity: 1)
        socketReadCameUpShort.initialize(to: 0)
        // SSL_set_fd made one socket BIO for both directions.
        socketBIO = SSL_get_rbio(ssl)
        BIO_set_callback_arg(socketBIO, socketReadCameUpShort)
    }

    deinit {
        SSL_free(ssl)
        close(fileDescriptor)
        socketReadCameUpShort.deallocate()
    }

    /// With read-ahead OpenSSL asks the socket for as much as its record
    /// buffer holds, so a read that came up short emptied the kernel's
    /// buffer; once OpenSSL has nothing buffered either, the next SSL_read
    /// would only find nothing (about one such read per request, strace).
    var lastReadDrained: Bool {
        socketReadCameUpShort.pointee != 0 && SSL_has_pending(ssl) == 0
    }

    func handshake() -> IOStep {
        Self.clearErrors()
        mayHoldBuffers = true
        let result = SSL_do_handshake(ssl)
        guard result == 1 else { return step(after: result) }
        // From now on the record buffers stay between requests: releasing
        // them after every record, as the context's mode does during the
        // handshake, made OpenSSL zero the whole 16 KiB read buffer
        // (cleanse-plaintext) and allocate it again for each request, about
        // a quarter of all instructions per keep-alive request (callgrind).
        // Each record's plaintext is still zeroed as it is read; the loop
        // frees the buffers of idle connections (`releaseIdleBuffers`).
        _ = ctls_clear_ssl_mode(ssl, Int(SSL_MODE_RELEASE_BUFFERS))
        return .done(0)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> IOStep {
        Self.clearErrors()
        // A read served from OpenSSL's buffer says nothing about the socket.
        socketReadCameUpShort.pointee = 0
        // The callback is set for the read only: OpenSSL calls it around
        // every BIO call, and a write makes many (about 1,000 instructions
        // per request with it always set, callgrind).
        BIO_set_callback_ex(socketBIO, noteSocketRead)
        mayHoldBuffers = true
        let result = SSL_read(ssl, buffer.baseAddress, Int32(buffer.count))
        BIO_set_callback_ex(socketBIO, nil)
        return result > 0 ? .done(Int(result)) : step(after: result)
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> IOStep {
        Self.clearErrors()
        mayHoldBuffers = true
        let result = SSL_write(ssl, bytes.baseAddress, Int32(bytes.count))
        return result > 0 ? .done(Int(result)) : step(after: result)
    }

    func shutdown() {
        if !broken {
            Self.clearErrors()
            _ = SSL_shutdown(ssl)
            Self.clearErrors()
        }
        _ = Glibc.shutdown(fileDescriptor, Int32(SHUT_WR))
    }

    func discard(into buffer: UnsafeMutableRawBufferPointer) -> IOStep {
        SocketIO.receive(fileDescriptor, into: buffer)
    }

    /// Frees the read and write buffers, unless they hold bytes not yet
    /// processed: OpenSSL before 3.0.14 freed a buffer holding part of a
    /// record (CVE-2024-4741), so that case is never asked of it.
    func releaseIdleBuffers() -> Bool {
        guard mayHoldBuffers, SSL_has_pending(ssl) == 0, SSL_free_buffers(ssl) == 1 else {
            return false
        }
        mayHoldBuffers = false
        return true
    }

    /// Empties this thread's error queue. ERR_clear_error resets all of the
    /// queue's slots, about 880 instructions (callgrind, OpenSSL 3.0), several
    /// times per request; looking first costs about 250, and the queue is
    /// nearly always empty already.
    private static func clearErrors() {
        if ERR_peek_error() != 0 { ERR_clear_error() }
    }

    private func step(after result: Int32) -> IOStep {
        let error = SSL_get_error(ssl, result)
        // The queue may hold the reason for a failure; nobody reads it, and it
        // must not linger into the next connection's call.
        Self.clearErrors()
        switch error {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return .wouldBlock
        case SSL_ERROR_ZERO_RETURN:
            return .closed
        default:
            broken = true
            return .failed
        }
    }
}

/// The socket BIO's callback: after each read it records in the callback's
/// argument whether the socket gave fewer bytes than asked for. Every call
/// passes `result` on unchanged, as OpenSSL goes on only when it is positive.
private func noteSocketRead(
    _ bio: OpaquePointer?, _ operation: Int32, _ argp: UnsafePointer<CChar>?, _ length: Int,
    _ argi: Int32, _ argl: Int, _ result: Int32, _ processed: UnsafeMutablePointer<Int>?
) -> Int {
    if operation == BIO_CB_READ | BIO_CB_RETURN, let flag = BIO_get_callback_arg(bio) {
        let cameUpShort = result > 0 && (processed?.pointee ?? length) < length
        flag.pointee = cameUpShort ? 1 : 0
    }
    return Int(result)
}
