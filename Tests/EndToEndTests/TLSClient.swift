/// `openssl s_client` against a server's HTTPS listener.
enum TLSClient {
    /// Sends `request` in one write over one TLS connection and returns
    /// every byte that came back until the server closed it.
    ///
    /// `-quiet` keeps s_client's own output off stdout and keeps the
    /// connection open after the input ends, so the server decides when it
    /// closes.
    static func exchange(_ request: String, port: Int, timeout: Double = 10) throws -> [UInt8] {
        let arguments = ["s_client", "-connect", "127.0.0.1:\(port)", "-servername", "localhost"]
        let result = try Command.run(
            "openssl", arguments + ["-quiet"], input: Array(request.utf8), timeout: timeout)
        return result.output
    }

    /// Sends raw `bytes` over one TLS connection; returns what came back
    /// and whether the server closed the connection before `timeout`.
    static func exchange(
        _ bytes: [UInt8], port: Int, timeout: Double = 10
    ) throws -> (bytes: [UInt8], closed: Bool) {
        let arguments = ["s_client", "-connect", "127.0.0.1:\(port)", "-servername", "localhost"]
        let result = try Command.run(
            "openssl", arguments + ["-quiet"], input: bytes, timeout: timeout, keepOutput: true)
        return (result.output, result.finished)
    }

    /// Performs one handshake with extra s_client `options` (protocol,
    /// cipher, ALPN) and sends nothing; `serverName` nil sends no SNI.
    static func handshake(
        port: Int, options: [String] = [], serverName: String? = "localhost"
    ) throws -> TLSHandshake {
        let name = serverName.map { ["-servername", $0] } ?? ["-noservername"]
        let arguments = ["s_client", "-connect", "127.0.0.1:\(port)"] + name
        let result = try Command.run("openssl", arguments + options)
        return TLSHandshake(result.text + result.errorOutput)
    }
}
