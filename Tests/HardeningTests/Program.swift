import Foundation

/// Why a helper program could not be run to the end.
enum ProgramError: Error, CustomStringConvertible {
    case noScratchFolder
    case notFound(String)
    case notStarted(String, Int32)
    case timedOut(String)
    case serverDidNotStart(String)

    var description: String {
        switch self {
        case .noScratchFolder: "cannot make a folder in /tmp"
        case .notFound(let name): "\(name) is not installed (make test-deps)"
        case .notStarted(let path, let code): "posix_spawn \(path): error \(code)"
        case .timedOut(let line): "still running after its time limit: \(line)"
        case .serverDidNotStart(let output): "the server did not start: \(output)"
        }
    }
}

/// A finished program's status and output.
struct ProgramResult {
    let status: Int32
    let output: String
    let errors: String
}

/// Runs installed programs (install.sh, systemd-analyze, nft, curl) with a
/// time limit, so a hanging tool fails its test instead of CI.
enum Program {
    static let searchPath = [
        "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin",
    ]

    static func locate(_ name: String) throws -> String {
        if name.hasPrefix("/") { return name }
        for folder in searchPath
        where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
            return folder + "/" + name
        }
        throw ProgramError.notFound(name)
    }

    static func run(_ name: String, _ arguments: [String], seconds: Double = 60) throws
        -> ProgramResult
    {
        let scratch = try ScratchFolder()
        let child = try ChildProcess(
            try locate(name), arguments, environment: environment,
            outputFile: scratch.file("out"), errorFile: scratch.file("err"))
        guard child.wait(seconds: seconds) else {
            child.stop()
            throw ProgramError.timedOut(([name] + arguments).joined(separator: " "))
        }
        return ProgramResult(
            status: child.exitStatus ?? -1, output: scratch.read("out"),
            errors: scratch.read("err"))
    }

    /// What every program gets: a plain PATH, the C locale so tools' messages
    /// read the same everywhere, and no Swift backtracer to hold pipes open.
    static let environment = [
        "PATH=" + searchPath.joined(separator: ":"), "LANG=C", "SWIFT_BACKTRACE=enable=no",
    ]
}
