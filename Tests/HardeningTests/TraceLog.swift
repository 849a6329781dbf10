/// strace's log read as calls: which call, on which descriptor, of what kind.
struct TraceLog {
    struct Call: Equatable {
        let name: String
        /// What `-y` printed for the descriptor: `socket:[123]`, a path, a
        /// `pipe:[...]`; empty for calls that take a path instead.
        let target: String
        let line: String
    }

    let calls: [Call]

    /// Reads lines such as `1234  write(5<socket:[99]>, "...", 10) = 10`.
    init(_ text: String) {
        calls = text.split(separator: "\n").compactMap { raw in
            let line = raw.drop { $0.isNumber }.drop { $0 == " " }
            guard let open = line.firstIndex(of: "("), !line.hasPrefix("<...") else { return nil }
            let name = String(line[..<open])
            let rest = line[line.index(after: open)...]
            var target = ""
            if let less = rest.firstIndex(of: "<"), rest[..<less].allSatisfy(\.isNumber),
                let more = rest[less...].firstIndex(of: ">")
            {
                target = String(rest[rest.index(after: less)..<more])
            }
            return Call(name: name, target: target, line: String(line))
        }
    }

    /// The calls after the one that printed `marker`: what the server did
    /// once its start-up lines were out.
    func after(printing marker: String) -> [Call] {
        guard let index = calls.lastIndex(where: { $0.line.contains(marker) }) else { return [] }
        return Array(calls[(index + 1)...])
    }
}
