import AuswegBundle
import Foundation
import TestSupport
import Testing

@Suite struct TorConfigCheckTests {
    static let socket = "/run/ausweg/onion.sock"

    private func check(_ torrc: String, onionOnly: Bool) throws {
        let scratch = try ScratchFolder("torrc")
        let path = try scratch.write(torrc, to: "torrc")
        try TorConfigCheck(path: path, onionSocket: Self.socket, onionOnly: onionOnly).run()
    }

    @Test func acceptsTheShippedTorrcInBothModes() throws {
        let torrc = try String(
            contentsOfFile: Self.packageRoot + "/tor/torrc", encoding: .utf8)
        try check(torrc, onionOnly: true)
        try check(torrc, onionOnly: false)
    }

    @Test(arguments: [
        "HiddenServiceSingleHopMode 1", "hiddenservicenonanonymousmode 1 # lower latency",
    ])
    func refusesSingleHopWhenOnionOnly(_ line: String) throws {
        let torrc = "HiddenServicePort 80 unix:\(Self.socket)\n\(line)\n"
        #expect {
            try check(torrc, onionOnly: true)
        } throws: { error in
            "\(error)".contains(":2: ") && "\(error)".contains("reveals the server's location")
        }
        try check(torrc, onionOnly: false)
    }

    @Test func singleHopSwitchedOffIsAccepted() throws {
        try check(
            "HiddenServicePort 80 unix:\"\(Self.socket)\"\nHiddenServiceSingleHopMode 0\n",
            onionOnly: true)
    }

    @Test(arguments: [
        "HiddenServicePort 80 unix:/run/other.sock", "HiddenServicePort 8080 unix:\(socket)",
        "HiddenServicePort 80 127.0.0.1:8080", "# HiddenServicePort 80 unix:\(socket)",
    ])
    func refusesATorrcThatDoesNotForwardToOurSocket(_ line: String) {
        #expect {
            try check(line + "\n", onionOnly: false)
        } throws: { error in
            "\(error)".hasSuffix("no HiddenServicePort 80 unix:\(Self.socket) line")
        }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}
