/// Why the harness could not drive the server or a client.
enum HarnessError: Error, CustomStringConvertible {
    case executableNotFound(String)
    case fileNotCreated(String)
    case serverExited(status: Int32, standardError: String)
    case startupTimedOut(standardOutput: String, standardError: String)
    case unknownStartupLine(String)
    case listenerNotStarted(Listener)
    case commandTimedOut(String)
    case commandFailed(String, status: Int32, standardError: String)
    case socketFailed(String, errno: Int32)
    case responseTimedOut(received: Int)
    case closedBeforeResponse(received: Int)
    case malformedResponse(String)
    case malformedAudio(String)

    var description: String {
        switch self {
        case .executableNotFound(let name): "no executable \(name)"
        case .fileNotCreated(let path): "cannot create \(path)"
        case .serverExited(let status, let standardError):
            "server exited with \(status) before it listened: \(standardError)"
        case .startupTimedOut(let standardOutput, let standardError):
            "server did not print its listeners in time: \(standardOutput) \(standardError)"
        case .unknownStartupLine(let line): "unexpected start-up line: \(line)"
        case .listenerNotStarted(let listener): "the server has no \(listener) listener"
        case .commandTimedOut(let command): "timed out: \(command)"
        case .commandFailed(let command, let status, let standardError):
            "\(command) exited with \(status): \(standardError)"
        case .socketFailed(let call, let errno): "\(call) failed with errno \(errno)"
        case .responseTimedOut(let received): "no full response in time (\(received) bytes)"
        case .closedBeforeResponse(let received):
            "connection closed before a full response (\(received) bytes)"
        case .malformedResponse(let reason): "malformed response: \(reason)"
        case .malformedAudio(let reason): "not playable audio: \(reason)"
        }
    }
}
