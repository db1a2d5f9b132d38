import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How to read input files; the defaults detect everything.
public struct ReadOptions: Sendable {
    /// Forces an encoding instead of detecting it (`--encoding`).
    public var encoding: SourceEncoding?
    public var numberLocale: NumberLocale
    /// Problems reported per file before the rest are only counted.
    public var diagnosticLimit: Int

    /// Files larger than this are refused before reading (`--max-size`): 2 GB, far beyond any
    /// province's export, well within what the reader streams.
    public static let defaultSizeLimit = 2_000_000_000

    /// Bytes above which a file is refused rather than read.
    public var sizeLimit: Int
    /// The one sheet of a workbook to read (`--sheet`); nil reads every sheet with a table.
    public var sheet: String?

    public init(encoding: SourceEncoding? = nil, numberLocale: NumberLocale = .auto, diagnosticLimit: Int = 50, sizeLimit: Int = ReadOptions.defaultSizeLimit) {
        self.encoding = encoding
        self.numberLocale = numberLocale
        self.diagnosticLimit = diagnosticLimit
        self.sizeLimit = sizeLimit
    }
}

/// One input: the name used in messages and its bytes — in memory, or a mapped file that
/// the reader releases as it goes.
public struct InputFile: Sendable {
    public var name: String
    let storage: Storage

    enum Storage: Sendable {
        case bytes([UInt8])
        case mapped(MappedFile)
    }

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        storage = .bytes(bytes)
    }

    init(name: String, mapped: MappedFile) {
        self.name = name
        storage = .mapped(mapped)
    }

    /// The bytes, for the duration of `body`; `mapping` is there to release pages.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>, MappedFile?) -> R) -> R {
        switch storage {
        case let .bytes(bytes): return bytes.withUnsafeBufferPointer { body($0, nil) }
        case let .mapped(file): return body(file.buffer, file)
        }
    }

    /// Opens a file from disk: mapped when it is a regular file, read otherwise (a pipe). A
    /// missing or unreadable file is EX_NOINPUT, a file over `limit` bytes EX_DATAERR, each
    /// with its own message.
    public static func load(path: String, limit: Int = ReadOptions.defaultSizeLimit) throws(LoadError) -> InputFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            // A relative name is looked for in the current folder, which the message names.
            let folder = path.hasPrefix("/") ? "" : " in \(FileManager.default.currentDirectoryPath)"
            let folderVi = path.hasPrefix("/") ? "" : " trong \(FileManager.default.currentDirectoryPath)"
            throw .cannotOpen(Diagnostic(file: path, message: "no such file\(folder); check the name and the folder",
                                         vietnamese: "không có tệp này\(folderVi); kiểm tra tên tệp và thư mục"))
        }
        if isDirectory.boolValue {
            throw .cannotOpen(Diagnostic(file: path, message: "is a folder, not a CSV file; name the CSV files inside it",
                                                    vietnamese: "đây là thư mục, không phải tệp CSV; hãy nêu tên các tệp CSV trong thư mục này"))
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw .cannotOpen(Diagnostic(file: path, message: "cannot be read (permission denied?); check the file's permissions",
                                                    vietnamese: "không đọc được (không có quyền đọc?); kiểm tra quyền truy cập của tệp"))
        }
        defer { close(descriptor) }
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
        if size > limit { throw tooLarge(path, size: size, limit: limit) }
        // A device never ends (/dev/zero) or is a disk: no export; a pipe (<(…), /dev/stdin) is read as a file.
        let kind = info.st_mode & S_IFMT
        if kind == S_IFCHR || kind == S_IFBLK {
            throw .cannotOpen(Diagnostic(file: path, message: "is a device, not an export; name the CSV or .xlsx file",
                                         vietnamese: "đây là thiết bị, không phải tệp xuất; hãy nêu tên tệp CSV hoặc .xlsx"))
        }
        if (info.st_mode & S_IFMT) == S_IFREG, let mapped = MappedFile(descriptor: descriptor, size: size) {
            return InputFile(name: path, mapped: mapped)
        }
        guard let bytes = FileBytes.read(descriptor: descriptor, limit: limit) else {
            throw .cannotOpen(Diagnostic(file: path, message: "cannot be read (permission denied, or a device?); check the file",
                                                    vietnamese: "không đọc được (không có quyền đọc, hoặc đây là thiết bị?); kiểm tra lại tệp"))
        }
        if bytes.count > limit { throw tooLarge(path, size: bytes.count, limit: limit) }
        return InputFile(name: path, bytes: bytes)
    }

    private static func tooLarge(_ path: String, size: Int, limit: Int) -> LoadError {
        .invalidData([Diagnostic(file: path, message: "is \(size / 1_000_000) MB, more than the limit of \(limit / 1_000_000) MB; raise it with --max-size MB if this really is one export",
                                 vietnamese: "dung lượng \(size / 1_000_000) MB, vượt giới hạn \(limit / 1_000_000) MB; nếu đây đúng là một tệp xuất thì nâng giới hạn bằng --max-size MB")], omitted: 0)
    }
}
