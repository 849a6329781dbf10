import Glibc

/// A program found in `PATH` and run to completion, inheriting standard
/// output and error.
struct ExternalProgram {
    let name: String
    let path: String

    /// Looks `name` up in `PATH`; nil if no executable of that name is there.
    init?(named name: String) {
        let search = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        for directory in search.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 {
                self.name = name
                self.path = candidate
                return
            }
        }
        return nil
    }

    /// Runs the program with `arguments` and waits; throws unless it exits 0.
    func run(_ arguments: [String]) throws(CardWriteError) {
        var argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) }
        argv.append(nil)
        defer { argv.forEach { free($0) } }

        var pid: pid_t = 0
        let started = posix_spawn(&pid, path, nil, nil, argv, environ)
        guard started == 0 else {
            throw .converterNotStarted(program: name, errno: started)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw .converterNotStarted(program: name, errno: errno) }
        }
        // WIFEXITED and WEXITSTATUS are macros Swift cannot import.
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            throw .converterFailed(program: name, status: exited ? code : 128 + (status & 0x7f))
        }
    }
}
