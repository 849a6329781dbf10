import Foundation
import Testing

/// Every page and reflection question of every language can be heard: its
/// players name an Opus and an MP3 clip that the codec tools decode.
@Suite(.timeLimit(.minutes(10)))
struct AudioClipTests {
    /// Speech of the home page, per word of its Markdown source: espeak-ng
    /// speaks about 0.4 s a word; anything outside this range is silence
    /// cut short or a voice spelling out what it cannot read.
    static let secondsPerWord = 0.15...1.2
    /// Chinese and Thai write no spaces between words, so they are measured
    /// per character.
    static let secondsPerCharacter = 0.05...0.6
    /// Speech has pauses, but most of it sounds.
    static let minimumSoundingShare = 0.5
    /// The shortest clip, a question of a few words, lasts seconds.
    static let shortestClip = 1.0
    /// Both forms are made from one WAV file; only encoder padding differs.
    static let formatsAgree = 0.2

    @Test func everyPageAndQuestionHasBothClipsAndEachDecodes() throws {
        let server = try ServerProcess.start([.https])
        defer { server.stop() }
        let curl = Curl(server: server)
        let scratch = try TemporaryDirectory()

        for language in try SiteMap.languages() {
            let paths = try SiteMap.paths(of: language)
            let pages = try curl.fetchAll(paths)
            let questions = try SiteMap.questionIDs(shownIn: language)
            var clips: [String] = []
            for (path, page) in zip(paths, pages) {
                let players = AudioSources.players(in: page.bodyText)
                let expected = path.hasSuffix("/1") ? 2 + questions.count : 1
                #expect(players == expected, "\(path)")
                clips += AudioSources.paths(in: page.bodyText)
            }
            #expect(clips.count == 2 * (paths.count + 1 + questions.count), "\(language)")
            #expect(clips.filter { $0.hasSuffix(".opus") }.count * 2 == clips.count)
            let bodies = try curl.fetchAll(clips)
            #expect(bodies.allSatisfy { $0.status == 200 }, "\(language)")
            let opus = zip(clips, bodies).filter { $0.0.hasSuffix(".opus") }.map(\.1.body)
            let mp3 = zip(clips, bodies).filter { $0.0.hasSuffix(".mp3") }.map(\.1.body)
            let lengths = try Self.opusSeconds(opus, in: scratch)
            #expect(lengths.count == opus.count, "\(language)")
            #expect(lengths.allSatisfy { $0 > Self.shortestClip }, "\(language) \(lengths)")
            for (index, body) in mp3.enumerated() {
                let seconds = try Self.decode(body, as: "mp3", in: scratch).seconds
                #expect(abs(seconds - lengths[index]) < Self.formatsAgree, "\(language) \(index)")
            }
        }
        #expect(server.outputAfterStartup == "")
    }

    @Test(arguments: try SiteMap.languages())
    func homePageIsSpokenAtAPlausibleLength(_ language: String) throws {
        let server = try ServerProcess.start([.https])
        defer { server.stop() }
        let scratch = try TemporaryDirectory()
        let curl = Curl(server: server)
        let page = try curl.fetch("/\(language)/")
        let opus = try #require(AudioSources.paths(in: page.bodyText).first)
        let clip = try curl.fetch(opus)

        let wave = try Self.decode(clip.body, as: "opus", in: scratch)

        let source = try String(
            contentsOfFile: "\(PackageLayout.contentDirectory)/\(language)/start.md",
            encoding: .utf8)
        let words = source.split(whereSeparator: \.isWhitespace).count
        if ["zh", "th"].contains(language) {
            let characters = source.filter { !$0.isWhitespace && !$0.isPunctuation }.count
            #expect(Self.secondsPerCharacter.contains(wave.seconds / Double(characters)))
        } else {
            #expect(Self.secondsPerWord.contains(wave.seconds / Double(words)))
        }
        #expect(wave.soundingShare >= Self.minimumSoundingShare)
    }

    /// Each Opus clip's length as opusinfo reports it after reading the
    /// whole stream; one run for all clips.
    static func opusSeconds(
        _ bodies: [[UInt8]], in scratch: TemporaryDirectory
    ) throws -> [Double] {
        var files: [String] = []
        for (index, body) in bodies.enumerated() {
            files.append(scratch.file("clip-\(index).opus"))
            try Data(body).write(to: URL(fileURLWithPath: files[index]))
        }
        let report = try Command.succeed("opusinfo", files).text
        return try playbackSeconds(report)
    }

    /// Decodes a clip to PCM with opusdec or lame.
    static func decode(
        _ body: [UInt8], as format: String, in scratch: TemporaryDirectory
    ) throws -> WaveFile {
        let input = scratch.file("clip." + format)
        let output = scratch.file("clip.wav")
        try Data(body).write(to: URL(fileURLWithPath: input))
        if format == "opus" {
            _ = try Command.succeed("opusdec", ["--quiet", "--rate", "16000", input, output])
        } else {
            _ = try Command.succeed("lame", ["--quiet", "--decode", input, output])
        }
        return try WaveFile(scratch.bytes("clip.wav"))
    }

    /// Reads every `Playback length: 1m:06.581s` of opusinfo's report.
    static func playbackSeconds(_ report: String) throws -> [Double] {
        let lines = report.split(separator: "\n").filter { $0.contains("Playback length:") }
        return try lines.map { line in
            let value = line.split(separator: ":", maxSplits: 1)[1]
                .trimmingCharacters(in: .whitespaces)
            let parts = value.dropLast().split(separator: "m:")
            guard parts.count == 2, let minutes = Double(parts[0]),
                let seconds = Double(parts[1])
            else { throw HarnessError.malformedAudio("opusinfo length " + value) }
            return minutes * 60 + seconds
        }
    }
}
