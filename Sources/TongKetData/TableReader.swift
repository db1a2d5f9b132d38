import Foundation

/// The result of reading: the merged table, the warnings worth showing (guessed encodings), and
/// the notes that say how each file was read (its layout, signs, sections), which `check` prints.
public struct ReadResult: Sendable {
    public var table: IndicatorTable
    public var warnings: [Diagnostic]
    public var notes: [Diagnostic] = []

    init(table: IndicatorTable, said: [Diagnostic]) {
        self.table = table
        warnings = said.filter { $0.severity == .warning }
        notes = said.filter { $0.severity == .note }
    }
}

/// Reads indicator exports (DESIGN §2) into one `IndicatorTable`, reporting every problem of
/// every file with its position, or nothing at all.
public enum TableReader {
    public static func read(paths: [String], options: ReadOptions = ReadOptions()) throws(LoadError) -> ReadResult {
        var inputs: [InputFile] = []
        for path in paths { inputs.append(try InputFile.load(path: path, limit: options.sizeLimit)) }
        return try read(inputs, options: options)
    }

    public static func read(_ inputs: [InputFile], options: ReadOptions = ReadOptions()) throws(LoadError) -> ReadResult {
        var assembler = TableAssembler()
        var problems: [Diagnostic] = []
        var omitted = 0
        var warnings: [Diagnostic] = []
        for input in inputs {
            var log = DiagnosticLog(file: input.name, limit: options.diagnosticLimit)
            var logs: [DiagnosticLog] = []
            if WorkbookReader.isWorkbook(input) {
                WorkbookReader.read(input, options: options, into: &assembler, log: &log, sheetLogs: &logs)
            } else {
                let fileIndex = assembler.addFile(input.name)
                FileReader.read(input, file: fileIndex, options: options, into: &assembler, log: &log)
            }
            for log in logs + [log] {
                if log.errorCount > 0 {
                    problems += log.kept.filter { $0.severity == .error }
                    omitted += log.omitted
                }
                warnings += log.warnings
            }
        }
        if !problems.isEmpty { throw .invalidData(problems, omitted: omitted) }
        let table = try assembler.finish(diagnosticLimit: options.diagnosticLimit)
        return try wholeYears(of: table, warnings: warnings)
    }

    /// The whole-year rows: until the figures compare a part of a year with the same part of the
    /// year before ("sơ kết"), part-year rows are read and labelled but never mixed with whole
    /// years — set aside with a warning beside whole years, refused when they are all there is.
    static func wholeYears(of table: IndicatorTable, warnings: [Diagnostic]) throws(LoadError) -> ReadResult {
        guard table.rows.contains(where: { $0.period != 0 }) else { return ReadResult(table: table, said: warnings) }
        var counts: [UInt8: (rows: Int, years: Set<Int32>, first: IndicatorRow)] = [:]
        for row in table.rows where row.period != 0 {
            counts[row.period, default: (0, [], row)].rows += 1
            counts[row.period]?.years.insert(row.year)
        }
        let parts = counts.keys.sorted().map { id -> (en: String, vi: String) in
            let c = counts[id]!
            let years = c.years.sorted().map(String.init).joined(separator: ", ")
            let label = table.periods[Int(id)].label
            return ("\(label) \(years): \(c.rows) row\(c.rows == 1 ? "" : "s")", "\(label) \(years): \(c.rows) dòng")
        }
        let first = counts[counts.keys.sorted()[0]]!.first
        let place = table.warning(at: first, .period, "", vietnamese: "")
        guard table.rows.contains(where: { $0.period == 0 }) else {
            var error = place
            error.severity = .error
            error.message = "these files hold part-year figures only (\(parts.map(\.en).joined(separator: "; "))); TongKet does not yet set a part of a year against the same part of the year before (sơ kết), and would judge them against the whole year's targets — give the whole-year files"
            error.vietnamese = "các tệp này chỉ có số liệu một phần của năm (\(parts.map(\.vi).joined(separator: "; "))); TongKet chưa so sánh sơ kết với cùng kỳ năm trước và sẽ đối chiếu sai với kế hoạch cả năm — hãy dùng các tệp số liệu cả năm"
            throw .invalidData([error], omitted: 0)
        }
        var note = place
        note.message = "part-year rows are read but set aside, not mixed with whole years: \(parts.map(\.en).joined(separator: "; ")); the figures are the whole years'"
        note.vietnamese = "các dòng số liệu một phần của năm được đọc nhưng để riêng, không trộn với số liệu cả năm: \(parts.map(\.vi).joined(separator: "; ")); các số liệu tính theo cả năm"
        return ReadResult(table: table.replacingRows(table.rows.filter { $0.period == 0 }), said: warnings + [note])
    }
}
