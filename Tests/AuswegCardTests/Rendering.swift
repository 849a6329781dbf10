import Foundation

/// Renders SVG to PNG with rsvg-convert (Debian librsvg2-bin) and reads QR
/// codes back with zbarimg (Debian zbar-tools), as `make deps` installs them.
enum Rendering {
    struct ToolFailed: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `tool` from `PATH`; returns its exit status and standard output.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        // zbarimg complains about a missing D-Bus on stderr even with -q.
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The texts of the QR codes that zbarimg finds in `svg` rendered at `dpi`.
    static func decodeQRCodes(in svg: String, dpi: Int = 300) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ausweg-card-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let svgPath = directory.appendingPathComponent("face.svg").path
        let pngPath = directory.appendingPathComponent("face.png").path
        try svg.write(toFile: svgPath, atomically: true, encoding: .utf8)

        let rendered = try run(
            "rsvg-convert", ["--dpi-x", "\(dpi)", "--dpi-y", "\(dpi)", "-o", pngPath, svgPath])
        guard rendered.status == 0 else { throw ToolFailed(description: "rsvg-convert failed") }
        // zbarimg exits 4 when it finds no code: an empty answer, not a failure.
        let read = try run("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", pngPath])
        guard read.status == 0 || read.status == 4 else {
            throw ToolFailed(description: "zbarimg failed with status \(read.status)")
        }
        return read.output.split(separator: "\n").map(String.init)
    }
}
