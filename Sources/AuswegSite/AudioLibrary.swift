/// The audio clips, each file mapped read-only at start-up: the kernel's
/// page cache holds their bytes, shared and evictable, instead of the
/// server's heap (some 130 MB for 20 languages).
///
/// For each clip and form, a human recording in the content folder
/// (`content/<code>/<name>.opus`) wins over the generated clip in the clip
/// folder (`<clip folder>/<code>/<name>.opus`). A clip is offered only when
/// both of its forms were found, so every player has a source it can play.
public struct AudioLibrary: Sendable {
    /// One clip form, ready to serve.
    struct Body: Sendable {
        let file: MappedFile
        let format: AudioClip.Format
    }

    /// Bodies by public path, `/a/<n>.opus`.
    let bodies: [String: Body]
    /// Offered clips by `<code>/<name>`.
    let clips: [String: AudioClip]
    /// Clips of the catalogue without both forms, recorded or current.
    public let missing: Int

    /// No audio at all: pages show no player.
    public static let none = AudioLibrary(bodies: [:], clips: [:], missing: 0)

    /// Reads every clip of `catalogue` that exists.
    /// - Parameter isCurrent: whether a generated clip was made from the
    ///   clip's present text; a stale one counts as missing, so a page never
    ///   plays words it no longer shows.
    /// - Throws: a clip file that exists but cannot be read.
    public static func load(
        _ catalogue: AudioCatalogue, clipFolder: String, contentFolder: String,
        isCurrent: (AudioClip) -> Bool
    ) throws(ContentError) -> AudioLibrary {
        var bodies: [String: Body] = [:]
        var clips: [String: AudioClip] = [:]
        var missing = 0
        for clip in catalogue.clips {
            var found: [Body] = []
            // Asked once per clip, not per form: it hashes the clip's text.
            var current: Bool?
            for format in AudioClip.Format.allCases {
                let recorded = contentFolder + "/" + clip.file(format)
                let generated = clipFolder + "/" + clip.file(format)
                if FileBytes.isFile(recorded) {
                    found.append(Body(file: try MappedFile(path: recorded), format: format))
                } else if FileBytes.isFile(generated) {
                    let isCurrentClip = current ?? isCurrent(clip)
                    current = isCurrentClip
                    guard isCurrentClip else { continue }
                    found.append(Body(file: try MappedFile(path: generated), format: format))
                }
            }
            guard found.count == AudioClip.Format.allCases.count else {
                missing += 1
                continue
            }
            for body in found { bodies[clip.path(body.format)] = body }
            clips[key(clip.code, clip.name)] = clip
        }
        return AudioLibrary(bodies: bodies, clips: clips, missing: missing)
    }

    /// The number of clips offered.
    public var count: Int { clips.count }

    func clip(_ code: String, _ name: String) -> AudioClip? {
        clips[Self.key(code, name)]
    }

    private static func key(_ code: String, _ name: String) -> String {
        code + "/" + name
    }
}
