import Foundation
import Testing

/// The malformed-request corpus against the real binary, on the onion
/// socket, the redirect port and (through `openssl s_client`) HTTPS.
@Suite(.serialized) struct MalformedRequestTests {
    enum Side: CaseIterable { case onion, redirect, https }

    @Test func everyMalformedHeadIsRefusedAloneOnEveryListener() throws {
        let server = try ServerProcess.start(Set(Listener.allCases))
        defer { server.stop(grace: 0) }
        for side in Side.allCases {
            for request in MalformedRequest.corpus {
                let answer = try exchange(
                    request.bytes + Array(MalformedRequest.follower.utf8), side, server)
                let expected = expectedStatuses(request, side)
                #expect(
                    HTTPResponse.statuses(answer.bytes) == expected,
                    "\(request) on \(side)")
                #expect(answer.closed, "\(request) on \(side): connection left open")
                #expect(
                    !String(decoding: answer.bytes, as: UTF8.self).contains("100 Continue"),
                    "\(request) on \(side)")
            }
        }
    }

    @Test func garbageOnTheTLSPortIsClosedWithoutAnHTTPAnswer() throws {
        let server = try ServerProcess.start(Set(Listener.allCases))
        defer { server.stop(grace: 0) }
        let garbage: [[UInt8]] = [
            Array(MalformedRequest.follower.utf8),
            [0x16, 0x03, 0x01, 0xFF, 0xFF] + Array(repeating: 0x41, count: 200),
            Array(repeating: 0, count: 4096),
            Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8),
        ]
        for bytes in garbage {
            let client = try SocketConnection(server.endpoint(.https))
            try? client.send(bytes)
            let answer = try client.readToEnd()
            #expect(answer.closed)
            #expect(HTTPResponse.statuses(answer.bytes).isEmpty)
        }
    }

    /// What `request` followed by a valid GET must get: the redirect
    /// listener answers every valid GET with 301, whatever its path.
    private func expectedStatuses(_ request: MalformedRequest, _ side: Side) -> [Int] {
        let page = side == .redirect ? 301 : 200
        switch request.status {
        case nil: return Array(repeating: page, count: request.served)
        case let status? where request.served == 2:
            return side == .redirect ? [301, 301] : [status, 200]
        case let status?: return [status]
        }
    }

    private func exchange(_ bytes: [UInt8], _ side: Side, _ server: ServerProcess) throws
        -> (bytes: [UInt8], closed: Bool)
    {
        switch side {
        case .https:
            // s_client ends only when the server closes.
            return try TLSClient.exchange(bytes, port: server.port(.https))
        case .onion, .redirect:
            let client = try SocketConnection(server.endpoint(side == .onion ? .onion : .http))
            try? client.send(bytes)
            return try client.readToEnd()
        }
    }
}
