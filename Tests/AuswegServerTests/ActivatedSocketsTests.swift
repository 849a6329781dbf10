import AuswegHTTP
import AuswegServer
import Testing

/// Reading LISTEN_PID, LISTEN_FDS and LISTEN_FDNAMES as systemd sets them.
@Suite struct ActivatedSocketsTests {
    static let ourPID: Int32 = 4242

    private func parse(_ environment: [String: String]) throws(ActivationError)
        -> ActivatedSockets
    {
        try ActivatedSockets(environment: environment, processID: Self.ourPID)
    }

    private func error(_ environment: [String: String]) -> ActivationError? {
        do {
            _ = try parse(environment)
            return nil
        } catch {
            return error
        }
    }

    @Test func namedSocketsMapToListenerKindsFromDescriptorThree() throws {
        let sockets = try parse([
            "LISTEN_PID": "4242", "LISTEN_FDS": "3", "LISTEN_FDNAMES": "http:https:onion",
        ])
        #expect(sockets.descriptors == [.redirect: 3, .https: 4, .onion: 5])
    }

    @Test func noVariablesMeanNoSockets() throws {
        #expect(try parse([:]) == .none)
        #expect(try parse(["LISTEN_FDS": "1", "LISTEN_FDNAMES": "https"]) == .none)
    }

    @Test func anotherProcessesSocketsAreNotTaken() throws {
        let sockets = try parse([
            "LISTEN_PID": "4243", "LISTEN_FDS": "1", "LISTEN_FDNAMES": "https",
        ])
        #expect(sockets == .none)
    }

    @Test func zeroDescriptorsMeanNoSockets() throws {
        #expect(try parse(["LISTEN_PID": "4242", "LISTEN_FDS": "0"]) == .none)
    }

    @Test func numbersThatAreNotNumbersAreRefused() {
        #expect(
            error(["LISTEN_PID": "42x", "LISTEN_FDS": "1"])
                == .notANumber(variable: "LISTEN_PID", value: "42x"))
        #expect(
            error(["LISTEN_PID": "4242", "LISTEN_FDS": "-1"])
                == .notANumber(variable: "LISTEN_FDS", value: "-1"))
    }

    @Test func socketsWithoutNamesAreRefused() {
        let refusal = error(["LISTEN_PID": "4242", "LISTEN_FDS": "2"])
        #expect(refusal == .unnamed(count: 2))
        #expect(refusal?.description.contains("FileDescriptorName=https") == true)
    }

    @Test func aNameCountOtherThanTheDescriptorCountIsRefused() {
        let refusal = error([
            "LISTEN_PID": "4242", "LISTEN_FDS": "2", "LISTEN_FDNAMES": "https",
        ])
        #expect(refusal == .nameCountDiffers(descriptors: 2, names: 1))
    }

    @Test func systemdsDefaultNameIsRefusedWithItsDescriptor() {
        let refusal = error([
            "LISTEN_PID": "4242", "LISTEN_FDS": "2", "LISTEN_FDNAMES": "https:ausweg.socket",
        ])
        #expect(refusal == .unknownName("ausweg.socket", descriptor: 4))
        #expect(
            refusal?.description
                == "socket activation: fd 4 is named \"ausweg.socket\";"
                + " the names are https, http and onion")
    }

    @Test func aRepeatedNameIsRefused() {
        let refusal = error([
            "LISTEN_PID": "4242", "LISTEN_FDS": "2", "LISTEN_FDNAMES": "https:https",
        ])
        #expect(refusal == .nameRepeated("https"))
    }

    @Test func eachKindHasTheNameOfItsSocket() {
        #expect(
            ListenerKind.allCases.map(ActivatedSockets.name(of:)) == ["https", "http", "onion"])
    }
}
