import AuswegHTTP
import Glibc

/// The listening sockets systemd hands over by socket activation, read by
/// the sd_listen_fds protocol: descriptors from 3 on, as many as
/// LISTEN_FDS says, meant for this process only when LISTEN_PID is its own,
/// each named in LISTEN_FDNAMES by the socket unit's FileDescriptorName=.
public struct ActivatedSockets: Sendable, Equatable {
    static let firstDescriptor: Int32 = 3
    static let variables = ["LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"]
    /// The names `hardening/systemd/ausweg.socket` gives its sockets.
    static let kinds: [String: ListenerKind] = [
        "https": .https, "http": .redirect, "onion": .onion,
    ]

    /// Each handed-over socket's descriptor, by the kind its name stands for.
    public let descriptors: [ListenerKind: Int32]

    public static let none = ActivatedSockets(descriptors: [:])

    private init(descriptors: [ListenerKind: Int32]) {
        self.descriptors = descriptors
    }

    /// Reads the protocol's variables. Without LISTEN_PID or LISTEN_FDS, or
    /// with another process's LISTEN_PID, nothing was passed to us.
    public init(environment: [String: String], processID: pid_t) throws(ActivationError) {
        guard let pidText = environment["LISTEN_PID"], let countText = environment["LISTEN_FDS"]
        else {
            self = .none
            return
        }
        guard let pid = pid_t(pidText), pid > 0 else {
            throw .notANumber(variable: "LISTEN_PID", value: pidText)
        }
        guard pid == processID else {
            self = .none
            return
        }
        guard let count = Int32(countText), count >= 0 else {
            throw .notANumber(variable: "LISTEN_FDS", value: countText)
        }
        guard count > 0 else {
            self = .none
            return
        }
        guard let namesText = environment["LISTEN_FDNAMES"] else { throw .unnamed(count: count) }
        let names = namesText.split(separator: ":", omittingEmptySubsequences: false)
        guard names.count == count else {
            throw .nameCountDiffers(descriptors: count, names: names.count)
        }
        var descriptors: [ListenerKind: Int32] = [:]
        for (offset, name) in names.enumerated() {
            let descriptor = Self.firstDescriptor + Int32(offset)
            guard let kind = Self.kinds[String(name)] else {
                throw .unknownName(String(name), descriptor: descriptor)
            }
            guard descriptors.updateValue(descriptor, forKey: kind) == nil else {
                throw .nameRepeated(String(name))
            }
        }
        self.descriptors = descriptors
    }

    /// Reads this process's variables and removes them, so that nothing the
    /// server might start later takes them for its own.
    public static func takeFromEnvironment() throws(ActivationError) -> ActivatedSockets {
        var environment: [String: String] = [:]
        for variable in variables {
            if let value = getenv(variable) { environment[variable] = String(cString: value) }
            unsetenv(variable)
        }
        return try ActivatedSockets(environment: environment, processID: getpid())
    }

    /// The FileDescriptorName= that stands for `kind`.
    public static func name(of kind: ListenerKind) -> String {
        kinds.first { $0.value == kind }?.key ?? "\(kind)"
    }
}
