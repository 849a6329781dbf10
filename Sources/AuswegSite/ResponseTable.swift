import AuswegHTTP

/// The immutable answer table: every page, in every language, encoding and
/// connection form, for each listener kind, serialised at start-up.
///
/// Answering is a dictionary lookup; the only responses built per request
/// are the port-80 redirect (its Location keeps the path, and its bytes are
/// wiped once written), ACME tokens (certbot's public files), and on HTTPS
/// with an onion address, a 404 or a request with a query: their
/// Onion-Location keeps the target. An audio clip's head is built per
/// request too (its Content-Range depends on it); its bytes are shared.
public final class ResponseTable: Responder {
    let site: ResponseSite
    let responses: [ListenerKind: ListenerResponses]
    private let redirect: RedirectTemplate
    /// The clips' bodies by public path; the clips' texts are not kept.
    let audio: [String: AudioLibrary.Body]

    init(
        site: ResponseSite, responses: [ListenerKind: ListenerResponses], audio: AudioLibrary
    ) {
        self.site = site
        self.responses = responses
        redirect = RedirectTemplate(publicURL: site.settings.publicURL)
        self.audio = audio.bodies
    }

    public func reply(to request: Request, on listener: ListenerKind) -> Reply {
        let headOnly = request.method == .head
        let closing = request.wantsClose || request.announcesBody
        if listener == .redirect {
            return redirectReply(request, closing: closing, headOnly: headOnly)
        }
        if let clip = audio[request.path] {
            return AudioReply.reply(clip, request, listener: listener, closing: closing)
        }
        let table = self.responses(for: listener)
        let coding = Negotiation.preferred(acceptEncoding: request.acceptEncoding)
        let variants: ResponseVariants
        // The target the prepared Onion-Location names; "/" for a 404.
        let preparedTarget: String
        if request.path == "/" {
            variants = lookup(table.roots, site.negotiatedLanguage(request))
            preparedTarget = "/"
        } else if let page = table.pages[request.path] {
            variants = page
            preparedTarget = request.path
        } else {
            variants = lookup(table.notFound, site.language(ofPath: request.path, request))
            preparedTarget = "/"
        }
        // The target passed the parser's RFC 3986 character check, so it
        // cannot break out of the header line.
        let location =
            request.target == preparedTarget
            ? nil : site.onionOrigin(on: listener).map { ($0, request.target) }
        return variants.reply(
            coding: coding, closing: closing, headOnly: headOnly, onionLocation: location)
    }

    public func reply(rejecting error: RequestError, on listener: ListenerKind) -> Reply {
        guard let refusal = responses(for: listener).refusals[error.status] else {
            preconditionFailure("no refusal prepared for status \(error.status)")
        }
        return refusal.reply(headOnly: false)
    }

    private func redirectReply(_ request: Request, closing: Bool, headOnly: Bool) -> Reply {
        if request.path.hasPrefix(ACMEChallenge.pathPrefix) {
            let table = responses(for: .redirect)
            guard let webroot = site.settings.acmeWebroot,
                let body = ACMEChallenge(webroot: webroot).body(forPath: request.path)
            else {
                return lookup(table.notFound, site.defaultCode)
                    .reply(coding: .identity, closing: closing, headOnly: headOnly)
            }
            return PreparedResponse(
                status: .ok, fields: [("Content-Type", "text/plain")], body: body,
                listener: .redirect, closesConnection: closing
            ).reply(headOnly: headOnly)
        }
        // Without a body, HEAD and GET send the same bytes.
        return redirect.reply(target: request.target, closing: closing)
    }

    private func responses(for listener: ListenerKind) -> ListenerResponses {
        guard let table = responses[listener] else {
            preconditionFailure("no responses prepared for \(listener)")
        }
        return table
    }

    private func lookup(_ variants: [String: ResponseVariants], _ code: String)
        -> ResponseVariants
    {
        guard let found = variants[code] else {
            preconditionFailure("no response prepared for language \(code)")
        }
        return found
    }
}
