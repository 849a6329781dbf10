import AuswegSite

/// Making one clip: espeak-ng speaks the text into a WAV file, opusenc and
/// lame encode it, and a hash file beside the clip records what it was
/// made from, so an unchanged clip is never made again.
struct ClipJob: Sendable {
    let clip: AudioClip
    /// `<clip folder>/<code>/<name>`, without extension.
    let base: String

    init(clip: AudioClip, folder: String) {
        self.clip = clip
        base = "\(folder)/\(clip.code)/\(clip.name)"
    }

    /// Runs with the voice, text file and base as `$1 $2 $3`, so no value
    /// is ever parsed by the shell. The trap removes partial files; the
    /// clips are renamed into place only once both encoders succeeded.
    static let script = """
        set -eu
        trap 'rm -f "$3.wav" "$3.opus.part" "$3.mp3.part"' EXIT
        espeak-ng -v "$1" -f "$2" -w "$3.wav"
        opusenc --quiet --speech --bitrate 20 --comp 3 --downmix-mono "$3.wav" "$3.opus.part"
        lame --quiet -q 7 -m m -b 32 "$3.wav" "$3.mp3.part"
        mv "$3.opus.part" "$3.opus"
        mv "$3.mp3.part" "$3.mp3"
        """

    /// Identifies the text, the voice and the commands together, so that
    /// changing an encoder setting in `script` remakes every clip.
    var hash: String {
        Digest.sha256Hex("\(Self.script)\n\(clip.voice)\n\(clip.text)")
    }

    var hashFile: String { base + ".hash" }
    var textFile: String { base + ".txt" }

    /// The arguments for `/bin/sh`.
    var arguments: [String] {
        ["sh", "-c", Self.script, "sh", clip.voice, textFile, base]
    }
}
