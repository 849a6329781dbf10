/// The files `ausweg card --out DIR/NAME.svg` writes: `NAME-front.svg` and
/// `NAME-back.svg`, and `NAME.pdf` with both faces as two pages.
public struct CardOutput: Sendable, Equatable {
    public let front: String
    public let back: String
    public let pdf: String
    /// The argument's position on the command line, for errors.
    public let position: Int

    /// Splits `argument`, which must name an `.svg` file.
    init(argument: String, position: Int) throws(ConfigurationError) {
        let name = argument.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard argument.hasSuffix(".svg"), name.count > ".svg".count else {
            throw ConfigurationError(
                file: Override.source, line: position, "--out must name a file ending in .svg")
        }
        let stem = argument.dropLast(".svg".count)
        front = stem + "-front.svg"
        back = stem + "-back.svg"
        pdf = stem + ".pdf"
        self.position = position
    }
}
