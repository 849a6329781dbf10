/// Why the sockets passed in by socket activation cannot be used.
public enum ActivationError: Error, Sendable, Equatable, CustomStringConvertible {
    case notANumber(variable: String, value: String)
    case unnamed(count: Int32)
    case nameCountDiffers(descriptors: Int32, names: Int)
    case unknownName(String, descriptor: Int32)
    case nameRepeated(String)

    public var description: String {
        switch self {
        case .notANumber(let variable, let value):
            "socket activation: \(variable)=\(value) is not a number"
        case .unnamed(let count):
            "socket activation: \(count) socket(s) passed without LISTEN_FDNAMES;"
                + " name each with FileDescriptorName=https, http or onion"
        case .nameCountDiffers(let descriptors, let names):
            "socket activation: LISTEN_FDS is \(descriptors) but LISTEN_FDNAMES has"
                + " \(names) name(s)"
        case .unknownName(let name, let descriptor):
            "socket activation: fd \(descriptor) is named \"\(name)\";"
                + " the names are https, http and onion"
        case .nameRepeated(let name):
            "socket activation: more than one socket is named \(name)"
        }
    }
}
