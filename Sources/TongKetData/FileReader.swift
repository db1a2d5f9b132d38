import Foundation

/// Reads one file's rows into the assembler. Cells whose number format depends on the file's
/// locale wait in `pending` until the whole file has been seen and the locale is known.
struct FileReader {
    struct PendingNumber {
        var row: Int
        var column: InputColumn
        var field: Int
        var line: Int
        var reading: NumberReading
        var text: String
    }

    static func read(_ input: InputFile, file: Int32, options: ReadOptions, into assembler: inout TableAssembler, log: inout DiagnosticLog) {
        input.withBytes { bytes, mapping in
            let decoded: SourceDecoder.Decoded
            do throws(SourceDecoder.Failure) {
                decoded = try SourceDecoder.decode(bytes, forcing: options.encoding)
            } catch {
                report(error, log: &log)
                return
            }
            let before = assembler
            if parse(decoded, bytes, mapping, file: file, options: options, into: &assembler, log: &log) || decoded.isVerified { return }
            assembler = before
            log = DiagnosticLog(file: log.file, limit: log.limit)
            if decoded.isMarked {
                report(.undecodable(.utf8), log: &log)
                return
            }
            // Some kept text was not UTF-8: start the file again as Vietnamese ANSI.
            mapping?.rewind()
            do throws(SourceDecoder.Failure) {
                let legacy = try SourceDecoder.legacyFallback(bytes)
                mapping?.release(before: bytes.count)
                _ = parse(legacy, bytes, nil, file: file, options: options, into: &assembler, log: &log)
            } catch {
                report(error, log: &log)
            }
        }
    }

    private static func report(_ error: SourceDecoder.Failure, log: inout DiagnosticLog) {
        switch error {
        case .empty: log.error(line: nil, "the file is empty; export the sheet again with its header row and data")
        case let .notText(kind): log.error(line: nil, "this is \(kind)")
        case let .undecodable(encoding): log.error(line: nil, "the bytes are not valid \(encoding) text; give the right one with --encoding (for example --encoding windows-1258)")
        }
    }

    /// False when the text was taken as UTF-8 unchecked and some of what was kept is not.
    /// Text read in place from a mapped file is released behind the reader as it goes.
    private static func parse(_ decoded: SourceDecoder.Decoded, _ input: UnsafeBufferPointer<UInt8>, _ mapping: MappedFile?, file: Int32,
                              options: ReadOptions, into assembler: inout TableAssembler, log: inout DiagnosticLog) -> Bool {
        if decoded.wasGuessed {
            log.warning("not UTF-8; read as \(decoded.encoding). If letters look wrong, give the encoding with --encoding")
        }
        let invalidBefore = assembler.invalidSpellings
        func run(_ buffer: UnsafeBufferPointer<UInt8>, release: ((Int) -> Void)?) -> Bool {
            var reader = FileReader(buffer: buffer, file: file, options: options, release: release)
            reader.readRows(into: &assembler, log: &log)
            return !reader.sawInvalidText && assembler.invalidSpellings == invalidBefore
        }
        if let converted = decoded.converted {
            mapping?.release(before: input.count)
            return converted.withUnsafeBufferPointer { run($0, release: nil) }
        }
        let start = decoded.start
        return run(UnsafeBufferPointer(rebasing: input[start...]), release: mapping.map { mapping in { mapping.release(before: start + $0) } })
    }

    let buffer: UnsafeBufferPointer<UInt8>
    let file: Int32
    let options: ReadOptions
    /// Told how far the reader has got, so the bytes behind it can leave memory.
    let release: ((Int) -> Void)?
    var tokenizer: CSVTokenizer
    var pending: [PendingNumber] = []
    var vietnameseEvidence: PendingNumber?
    var englishEvidence: PendingNumber?
    var firstRow = 0
    var sawInvalidText = false

    init(buffer: UnsafeBufferPointer<UInt8>, file: Int32, options: ReadOptions, release: ((Int) -> Void)?) {
        self.buffer = buffer
        self.file = file
        self.options = options
        self.release = release
        self.tokenizer = CSVTokenizer(bytes: buffer, delimiter: DelimiterDetector.detect(in: buffer))
    }

