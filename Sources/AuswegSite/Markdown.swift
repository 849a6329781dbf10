import CCmark
import Glibc

/// Renders one content file with libcmark in its safe default mode, after
/// checking it: no raw HTML, no images, and links only relative, `tel:` or
/// the exit URL. Relative links are made absolute against the page's
/// language folder, so the same HTML also works when served at `/`.
struct Markdown {
    let source: MarkdownSource
    /// The language folder relative links resolve against, e.g. `/de/`.
    let base: String
    let exitURL: String

    func html() throws(ContentError) -> String {
        let bytes = Array(source.text.utf8)
        guard let document = cmark_parse_document(bytes, bytes.count, CMARK_OPT_DEFAULT) else {
            preconditionFailure("cmark could not allocate a document")
        }
        defer { cmark_node_free(document) }
        try checkAndRewrite(document)
        guard let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT) else {
            preconditionFailure("cmark could not render a document")
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    private func checkAndRewrite(_ document: OpaquePointer) throws(ContentError) {
        guard let iterator = cmark_iter_new(document) else {
            preconditionFailure("cmark could not allocate an iterator")
        }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                let node = cmark_iter_get_node(iterator)
            else { continue }
            let line = Int(cmark_node_get_start_line(node))
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                throw ContentError(file: source.path, line: line, "raw HTML is not allowed")
            case CMARK_NODE_IMAGE:
                throw ContentError(file: source.path, line: line, "images are not allowed")
            case CMARK_NODE_LINK:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                guard let target = resolve(url) else {
                    throw ContentError(
                        file: source.path, line: line,
                        "link \(url) must be relative, tel: or the exit URL")
                }
                cmark_node_set_url(node, target)
            default:
                continue
            }
        }
    }

    /// The link as it will be written, or nil when it may not appear.
    func resolve(_ url: String) -> String? {
        if url == exitURL { return url }
        if url.hasPrefix("tel:") {
            return SiteContent.isDialString(url.dropFirst(4)) ? url : nil
        }
        let allowed = url.unicodeScalars.allSatisfy {
            $0.isASCII && $0.value > 0x20 && $0 != "\\" && $0 != ":" && $0 != "\""
        }
        guard !url.isEmpty, allowed, !url.hasPrefix("//"),
            !url.split(separator: "/").contains("..")
        else { return nil }
        if url.hasPrefix("/") || url.hasPrefix("#") { return url }
        if url == "." || url == "./" { return base }
        return base + (url.hasPrefix("./") ? String(url.dropFirst(2)) : url)
    }
}
