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
        try read(inputs, options: options, locales: [:])
    }

    /// `locales`: files whose numbers could be written either way, read the way the run's other files write theirs.
    private static func read(_ inputs: [InputFile], options: ReadOptions, locales: [Int: NumberLocale]) throws(LoadError) -> ReadResult {
        var assembler = TableAssembler()
        var ambiguous: [Int] = []
        var problems: [Diagnostic] = []
        var omitted = 0
        var warnings: [Diagnostic] = []
        for (index, input) in inputs.enumerated() {
            var log = DiagnosticLog(file: input.name, limit: options.diagnosticLimit)
            var options = options
            if let locale = locales[index] {
                options.numberLocale = locale
                let style = locale == .vi ? ("Vietnamese, 1.054,5", "kiểu Việt Nam, 1.054,5") : ("English, 1,054.5", "kiểu Anh, 1,054.5")
                log.warning("its numbers could be written either way; they are read as the run's other files write theirs "
                            + "(\(style.0)); give --number-locale to choose",
                            vi: "số trong tệp có thể hiểu theo hai cách; được đọc theo cách các tệp khác cùng lượt viết "
                            + "(\(style.1)); chọn bằng --number-locale nếu khác")
            }
            var logs: [DiagnosticLog] = []
            if WorkbookReader.isWorkbook(input) {
                WorkbookReader.read(input, options: options, into: &assembler, log: &log, sheetLogs: &logs)
            } else {
                let fileIndex = assembler.addFile(input.name)
                FileReader.read(input, file: fileIndex, options: options, into: &assembler, log: &log)
            }
            let errors = (logs + [log]).flatMap { $0.kept.filter { $0.severity == .error } }
            if !errors.isEmpty, errors.allSatisfy({ $0.message.hasPrefix("cannot tell how numbers are written") }) {
                ambiguous.append(index)
            }
            for log in logs + [log] {
                if log.errorCount > 0 {
                    problems += log.kept.filter { $0.severity == .error }
                    omitted += log.omitted
                }
                warnings += log.warnings
            }
        }
        if !ambiguous.isEmpty, locales.isEmpty, options.numberLocale == .auto, assembler.decidedLocales.count == 1,
           let locale = assembler.decidedLocales.first {
            return try read(inputs, options: options, locales: Dictionary(uniqueKeysWithValues: ambiguous.map { ($0, locale) }))
        }
        if !problems.isEmpty { throw .invalidData(problems, omitted: omitted) }
        let table = try assembler.finish(diagnosticLimit: options.diagnosticLimit)
        return periodsChecked(table, warnings: warnings)
    }

    /// Every period is kept (the figures take one at a time: `IndicatorTable.selecting(period:)`);
    /// a year whose units state different periods is a warning — one unit's "6 tháng" beside
    /// another's "9 tháng" would make a province figure of two different spans.
    static func periodsChecked(_ table: IndicatorTable, warnings: [Diagnostic]) -> ReadResult {
        guard table.periods.count > 1 else { return ReadResult(table: table, said: warnings) }
        var byYear: [Int32: [UInt8: (units: Set<Int32>, first: IndicatorRow)]] = [:]
        for row in table.rows {
            if byYear[row.year]?[row.period] == nil { byYear[row.year, default: [:]][row.period] = ([], row) }
            byYear[row.year]?[row.period]?.units.insert(row.unit)
        }
        var said = warnings
        for year in byYear.keys.sorted() {
            guard let periods = byYear[year], periods.count > 1 else { continue }
            let all = periods.values.reduce(into: Set<Int32>()) { $0.formUnion($1.units) }
            let partial = periods.keys.sorted().filter { periods[$0]!.units != all }
            guard !partial.isEmpty else { continue }
            let list = periods.keys.sorted().map { "\(table.periods[Int($0)].label) (\(periods[$0]!.units.count))" }.joined(separator: ", ")
            var warning = table.warning(at: periods[partial[0]]!.first, .period, "", vietnamese: "")
            warning.message = "in \(year) the units do not all state the same periods — units per period: \(list); each period's province figure counts only the units that state it"
            warning.vietnamese = "năm \(year) các đơn vị không báo cáo cùng các kỳ — số đơn vị theo kỳ: \(list); số toàn tỉnh của mỗi kỳ chỉ gồm các đơn vị có báo cáo kỳ đó"
            said.append(warning)
        }
        return ReadResult(table: table, said: said)
    }
}