    mutating func readRows(into assembler: inout TableAssembler, log: inout DiagnosticLog) {
        var fields: [CSVField] = []
        guard let headerLine = nextNonBlankRecord(into: &fields) else {
            log.error(line: nil, "the file is empty; export the sheet again with its header row and data")
            return
        }
        // Excel's empty columns to the right carry no names (a broken export can have a
        // million of them).
        let named = (fields.lastIndex { !$0.isEmpty } ?? 0) + 1
        let headers = fields.prefix(named).map { checkedText($0).trimmingCharacters(in: .whitespaces) }
        let map: HeaderMap
        do {
            map = try HeaderMap(headers: headers)
        } catch {
            report(error, headers: headers, line: headerLine, log: &log)
            reportTokenizerProblems(log: &log, map: nil)
            return
        }
        firstRow = assembler.rowCount
        assembler.setFields(map.index, file: file)
        // Rows are rarely shorter than 24 bytes; reserving address space costs no memory
        // until rows fill it, and growing a huge array would briefly hold it twice.
        assembler.reserve(buffer.count / 24)
        var dataRows = 0
        let columns = Columns(map)
        var released = 0
        while let line = tokenizer.nextRecord(into: &fields) {
            if let release, tokenizer.offset - released >= 1 << 23 {
                released = tokenizer.offset
                release(released)
            }
            if fields.allSatisfy(\.isEmpty) { continue }
            dataRows += 1
            if fields.count < map.width || (fields.count > map.width && fields[map.width...].contains { !$0.isEmpty }) {
                let used = fields.lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? fields.count
                log.error(line: line, column: min(used, fields.count), "this row has \(used) fields but the header has \(map.width); a value may contain an unquoted \"\(Character(UnicodeScalar(tokenizer.delimiter)))\" or a cell is missing")
                continue
            }
            if let row = readRow(fields, line: line, columns: columns, map: map, assembler: &assembler, log: &log) {
                assembler.append(row)
            }
        }
        if dataRows == 0 && log.errorCount == 0 {
            log.error(line: headerLine, "the header is here but no data rows follow; export the sheet with its data")
        }
        reportTokenizerProblems(log: &log, map: map)
        resolvePending(into: &assembler, map: map, log: &log)
    }

    /// The field index of each column, or -1, looked up once per file rather than per row.
    struct Columns {
        let year, unit, indicator, target, actual, measure, level, direction: Int
        init(_ map: HeaderMap) {
            year = map.column(.year) ?? -1
            unit = map.column(.unit) ?? -1
            indicator = map.column(.indicator) ?? -1
            target = map.column(.target) ?? -1
            actual = map.column(.actual) ?? -1
            measure = map.column(.measure) ?? -1
            level = map.column(.level) ?? -1
            direction = map.column(.direction) ?? -1
        }
    }

    private mutating func readRow(_ fields: [CSVField], line: Int, columns: Columns, map: HeaderMap,
                                  assembler: inout TableAssembler, log: inout DiagnosticLog) -> IndicatorRow? {
        let errorsBefore = log.errorCount
        let rowIndex = assembler.rowCount
        let year = readYear(fields[columns.year], line: line, field: columns.year, map: map, log: &log)
        let unit = readName(fields[columns.unit], line: line, field: columns.unit, column: .unit, map: map, interner: &assembler.units, log: &log)
        let indicator = readName(fields[columns.indicator], line: line, field: columns.indicator, column: .indicator, map: map, interner: &assembler.indicators, log: &log)
        let target = readNumber(fields[columns.target], line: line, field: columns.target, column: .target, row: rowIndex, map: map, log: &log)
        let actual = readNumber(fields[columns.actual], line: line, field: columns.actual, column: .actual, row: rowIndex, map: map, log: &log)
        var measure: Int32 = -1
        if columns.measure >= 0, !fields[columns.measure].isEmpty {
            measure = intern(fields[columns.measure], into: &assembler.measures)
        }
        var level: Int32 = -1
        if columns.level >= 0, !fields[columns.level].isEmpty {
            level = intern(fields[columns.level], into: &assembler.levels)
        }
        var direction = Direction.higher
        var directionGiven = false
        if columns.direction >= 0, !fields[columns.direction].isEmpty {
            let cell = checkedText(fields[columns.direction])
            if let parsed = Direction(cell: cell) {
                direction = parsed
                directionGiven = true
            } else {
                log.error(line: line, column: columns.direction + 1, "\"\(cell)\" in column \"\(map.displayName(.direction))\" is not a direction; write higher (cao) or lower (thấp, a ceiling)")
            }
        }
        if isBlank(fields[columns.actual]) {
            log.error(line: line, column: columns.actual + 1, "the cell in column \"\(map.displayName(.actual))\" is empty; every row needs the achieved value (write 0 if nothing was done)")
        }
        if let target, target < 0 {
            log.error(line: line, column: columns.target + 1, "the target \(text(fields[columns.target])) in column \"\(map.displayName(.target))\" is negative; targets are 0 or more (leave the cell empty when no target was set)")
        }
        guard log.errorCount == errorsBefore, let year, let unit, let indicator else {
            // Pending cells of a rejected row are dropped with it.
            while let last = pending.last, last.row == rowIndex { pending.removeLast() }
            return nil
        }
        return IndicatorRow(year: Int32(year), unit: unit, indicator: indicator, measure: measure, level: level,
                            direction: direction, directionGiven: directionGiven, target: target, actual: actual ?? .nan,
                            file: file, line: Int32(line))
    }

