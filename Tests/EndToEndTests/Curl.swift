/// Runs the real curl against one server, over any of its listeners.
///
/// HTTPS requests go to `localhost` resolved to 127.0.0.1 and verify the
/// server's self-signed certificate, or skip verification when the test
/// gave the server its own certificate.
struct Curl {
    static let timeLimit = "10"

    let server: ServerProcess

    /// Fetches `path` and parses curl's `--include` output. `-X method`
    /// when `method` is set; HEAD is sent with `-I`.
    func fetch(
        _ path: String, on listener: Listener = .https, method: String = "GET",
        headers: [String] = []
    ) throws -> HTTPResponse {
        var options = headers.flatMap { ["-H", $0] }
        switch method {
        case "GET": break
        case "HEAD": options.append("-I")
        default: options += ["-X", method]
        }
        let result = try run([path], on: listener, options: options)
        let responses = try HTTPResponse.parseAll(result.output, toHead: [method == "HEAD"])
        return responses[0]
    }

    /// Fetches every path in turn with one curl, over one connection when
    /// the server keeps it open.
    func fetchAll(_ paths: [String], on listener: Listener = .https) throws -> [HTTPResponse] {
        let result = try run(paths, on: listener)
        return try HTTPResponse.parseAll(result.output, toHead: paths.map { _ in false })
    }

    /// Runs curl with `options` for `paths`, all in one invocation so
    /// curl may reuse its connection; throws unless curl succeeds.
    func run(
        _ paths: [String], on listener: Listener = .https, options: [String] = []
    ) throws -> CommandResult {
        let common = ["-s", "-S", "-i", "--path-as-is", "--max-time", Self.timeLimit]
        let (target, urls) = try address(listener, paths)
        return try Command.succeed("curl", common + target + options + urls)
    }

    private func address(
        _ listener: Listener, _ paths: [String]
    ) throws -> (options: [String], urls: [String]) {
        switch (listener, try server.endpoint(listener)) {
        case (.https, .loopback(let port)):
            let trust = server.generatedCertificate.map { ["--cacert", $0] } ?? ["-k"]
            let resolve = ["--resolve", "localhost:\(port):127.0.0.1"]
            return (trust + resolve, paths.map { "https://localhost:\(port)" + $0 })
        case (_, .loopback(let port)):
            return ([], paths.map { "http://127.0.0.1:\(port)" + $0 })
        case (_, .unixSocket(let path)):
            return (["--unix-socket", path], paths.map { "http://localhost" + $0 })
        }
    }
}
