import AuswegHTTP
import AuswegServer

extension Startup {
    /// One listener per configured kind: the socket systemd passed in under
    /// that kind's name (see `hardening/systemd/ausweg.socket`), otherwise
    /// one bound here. A passed socket that no setting asks for, or that is
    /// not a listening socket of the right family and port, stops start-up.
    func openListeners() -> [Listener] {
        let activated: ActivatedSockets
        do {
            activated = try ActivatedSockets.takeFromEnvironment()
        } catch {
            Console.fatal(error.description, status: 1)
        }
        let configured: [(ListenerKind, String, Bool)] = [
            (.https, "HTTPSPort", configuration.https != nil),
            (.redirect, "HTTPPort", configuration.redirect != nil),
            (.onion, "OnionSocket", configuration.onionSocket != nil),
        ]
        for (kind, key, isSet) in configured where !isSet && activated.descriptors[kind] != nil {
            let name = ActivatedSockets.name(of: kind)
            Console.fatal("socket activation passed a socket named \(name), but \(key) is off")
        }
        do {
            var listeners: [Listener] = []
            if let address = configuration.https {
                listeners.append(try listener(.https, address, activated))
            }
            if let address = configuration.redirect {
                listeners.append(try listener(.redirect, address, activated))
            }
            if let path = configuration.onionSocket {
                if let fd = activated.descriptors[.onion] {
                    listeners.append(try Listener(kind: .onion, inheritedDescriptor: fd))
                } else {
                    listeners.append(
                        try Listener(
                            kind: .onion, socketPath: path, group: configuration.onionSocketGroup))
                }
            }
            return listeners
        } catch {
            Console.fatal(error.description, status: 1)
        }
    }

    private func listener(
        _ kind: ListenerKind, _ address: ListenAddress, _ activated: ActivatedSockets
    ) throws(ListenerError) -> Listener {
        guard let fd = activated.descriptors[kind] else {
            return try Listener(kind: kind, address: address)
        }
        return try Listener(kind: kind, inheritedDescriptor: fd, port: address.port)
    }
}
