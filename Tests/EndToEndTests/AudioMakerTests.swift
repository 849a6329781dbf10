import Foundation
import Testing

/// `ausweg audio` on a copy of the content and of the clips `make test`
/// made: it remakes exactly the clips whose text changed, and leaves a
/// person's recording alone.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct AudioMakerTests {
    static let timeout = 240.0

    /// A copy of the content folder and a hard-linked copy of the clip
    /// folder; the command replaces files by renaming, so the originals
    /// stay untouched.
    struct Workspace {
        let directory: TemporaryDirectory
        var content: String { directory.file("content") }
        var clips: String { directory.file("clips") }

        init() throws {
            directory = try TemporaryDirectory()
            _ = try Command.succeed("cp", ["-R", PackageLayout.contentDirectory, content])
            _ = try Command.succeed("cp", ["-R", "-l", PackageLayout.audioDirectory, clips])
        }

        func makeAudio() throws -> String {
            let result = try Command.succeed(
                PackageLayout.binary,
                ["audio", "--ContentDir", content, "--AudioDir", clips],
                timeout: AudioMakerTests.timeout)
            return result.text
        }

        /// The inode of a clip file: a remade clip is a new file.
        func inode(_ name: String) throws -> Int {
            let attributes = try FileManager.default.attributesOfItem(atPath: clips + "/" + name)
            return try #require(attributes[.systemFileNumber] as? Int)
        }
    }

    @Test func changedTextRemakesExactlyItsClips() throws {
        let workspace = try Workspace()
        let untouched = ["de/start.opus", "de/start.mp3", "en/imprint.opus", "de/q-debt.opus"]
        let before = try untouched.map(workspace.inode)
        let changed = try ["de/imprint.opus", "de/imprint.mp3"].map(workspace.inode)
        let page = workspace.content + "/de/imprint.md"
        let text = try String(contentsOfFile: page, encoding: .utf8)
        try (text + "\nDieser Satz ist neu.\n").write(
            toFile: page, atomically: true, encoding: .utf8)

        let first = try workspace.makeAudio()
        let second = try workspace.makeAudio()

        #expect(first.contains(": 1 made, "))
        #expect(second.contains(": 0 made, "))
        #expect(try untouched.map(workspace.inode) == before)
        let after = try ["de/imprint.opus", "de/imprint.mp3"].map(workspace.inode)
        #expect(zip(after, changed).allSatisfy { $0 != $1 })
        let spoken = try String(
            contentsOfFile: workspace.clips + "/de/imprint.txt", encoding: .utf8)
        #expect(spoken.hasSuffix("Dieser Satz ist neu."))
    }

    @Test func recordingInTheContentFolderIsServedInsteadOfTheGeneratedClip() throws {
        let workspace = try Workspace()
        for format in ["opus", "mp3"] {
            _ = try Command.succeed(
                "cp",
                ["\(workspace.clips)/de/call.\(format)", "\(workspace.content)/de/help.\(format)"])
        }
        let recorded = workspace.directory.bytes("content/de/help.opus")

        let report = try workspace.makeAudio()
        let server = try ServerProcess.start(
            [.https], ["ContentDir": workspace.content, "AudioDir": workspace.clips])
        defer { server.stop() }
        let curl = Curl(server: server)
        let page = try curl.fetch("/de/2")
        let opus = try #require(AudioSources.paths(in: page.bodyText).first)
        let clip = try curl.fetch(opus)

        #expect(report.contains(", 1 recorded by a person"))
        #expect(clip.body == recorded)
        #expect(clip.body != workspace.directory.bytes("clips/de/help.opus"))
    }
}
