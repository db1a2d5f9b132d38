import ArgumentParser
import Foundation
import TongKetAnalytics
import TongKetData

extension Language: ExpressibleByArgument {}
extension NumberLocale: ExpressibleByArgument {}
extension MetricsExport.Format: ExpressibleByArgument {}

/// How to read the CSV files and the catalogue: shared by every command that reads them.
struct InputOptions: ParsableArguments {
    @Argument(help: "CSV exports or .xlsx workbooks to read; several merge (one per year is common).")
    var files: [String] = []

    @Option(help: "The indicator catalogue (danh mục chỉ tiêu) to use; by default danh-muc-chi-tieu.csv beside the first file, if there is one. Write one with `tongket init`.")
    var catalogue: String?

    @Option(help: "Force the text encoding (utf-8, utf-16le, utf-16be, windows-1258, tcvn3 or vni for the old .VnTime and VNI fonts, or any iconv name).")
    var encoding: String?

    @Option(name: .customLong("number-locale"), help: "How numbers are written: auto, vi (1.054,5) or en (1,054.5).")
    var numberLocale: NumberLocale = .auto

    @Option(help: "In .xlsx workbooks, read only this sheet (default: every sheet that holds a table).")
    var sheet: String?

    @Option(help: "The period to review when the files hold several: ca-nam, 6-thang, 9-thang, quy-1 … quy-4 (or the words: \"6 tháng\", \"quý III\"); default: the latest period of the latest year.")
    var period: String?

    @Option(name: .customLong("max-size"), help: "Refuse files larger than this many megabytes.")
    var maxSize: Int = ReadOptions.defaultSizeLimit / 1_000_000

    func validate() throws {
        if maxSize < 1 { throw ValidationError(MessageLanguage.pick("--max-size tính bằng megabyte, từ 1 trở lên.", "--max-size is in megabytes, 1 or more.")) }
        if dataFiles.isEmpty {
            let command = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("-") } ?? "summary"
            throw ValidationError(MessageLanguage.pick("Hãy nêu ít nhất một tệp CSV, ví dụ: tongket \(command) ketqua-2023.csv",
                                                       "Name at least one CSV file, for example: tongket \(command) ketqua-2023.csv"))
        }
        if let encoding, SourceEncoding(name: encoding) == nil {
            throw ValidationError(MessageLanguage.pick(
                "Không biết bảng mã \"\(encoding)\"; dùng utf-8, utf-16le, utf-16be, windows-1258, tcvn3 hoặc vni (mọi tên iconv biết đều được).",
                "Unknown encoding \"\(encoding)\"; use utf-8, utf-16le, utf-16be, windows-1258, tcvn3 or vni (any name iconv knows works)."))
        }
        if let period, ReportingPeriod.named(period) == nil {
            throw ValidationError(MessageLanguage.pick("\"\(period)\" không phải là một kỳ; dùng ca-nam, 6-thang, 9-thang, quy-1, quy-2, quy-3 hoặc quy-4.",
                                                       "\"\(period)\" is not a period; use ca-nam, 6-thang, 9-thang, quy-1, quy-2, quy-3 or quy-4."))
        }
        if let catalogue, !FileManager.default.fileExists(atPath: catalogue) {
            throw ValidationError(MessageLanguage.pick("Không có tệp danh mục \"\(catalogue)\"; tạo bằng `tongket init` các tệp dữ liệu.",
                                                       "The catalogue \"\(catalogue)\" does not exist; write one with `tongket init` and the data files."))
        }
    }

    /// The data files: a catalogue caught by a wildcard (`*.csv`) is not data.
    var dataFiles: [String] {
        files.filter { !Catalogue.isCatalogueName($0) && $0 != catalogue }
    }

    /// The catalogue named, else one with a conventional name beside the first data file.
    var catalogueFile: String? {
        if let catalogue { return catalogue }
        return dataFiles.first.flatMap(Catalogue.path(beside:))
    }

    var readOptions: ReadOptions {
        var options = ReadOptions(encoding: encoding.flatMap(SourceEncoding.init(name:)), numberLocale: numberLocale,
                                  sizeLimit: maxSize > Int.max / 1_000_000 ? Int.max : maxSize * 1_000_000)
        options.sheet = sheet
        return options
    }

    /// Reads the files and the catalogue and computes every figure.
    /// `notes`: also print how each file was read (its layout, signs, sections), as `check` does.
    func analyse(level: String?, notes: Bool = false, year: Int? = nil) throws -> Metrics {
        let table = try Session.read(dataFiles.map { try Session.readFile($0, options: readOptions) }, options: readOptions, notes: notes)
        return try Session.metrics(table, catalogue: Session.catalogue(at: catalogueFile), level: level, period: period, year: year)
    }
}
