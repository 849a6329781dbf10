import AuswegHTTP
import Glibc
import Synchronization

/// A bound, listening, non-blocking socket and the kind of traffic it takes.
public final class Listener: @unchecked Sendable {
    // @unchecked: immutable after init; every loop only calls accept on it,
    // which the kernel serialises.
    public let kind: ListenerKind
    /// Where it listens, as printed at start-up: the bound port, not 0.
    public let name: String
    let fileDescriptor: Int32
    let isTCP: Bool
    /// The onion socket's file, which `stopListening` removes; nil for TCP
    /// and for a socket handed over by systemd, which owns its file.
    public let socketPath: String?
    private let open = Atomic<Bool>(true)

    static let backlog: Int32 = 1024

    /// Binds a TCP listener; port 0 picks a free port.
    public init(kind: ListenerKind, address: ListenAddress) throws(ListenerError) {
        guard let socketAddress = SocketAddress(host: address.host, port: address.port) else {
            throw .badAddress(address.description)
        }
        let fd = socket(socketAddress.family, SocketIO.nonBlockingStream, 0)
        guard fd >= 0 else { throw .system("socket", address.description, errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = socketAddress.withPointer { bind(fd, $0, socketAddress.length) }
        guard bound == 0, listen(fd, Self.backlog) == 0 else {
            let code = errno
            close(fd)
            throw .system("bind", address.description, code)
        }
        self.kind = kind
        self.fileDescriptor = fd
        self.isTCP = true
        self.socketPath = nil
        self.name = ListenAddress(host: address.host, port: Self.boundPort(fd)).description
    }

    /// Binds a unix socket with mode 0660 for tor. A stale socket left by a
    /// killed process is replaced; a socket that still answers, or any other
    /// kind of file (a symlink included), is refused.
    ///
    /// - Parameter group: the socket file's group, so that tor, which drops
    ///   its supplementary groups, can connect; nil keeps our own.
    public init(kind: ListenerKind, socketPath: String, group: UInt32? = nil)
        throws(ListenerError)
    {
        var address = sockaddr_un()
        let pathBytes = Array(socketPath.utf8)
        guard !pathBytes.isEmpty, pathBytes.count < MemoryLayout.size(ofValue: address.sun_path)
        else { throw .badAddress(socketPath) }
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: pathBytes) }
        try Self.removeStaleSocket(socketPath, address)
        let fd = socket(AF_UNIX, SocketIO.nonBlockingStream, 0)
        guard fd >= 0 else { throw .system("socket", socketPath, errno) }
        // Group and mode are set before listen(), so no one connects earlier.
        let bound = Self.withSocketAddress(address) { bind(fd, $0, $1) }
        guard bound == 0,
            group.map({ chown(socketPath, uid_t.max, $0) }) ?? 0 == 0,
            chmod(socketPath, 0o660) == 0, listen(fd, Self.backlog) == 0
        else {
            let code = errno
            close(fd)
            throw .system("bind", socketPath, code)
        }
        self.kind = kind
        self.fileDescriptor = fd
        self.isTCP = false
        self.socketPath = socketPath
        self.name = socketPath
    }

    /// Takes an already listening socket as it is.
    init(kind: ListenerKind, fileDescriptor: Int32, isTCP: Bool, name: String) {
        self.kind = kind
        self.fileDescriptor = fileDescriptor
        self.isTCP = isTCP
        self.socketPath = nil
        self.name = name
    }

    deinit {
        stopListening()
    }

    /// Closes the socket and removes the onion socket's file; only call it
    /// once no loop can call accept on it. Later calls do nothing.
    public func stopListening() {
        guard open.exchange(false, ordering: .acquiringAndReleasing) else { return }
        close(fileDescriptor)
        if let socketPath { unlink(socketPath) }
    }

    /// Unlinks a socket file nobody listens on; lstat, so a symlink is seen
    /// as itself and refused.
    private static func removeStaleSocket(_ path: String, _ address: sockaddr_un)
        throws(ListenerError)
    {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFSOCK else { throw .notASocket(path) }
        let probe = socket(AF_UNIX, SocketIO.nonBlockingStream, 0)
        guard probe >= 0 else { throw .system("socket", path, errno) }
        let connected = withSocketAddress(address) { connect(probe, $0, $1) }
        let code = errno
        close(probe)
        // A full backlog (EAGAIN) still means a live server.
        if connected == 0 || code == EAGAIN { throw .socketInUse(path) }
        guard code == ECONNREFUSED else { throw .system("connect", path, code) }
        guard unlink(path) == 0 else { throw .system("unlink", path, errno) }
    }

    private static func withSocketAddress(
        _ address: sockaddr_un, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Int32
    ) -> Int32 {
        withUnsafePointer(to: address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                body($0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }

    static func boundPort(_ fd: Int32) -> UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(fd, $0, &length)
            }
        }
        return withUnsafeBytes(of: storage) { raw in
            // sin_port and sin6_port sit at the same offset, in network order.
            UInt16(bigEndian: raw.load(fromByteOffset: 2, as: UInt16.self))
        }
    }
}