    private func readYear(_ field: CSVField, line: Int, field index: Int, map: HeaderMap, log: inout DiagnosticLog) -> Int? {
        if let year = NumberParser.plainInteger(UnsafeBufferPointer(rebasing: buffer[field.start..<field.end])),
           (1000...9999).contains(year) {
            return Int(year)
        }
        let cell = text(field).trimmingCharacters(in: .whitespaces)
        if cell.isEmpty {
            log.error(line: line, column: index + 1, "the cell in column \"\(map.displayName(.year))\" is empty; every row needs its year")
            return nil
        }
        guard let year = Int(cell), (1000...9999).contains(year) else {
            log.error(line: line, column: index + 1, "\"\(cell)\" in column \"\(map.displayName(.year))\" is not a year; write the year as a whole number such as 2023")
            return nil
        }
        return year
    }

    private func readName(_ field: CSVField, line: Int, field index: Int, column: InputColumn, map: HeaderMap,
                          interner: inout NameInterner, log: inout DiagnosticLog) -> Int32? {
        if isBlank(field) {
            log.error(line: line, column: index + 1, "the cell in column \"\(map.displayName(column))\" is empty; every row needs its \(column == .unit ? "unit" : "indicator")")
            return nil
        }
        if field.end - field.start > Self.longestName {
            log.error(line: line, column: index + 1, "the cell in column \"\(map.displayName(column))\" is \(field.end - field.start) bytes long, too long for a name (at most \(Self.longestName)); a delimiter or a closing quote may be missing")
            return nil
        }
        return intern(field, into: &interner)
    }

    /// Longer than any real unit or indicator name (those are a line or two), short enough
    /// that a runaway cell is caught before it is normalised and kept.
    static let longestName = 2000

    private func intern(_ field: CSVField, into interner: inout NameInterner) -> Int32 {
        if field.hasEscapedQuotes {
            return Array(tokenizer.value(of: field)).withUnsafeBufferPointer { interner.id(for: $0) }
        }
        return interner.id(for: UnsafeBufferPointer(rebasing: buffer[field.start..<field.end]))
    }

    /// nil for an empty cell or an error; NaN for a cell waiting on the file's number locale.
    private mutating func readNumber(_ field: CSVField, line: Int, field index: Int, column: InputColumn, row: Int,
                                     map: HeaderMap, log: inout DiagnosticLog) -> Double? {
        let bytes = UnsafeBufferPointer(rebasing: buffer[field.start..<field.end])
        if let value = NumberParser.plainInteger(bytes) { return value }
        if isBlank(field) { return nil }
        let reading = NumberParser.read(bytes)
        let cell = String(decoding: bytes, as: UTF8.self)
        switch reading {
        case let .plain(value):
            return value
        case let .invalid(problem):
            let header = map.displayName(column)
            switch problem {
            case .notFinite:
                log.error(line: line, column: index + 1, "\"\(cell)\" in column \"\(header)\" is not a finite number; write the figure itself")
            case .excelError:
                log.error(line: line, column: index + 1, "\"\(cell)\" in column \"\(header)\" is an Excel error value, not a number; fix the formula in the workbook and export again")
            case .notANumber:
                log.error(line: line, column: index + 1, "\"\(cell)\" in column \"\(header)\" is not a number")
            }
            return nil
        default:
            if options.numberLocale != .auto {
                if let value = reading.value(in: options.numberLocale) { return value }
                let format = options.numberLocale == .vi ? "Vietnamese format (1.054,5)" : "English format (1,054.5)"
                log.error(line: line, column: index + 1, "\"\(cell)\" in column \"\(map.displayName(column))\" is not a number in the \(format) chosen by --number-locale \(options.numberLocale.rawValue)")
                return nil
            }
            let entry = PendingNumber(row: row, column: column, field: index, line: line, reading: reading, text: cell)
            if case .vietnamese = reading, vietnameseEvidence == nil { vietnameseEvidence = entry }
            if case .english = reading, englishEvidence == nil { englishEvidence = entry }
            pending.append(entry)
            return .nan
        }
    }

