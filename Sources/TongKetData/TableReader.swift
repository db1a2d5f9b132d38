import Foundation

/// The result of reading: the merged table and the warnings worth showing (guessed encodings).
public struct ReadResult: Sendable {
    public var table: IndicatorTable
    public var warnings: [Diagnostic]
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
        return ReadResult(table: table, warnings: warnings)
    }
}
