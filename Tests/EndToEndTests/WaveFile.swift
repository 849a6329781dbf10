/// A 16-bit PCM WAV file as opusdec and `lame --decode` write it: its
/// length, and whether it holds sound or silence.
struct WaveFile {
    /// A stretch of 20 ms, about one syllable's part.
    static let windowSeconds = 0.02
    /// Mean absolute level above which a window counts as sound; speech
    /// from espeak-ng stays well above it, silence well below.
    static let soundLevel = 300.0

    let sampleRate: Int
    let channels: Int
    private let bytes: [UInt8]
    private let data: Range<Int>

    /// Reads the `fmt ` and `data` chunks.
    init(_ bytes: [UInt8]) throws {
        guard bytes.count > 12, Array(bytes[0..<4]) == Array("RIFF".utf8),
            Array(bytes[8..<12]) == Array("WAVE".utf8)
        else { throw HarnessError.malformedAudio("no RIFF WAVE header") }
        var offset = 12
        var format: (rate: Int, channels: Int)?
        var data: Range<Int>?
        while offset + 8 <= bytes.count {
            let name = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let start = offset + 8
            let end = min(bytes.count, start + Self.number(bytes, at: offset + 4, width: 4))
            if name == "fmt " {
                format = (
                    Self.number(bytes, at: start + 4, width: 4),
                    Self.number(bytes, at: start + 2, width: 2)
                )
            } else if name == "data" {
                data = start..<end
            }
            offset = end + (end - start) % 2
        }
        guard let format, let data, format.rate > 0, format.channels > 0 else {
            throw HarnessError.malformedAudio("no fmt or data chunk")
        }
        sampleRate = format.rate
        channels = format.channels
        self.bytes = bytes
        self.data = data
    }

    var seconds: Double {
        Double(data.count / (2 * channels)) / Double(sampleRate)
    }

    /// The share of 20 ms windows whose level is that of sound, read from
    /// the first channel.
    var soundingShare: Double {
        let frame = 2 * channels
        let width = Int(Double(sampleRate) * Self.windowSeconds)
        var sounding = 0
        var windows = 0
        var sum = 0
        var inWindow = 0
        for offset in stride(from: data.lowerBound, to: data.upperBound - 1, by: frame) {
            let sample = Int16(bitPattern: UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8)
            sum += abs(Int(sample))
            inWindow += 1
            if inWindow == width {
                windows += 1
                if Double(sum) / Double(width) > Self.soundLevel { sounding += 1 }
                sum = 0
                inWindow = 0
            }
        }
        return windows == 0 ? 0 : Double(sounding) / Double(windows)
    }

    private static func number(_ bytes: [UInt8], at offset: Int, width: Int) -> Int {
        guard offset + width <= bytes.count else { return 0 }
        return (0..<width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }
}
