import ArgumentParser
import TongKetAnalytics
import TongKetData

extension Language: ExpressibleByArgument {}
extension NumberLocale: ExpressibleByArgument {}
extension MetricsExport.Format: ExpressibleByArgument {}

/// How to read the CSV files: shared by every command that reads them.
struct InputOptions: ParsableArguments {
    @Argument(help: "CSV exports to read; several merge (one per year is common).")
    var files: [String] = []

    @Option(help: "Force the text encoding (utf-8, utf-16le, utf-16be, windows-1258, or any iconv name).")
    var encoding: String?

    @Option(name: .customLong("number-locale"), help: "How numbers are written: auto, vi (1.054,5) or en (1,054.5).")
    var numberLocale: NumberLocale = .auto

    @Option(name: .customLong("max-size"), help: "Refuse files larger than this many megabytes.")
    var maxSize: Int = ReadOptions.defaultSizeLimit / 1_000_000

    func validate() throws {
        if maxSize < 1 { throw ValidationError("--max-size is in megabytes, 1 or more.") }
        if files.isEmpty { throw ValidationError("Name at least one CSV file, for example: tongket summary ketqua-2023.csv") }
        if let encoding, SourceEncoding(name: encoding) == nil {
            throw ValidationError("Unknown encoding \"\(encoding)\"; use utf-8, utf-16le, utf-16be or windows-1258 (any name iconv knows works).")
        }
    }

    var readOptions: ReadOptions {
        ReadOptions(encoding: encoding.flatMap(SourceEncoding.init(name:)), numberLocale: numberLocale,
                    sizeLimit: maxSize > Int.max / 1_000_000 ? Int.max : maxSize * 1_000_000)
    }
}
