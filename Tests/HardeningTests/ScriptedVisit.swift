/// A curl configuration that walks the site on one listener: every page of
/// every language in both encodings, a byte range, the ACME path, and bad
/// requests that must be refused. Each transfer prints its status code.
struct ScriptedVisit {
    static let badRequests: [(options: [String], path: String, status: String)] = [
        (["request = \"POST\""], "/de/1", "405"),
        (["request = \"DELETE\""], "/en/", "405"),
        (["path-as-is"], "/de/../etc/passwd", "400"),
        ([], "/de/%2f1", "400"),
        (
            ["header = \"Content-Length: 3\"", "header = \"Transfer-Encoding: chunked\""], "/",
            "400"
        ),
        ([], "/" + String(repeating: "a", count: 9000), "414"),
        ([], "/zz/99", "404"),
    ]

    var blocks: [String] = []
    var expected: [String] = []

    /// Asks `base` for each of `paths` plainly and, when `allForms`, also
    /// gzipped and for a byte range; `status` is what a page answers there
    /// (200, or 301 on the redirect listener).
    mutating func walk(
        _ base: String, _ paths: [String], status: String, extra: [String] = [],
        allForms: Bool = true
    ) {
        for path in paths {
            add(base, path, extra, status)
            guard allForms else { continue }
            add(base, path, extra + ["compressed"], status)
            add(base, path, extra + ["header = \"Range: bytes=0-99\""], status)
        }
    }

    mutating func refuse(_ base: String, extra: [String] = []) {
        for bad in Self.badRequests { add(base, bad.path, extra + bad.options, bad.status) }
    }

    private mutating func add(_ base: String, _ path: String, _ options: [String], _ status: String)
    {
        blocks.append(
            ([
                "url = \"\(base)\(path)\"", "output = \"/dev/null\"",
                "write-out = \"%{http_code}\\n\"",
            ] + options).joined(separator: "\n"))
        expected.append(status)
    }

    var configuration: String { blocks.joined(separator: "\nnext\n") + "\n" }
}
