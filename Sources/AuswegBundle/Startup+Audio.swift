import AuswegSite

extension Startup {
    /// Reads the clips into memory. Missing or stale clips are no error:
    /// their pages show no player, and start-up says so once.
    /// - Returns: the clips, and the start-up note about missing ones.
    func loadAudio(_ content: SiteContent) throws(ContentError)
        -> (AudioLibrary, note: String?)
    {
        let catalogue = try AudioCatalogue(content: content)
        let folder = configuration.audioDirectory
        let library = try AudioLibrary.load(
            catalogue, clipFolder: folder, contentFolder: content.folder
        ) { clip in
            let job = ClipJob(clip: clip, folder: folder)
            return TextFile.read(job.hashFile) == job.hash
        }
        guard library.missing > 0 else { return (library, nil) }
        let note =
            "\(library.missing) of \(catalogue.clips.count) audio clips missing or outdated in "
            + "\(folder); their pages show no player (make them with: ausweg audio)"
        return (library, note)
    }
}
