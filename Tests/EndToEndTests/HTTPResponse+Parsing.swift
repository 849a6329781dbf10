import Foundation

extension HTTPResponse {
    private static let headEnd: [UInt8] = Array("\r\n\r\n".utf8)

    /// Parses the response at the start of `bytes`; nil while incomplete.
    /// `toHead` says it answers a HEAD request and so has no body.
    ///
    /// The server always sends Content-Length, so a response without one is
    /// malformed here.
    static func parse(
        _ bytes: ArraySlice<UInt8>, toHead: Bool
    ) throws -> (response: HTTPResponse, consumed: Int)? {
        guard let end = bytes.firstRange(of: headEnd) else { return nil }
        let head = Array(bytes[bytes.startIndex..<end.upperBound])
        let lines = String(decoding: head.dropLast(4), as: UTF8.self)
            .components(separatedBy: "\r\n")
        let status = try statusCode(lines[0])
        let fields = try lines.dropFirst().map(field)
        let lengths = fields.filter { $0.name.lowercased() == "content-length" }
        guard lengths.count == 1, let length = Int(lengths[0].value) else {
            throw HarnessError.malformedResponse("no single Content-Length in " + lines[0])
        }

        let bodyLength = toHead ? 0 : length
        guard bytes.endIndex - end.upperBound >= bodyLength else { return nil }
        let body = Array(bytes[end.upperBound..<(end.upperBound + bodyLength)])
        let response = HTTPResponse(status: status, head: head, fields: fields, body: body)
        return (response, head.count + bodyLength)
    }

    /// Parses responses back to back that fill `bytes` exactly, one per
    /// entry of `toHead`.
    static func parseAll(_ bytes: [UInt8], toHead: [Bool]) throws -> [HTTPResponse] {
        var rest = bytes[...]
        var responses: [HTTPResponse] = []
        for isHead in toHead {
            guard let (response, consumed) = try parse(rest, toHead: isHead) else {
                throw HarnessError.malformedResponse("incomplete after \(responses.count)")
            }
            responses.append(response)
            rest = rest.dropFirst(consumed)
        }
        guard rest.isEmpty else {
            throw HarnessError.malformedResponse("\(rest.count) bytes after the last response")
        }
        return responses
    }

    /// The statuses of the responses at the start of `bytes`, one after
    /// another as their Content-Length frames them, up to the first bytes
    /// that are not a whole response (TLS records, a cut-off answer).
    static func statuses(_ bytes: [UInt8]) -> [Int] {
        var rest = bytes[...]
        var found: [Int] = []
        while let (response, consumed) = try? parse(rest, toHead: false) {
            found.append(response.status)
            rest = rest.dropFirst(consumed)
        }
        return found
    }

    private static func statusCode(_ line: String) throws -> Int {
        let parts = line.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0] == "HTTP/1.1", let status = Int(parts[1]) else {
            throw HarnessError.malformedResponse("status line " + line)
        }
        return status
    }

    private static func field(_ line: String) throws -> Field {
        guard let colon = line.firstIndex(of: ":") else {
            throw HarnessError.malformedResponse("field line " + line)
        }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return Field(name: String(line[..<colon]), value: value)
    }
}
