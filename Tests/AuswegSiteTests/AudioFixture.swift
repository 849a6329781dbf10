import AuswegSite
import Foundation
import TestSupport

/// A clip folder holding made-up clips for one language, so serving can be
/// tested without speech tools: clip `n`'s bytes count 0, 1, 2, ... and are
/// `size + n` long. The folder goes when the fixture does.
final class AudioFixture {
    static let size = 1000
    static let language = "de"

    let catalogue: AudioCatalogue
    private let scratch: ScratchFolder

    var folder: String { scratch.path }

    init(content: SiteContent) throws {
        scratch = try ScratchFolder("audio")
        catalogue = try AudioCatalogue(content: content)
        try FileManager.default.createDirectory(
            atPath: folder + "/" + Self.language, withIntermediateDirectories: true)
        for clip in catalogue.clips where clip.code == Self.language {
            for format in AudioClip.Format.allCases {
                let path = folder + "/" + clip.file(format)
                try Data(Self.bytes(of: clip)).write(to: URL(fileURLWithPath: path))
            }
        }
    }

    static func bytes(of clip: AudioClip) -> [UInt8] {
        (0..<(size + clip.number)).map { UInt8($0 % 256) }
    }

    func library(contentFolder: String = Fixtures.contentFolder) throws -> AudioLibrary {
        try AudioLibrary.load(
            catalogue, clipFolder: folder, contentFolder: contentFolder, isCurrent: { _ in true })
    }

    func clip(_ name: String) throws -> AudioClip {
        guard
            let clip = catalogue.clips.first(where: {
                $0.code == Self.language && $0.name == name
            })
        else {
            throw FixtureError.noSuchClip(name)
        }
        return clip
    }

    enum FixtureError: Error {
        case noSuchClip(String)
    }
}
