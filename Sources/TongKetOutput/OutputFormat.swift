/// The file formats a chart is written in. Each case has one writer
/// (`ChartRenderer.write(_:as:size:to:)`); the command line's `--format` and `--formats`,
/// the report's chart files and the file-name guess all go through this list.
public enum OutputFormat: String, Sendable, CaseIterable, Comparable {
    case png, pdf, svg

    /// The format a file name's extension names, if any.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        self.init(rawValue: fileName[fileName.index(after: dot)...].lowercased())
    }

    public var fileExtension: String { rawValue }

    /// "png, pdf or svg": for messages.
    public static var names: String { allCases.dropLast().map(\.rawValue).joined(separator: ", ") + " or " + allCases.last!.rawValue }

    public static func < (a: OutputFormat, b: OutputFormat) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