    /// Decides the file's number locale from its unambiguous cells and fills in the rest.
    private mutating func resolvePending(into assembler: inout TableAssembler, map: HeaderMap, log: inout DiagnosticLog) {
        guard !pending.isEmpty, log.errorCount == 0 else { return }
        let locale: NumberLocale
        switch (vietnameseEvidence, englishEvidence) {
        case let (vi?, en?):
            log.error(line: en.line, column: en.field + 1, "numbers are written two ways in this file: \"\(en.text)\" here is English, \"\(vi.text)\" on line \(vi.line) is Vietnamese; make them consistent or choose with --number-locale vi|en")
            return
        case (_?, nil): locale = .vi
        case (nil, _?): locale = .en
        case (nil, nil):
            let examples = pending.prefix(3).map { "\"\($0.text)\" (line \($0.line))" }.joined(separator: ", ")
            let first = pending[0]
            if case let .ambiguous(vi, en) = first.reading {
                log.error(line: first.line, column: first.field + 1, "cannot tell how numbers are written: \(examples) could be \(Self.plain(vi)) (Vietnamese, \".\" groups thousands) or \(Self.plain(en)) (English, \".\" or \",\" is the decimal mark); choose with --number-locale vi or --number-locale en")
            }
            return
        }
        for entry in pending {
            let value = entry.reading.value(in: locale) ?? .nan
            assembler.setNumber(value, column: entry.column, row: entry.row)
        }
    }

    private static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    private mutating func nextNonBlankRecord(into fields: inout [CSVField]) -> Int? {
        while let line = tokenizer.nextRecord(into: &fields) {
            if !fields.allSatisfy(\.isEmpty) { return line }
        }
        return nil
    }

    private func report(_ problem: HeaderMap.Problem, headers: [String], line: Int, log: inout DiagnosticLog) {
        switch problem {
        case let .missing(columns):
            let names = columns.map { "\"\($0.rawValue)\" (\($0.vietnameseName))" }.joined(separator: ", ")
            let found = headers.filter { !$0.isEmpty }.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
            log.error(line: line, "the header row lacks the required column\(columns.count == 1 ? "" : "s") \(names); found \(found.isEmpty ? "no names" : found). The first row must name the columns year, unit, indicator, target, actual (or năm, đơn vị, chỉ tiêu, kế hoạch, thực hiện)")
        case let .duplicate(column, first, second):
            log.error(line: line, column: second, "columns \(first) and \(second) both name \"\(column.rawValue)\" (\(column.vietnameseName)); keep one of them")
        }
    }

    private func reportTokenizerProblems(log: inout DiagnosticLog, map: HeaderMap?) {
        for problem in tokenizer.problems {
            switch problem {
            case let .unterminatedQuote(line, field):
                log.error(line: line, column: field, "a quoted value opens here (\(columnName(field, map))) and never closes; add the closing \" or remove the opening one")
            case let .bareQuote(line, field):
                log.error(line: line, column: field, "a \" inside an unquoted value (\(columnName(field, map))); put the whole value in quotes and double the inner quote (\"\")")
            case let .textAfterClosingQuote(line, field):
                log.error(line: line, column: field, "text follows the closing quote (\(columnName(field, map))); a quoted value must end at the delimiter")
            }
        }
    }

    private func columnName(_ field: Int, _ map: HeaderMap?) -> String {
        guard let map, field - 1 < map.headers.count, field >= 1 else { return "column \(field)" }
        return "column \"\(map.headers[field - 1])\""
    }

    /// The field's text, noting when it is not valid UTF-8.
    private mutating func checkedText(_ field: CSVField) -> String {
        let bytes = Array(tokenizer.value(of: field))
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        sawInvalidText = true
        return String(decoding: bytes, as: UTF8.self)
    }

    private func text(_ field: CSVField) -> String {
        String(decoding: tokenizer.value(of: field), as: UTF8.self)
    }

    private func isBlank(_ field: CSVField) -> Bool {
        buffer[field.start..<field.end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
