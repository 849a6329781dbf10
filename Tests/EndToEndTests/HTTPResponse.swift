/// One HTTP/1.1 response as it came over the wire.
struct HTTPResponse: Sendable {
    struct Field: Sendable, Equatable {
        let name: String
        let value: String
    }

    let status: Int
    /// The status line, the field lines and the empty line, byte for byte.
    let head: [UInt8]
    let fields: [Field]
    let body: [UInt8]

    /// Every value of the field `name`, compared without case.
    func values(_ name: String) -> [String] {
        fields.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The value of `name` when the field occurs exactly once, else nil.
    func value(_ name: String) -> String? {
        let found = values(name)
        return found.count == 1 ? found[0] : nil
    }

    var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }

    var headText: String {
        String(decoding: head, as: UTF8.self)
    }
}
