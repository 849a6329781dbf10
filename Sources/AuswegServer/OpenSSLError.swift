import CTLS

/// The drained OpenSSL error queue, oldest first, as readable lines.
///
/// Failures always carry the whole stack: a single code rarely says which
/// file or which check went wrong.
public struct OpenSSLError: Error, Sendable, CustomStringConvertible {
    public let context: String
    public let stack: [String]

    /// Drains the calling thread's error queue.
    init(_ context: String) {
        self.context = context
        var lines: [String] = []
        var code = ERR_get_error()
        while code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            let text = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            lines.append(String(decoding: text, as: UTF8.self))
            code = ERR_get_error()
        }
        self.stack = lines
    }

    public var description: String {
        stack.isEmpty ? context : "\(context): \(stack.joined(separator: "; "))"
    }
}
