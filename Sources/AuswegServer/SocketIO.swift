import CSystem
import Glibc

/// The raw socket calls shared by both transports.
enum SocketIO {
    static let nonBlockingStream =
        Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)

    static func receive(_ fileDescriptor: Int32, into buffer: UnsafeMutableRawBufferPointer)
        -> IOStep
    {
        let count = recv(fileDescriptor, buffer.baseAddress, buffer.count, 0)
        if count > 0 { return .done(count) }
        if count == 0 { return .closed }
        return isWouldBlock(errno) ? .wouldBlock : .failed
    }

    static func isWouldBlock(_ code: Int32) -> Bool {
        code == EAGAIN || code == EWOULDBLOCK || code == EINTR
    }
}
