import Foundation

/// How to read input files; the defaults detect everything.
public struct ReadOptions: Sendable {
    /// Forces an encoding instead of detecting it (`--encoding`).
    public var encoding: SourceEncoding?
    public var numberLocale: NumberLocale
    /// Problems reported per file before the rest are only counted.
    public var diagnosticLimit: Int

    public init(encoding: SourceEncoding? = nil, numberLocale: NumberLocale = .auto, diagnosticLimit: Int = 50) {
        self.encoding = encoding
        self.numberLocale = numberLocale
        self.diagnosticLimit = diagnosticLimit
    }
}

/// One input: the name used in messages and its bytes.
public struct InputFile: Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// Reads a file from disk; a missing or unreadable file is EX_NOINPUT with its own message.
    public static func load(path: String) throws(LoadError) -> InputFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .cannotOpen(Diagnostic(file: path, message: "no such file; check the name and the folder you run tongket from"))
        }
        if isDirectory.boolValue {
            throw .cannotOpen(Diagnostic(file: path, message: "is a folder, not a CSV file; name the CSV files inside it"))
        }
        guard let bytes = FileBytes.read(path: path) else {
            throw .cannotOpen(Diagnostic(file: path, message: "cannot be read (permission denied?); check the file's permissions"))
        }
        return InputFile(name: path, bytes: bytes)
    }
}
