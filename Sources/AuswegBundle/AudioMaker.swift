import AuswegSite
import Glibc

/// `ausweg audio`: speaks every page and reflection question of every
/// language into Opus and MP3 clips in the clip folder, remaking only the
/// clips whose text, voice or settings changed, one job per core.
///
/// A clip recorded by a person and kept in the content folder is not
/// generated at all. Any failure leaves the clip's old files and no new
/// hash, so the next run tries again; the command then exits with 1.
public struct AudioMaker {
    let configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    public func run() -> Never {
        let content = configuration.contentDirectory
        let catalogue: AudioCatalogue
        do {
            catalogue = try AudioCatalogue(content: try SiteContent.load(from: content))
        } catch {
            Console.fatal(error.description)
        }
        let folder = configuration.audioDirectory
        var recorded = 0
        var pending: [ClipJob] = []
        for clip in catalogue.clips {
            let job = ClipJob(clip: clip, folder: folder)
            if AudioClip.Format.allCases.allSatisfy({
                TextFile.exists("\(content)/\(clip.file($0))")
            }) {
                recorded += 1
            } else if !isCurrent(job) {
                prepare(job)
                pending.append(job)
            }
        }
        let started = Self.seconds()
        let failed = make(pending)
        let seconds = Self.seconds() - started
        Console.say(
            "ausweg: audio in \(folder): \(pending.count - failed) made, "
                + "\(catalogue.clips.count - pending.count - recorded) unchanged, "
                + "\(recorded) recorded by a person, in \(seconds) s")
        guard failed == 0 else { Console.fatal("\(failed) clips could not be made", status: 1) }
        exit(0)
    }

    /// The clip exists in both forms and was made from this very text,
    /// voice and settings.
    private func isCurrent(_ job: ClipJob) -> Bool {
        TextFile.read(job.hashFile) == job.hash
            && AudioClip.Format.allCases.allSatisfy {
                TextFile.exists(job.base + "." + $0.rawValue)
            }
    }

    /// Writes the text to speak; the old hash goes first, so an interrupted
    /// run can never pair it with new clips.
    private func prepare(_ job: ClipJob) {
        unlink(job.hashFile)
        let folder = String(job.base[..<(job.base.lastIndex(of: "/") ?? job.base.endIndex)])
        if let failure = TextFile.makeFolder(folder)
            ?? TextFile.write(
                job.clip.text, to: job.textFile)
        {
            Console.fatal(failure, status: 1)
        }
    }

    /// Runs the jobs; returns how many failed.
    private func make(_ jobs: [ClipJob]) -> Int {
        let width = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        var failed = 0
        ProcessPool(width: width).run(jobs.map(\.arguments), program: "/bin/sh") {
            index, succeeded in
            let job = jobs[index]
            if succeeded, TextFile.write(job.hash, to: job.hashFile) == nil { return }
            Console.warn("could not make \(job.base).opus and .mp3")
            failed += 1
        }
        return failed
    }

    private static func seconds() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec
    }
}
