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
        case .empty: log.error(line: nil, emptyFile, vi: emptyFileVi)
        case let .notText(kind): log.error(line: nil, "this is \(kind)", vi: "đây là \(SourceDecoder.NonTextKind.vietnamese(of: kind) ?? kind)")
        case let .undecodable(encoding):
            log.error(line: nil, "the bytes are not valid \(encoding) text; give the right one with --encoding (for example --encoding windows-1258)",
                      vi: "nội dung tệp không phải văn bản \(encoding) hợp lệ; chỉ rõ bảng mã đúng bằng --encoding (ví dụ --encoding windows-1258)")
        }
    }

    private static let emptyFile = "the file is empty; export the sheet again with its header row and data"
    private static let emptyFileVi = "tệp rỗng; xuất lại trang tính kèm dòng tiêu đề và số liệu"

    /// False when the text was taken as UTF-8 unchecked and some of what was kept is not.
    /// Text read in place from a mapped file is released behind the reader as it goes.
    private static func parse(_ decoded: SourceDecoder.Decoded, _ input: UnsafeBufferPointer<UInt8>, _ mapping: MappedFile?, file: Int32,
                              options: ReadOptions, into assembler: inout TableAssembler, log: inout DiagnosticLog) -> Bool {
        if decoded.wasGuessed {
            log.warning("not UTF-8; read as \(decoded.encoding). If letters look wrong, give the encoding with --encoding",
                        vi: "không phải UTF-8; đã đọc theo bảng mã \(decoded.encoding). Nếu chữ hiển thị sai, chỉ rõ bảng mã bằng --encoding")
        }
        let invalidBefore = assembler.invalidSpellings
        func run(_ buffer: UnsafeBufferPointer<UInt8>, release: ((Int) -> Void)?) -> Bool {
            var reader = FileReader(buffer: buffer, file: file, options: options, release: release, source: Source(fileName: log.file))
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
    let source: Source
    /// The year every row has when the file has no year column (from the sheet, title or file name).
    var fileYear: Int?
    /// A report-shaped file merges the unit down over its indicators: a blank unit is the one above.
    var fillsUnitDown = false
    var unitAbove: Int32?
    /// A wide table's year columns ("Thực hiện 2023 | KH 2024 | TH 2024"), when the file is one.
    var wide: WideLayout?
    var rowsWithoutIndicator: [Int] = []
    /// A report's own "Tỷ lệ %" column (TH / KH), cross-checked against the figures, never used.
    var rateColumn = -1
    var rateMismatches = 0

    /// Where the rows come from, for what the rows themselves do not say.
    struct Source {
        /// The file's name, whose year ("ketqua-2023.csv") is the last resort for a year.
        var fileName: String
        /// The sheet of a workbook, whose name may be the year ("2023").
        var sheetName: String?
        /// Cells of a workbook sheet: numbers arrive typed (see `SheetText`), not as text.
        var typedCells = false
    }

    init(buffer: UnsafeBufferPointer<UInt8>, file: Int32, options: ReadOptions, release: ((Int) -> Void)?, source: Source) {
        self.buffer = buffer
        self.file = file
        self.options = options
        self.source = source
        self.release = release
        // A sheet's text is ours, always comma-separated; a title line must not decide it.
        self.tokenizer = CSVTokenizer(bytes: buffer, delimiter: source.typedCells ? UInt8(ascii: ",") : DelimiterDetector.detect(in: buffer))
    }

    /// Title lines a report-shaped sheet may have above its header ("VIỆN KIỂM SÁT …", "BIỂU
    /// TỔNG HỢP … NĂM 2023", a blank line): the header is the first of these many records that
    /// names the required columns.
    static let titleLinesAllowed = 30

    /// Reads the file's table; false when a workbook sheet holds none (it is skipped, not an error).
    @discardableResult
    mutating func readRows(into assembler: inout TableAssembler, log: inout DiagnosticLog) -> Bool {
        var fields: [CSVField] = []
        var titles: [String] = []
        var best: (line: Int, headers: [String], problem: HeaderMap.Problem, mapped: Int)?
        var found: (line: Int, map: HeaderMap)?
        while titles.count < Self.titleLinesAllowed, let line = nextNonBlankRecord(into: &fields) {
            // Excel's empty columns to the right carry no names (a broken export can have a
            // million of them).
            let named = (fields.lastIndex { !$0.isEmpty } ?? 0) + 1
            let headers = fields.prefix(named).map { checkedText($0).trimmingCharacters(in: .whitespaces) }
            do {
                found = (line, try HeaderMap(headers: headers, yearOptional: true))
                break
            } catch {
                if let layout = WideLayout(headers: headers) {
                    found = (line, layout.map)
                    wide = layout
                    break
                }
                // Two columns naming one thing: the header, and wrong — unless a line below is the
                // header proper (a group heading merged over "KH | TH" above them).
                if case .duplicate = error {
                    if best?.mapped != Int.max { best = (line, headers, error, Int.max) }
                    titles.append(headers.filter { !$0.isEmpty }.joined(separator: " "))
                    continue
                }
                let mapped = HeaderMap.mappedCount(headers)
                if best == nil || mapped > best?.mapped ?? 0 { best = (line, headers, error, mapped) }
                titles.append(headers.filter { !$0.isEmpty }.joined(separator: " "))
            }
        }
        guard let (headerLine, map) = found else {
            if source.sheetName != nil, best?.mapped ?? 0 < 2 { return false }
            if let best { report(best.problem, headers: best.headers, line: best.line, log: &log) } else { log.error(line: nil, Self.emptyFile, vi: Self.emptyFileVi) }
            reportTokenizerProblems(log: &log, map: nil)
            return true
        }
        if let wide {
            log.warning(line: headerLine, "a wide table: " + wide.description(english: true) + "; each is read as a row of that year",
                        vi: "bảng dạng ngang: " + wide.description(english: false) + "; mỗi năm được đọc thành một dòng của năm đó")
        } else if map.column(.year) == nil {
            guard let (year, place) = Self.year(sheet: source.sheetName, titles: titles, fileName: source.fileName) else {
                report(.missing([.year]), headers: map.headers, line: headerLine, log: &log)
                return true
            }
            fileYear = year
            log.warning(line: headerLine, "no year column: every row is taken as \(year), from \(place.en)",
                        vi: "không có cột năm: mọi dòng được tính là năm \(year), lấy từ \(place.vi)")
        }
        fillsUnitDown = !titles.isEmpty || map.headers.contains { HeaderName.fold($0) == "stt" }
        rateColumn = map.headers.firstIndex { ["ty le", "ty le %", "ty le (%)", "ty le hoan thanh", "% hoan thanh", "ty le th/kh", "% th/kh"].contains(HeaderName.fold($0)) } ?? -1
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
            // A sheet row ends at its last cell with a value: the rest are empty, not missing.
            if source.typedCells, fields.count < map.width {
                let end = fields.last?.end ?? 0
                fields += Array(repeating: CSVField(start: end, end: end, isQuoted: false, hasEscapedQuotes: false), count: map.width - fields.count)
            }
            if fields.count < map.width || (fields.count > map.width && fields[map.width...].contains { !$0.isEmpty }) {
                let used = fields.lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? fields.count
                let delimiter = Character(UnicodeScalar(tokenizer.delimiter))
                log.error(line: line, column: min(used, fields.count),
                          "this row has \(used) fields but the header has \(map.width); a value may contain an unquoted \"\(delimiter)\" or a cell is missing",
                          vi: "dòng này có \(used) ô nhưng dòng tiêu đề có \(map.width) cột; có thể một giá trị chứa dấu \"\(delimiter)\" mà không đặt trong ngoặc kép, hoặc thiếu một ô")
                continue
            }
            // A report's section headings ("I. Công tác hình sự"), signatures and notes have no
            // indicator: not data, and said so once.
            if fillsUnitDown, isBlank(fields[columns.indicator]) {
                if rowsWithoutIndicator.count < 1000 { rowsWithoutIndicator.append(line) }
                continue
            }
            guard let wide else {
                if let row = readRow(fields, line: line, columns: columns, map: map, assembler: &assembler, log: &log) { assembler.append(row) }
                continue
            }
            // A wide table: one row per year that has a result.
            for slot in wide.years where !isBlank(fields[slot.actual]) {
                var yearColumns = columns
                (yearColumns.fixedYear, yearColumns.target, yearColumns.actual) = (slot.year, slot.target ?? -1, slot.actual)
                if let row = readRow(fields, line: line, columns: yearColumns, map: map, assembler: &assembler, log: &log) { assembler.append(row) }
            }
        }
        if assembler.rowCount == firstRow && log.errorCount == 0 {
            // A workbook's sheet with only a header (next year's blank form) holds no table.
            if source.sheetName != nil { return false }
            if dataRows == 0 {
                log.error(line: headerLine, "the header is here but no data rows follow; export the sheet with its data",
                          vi: "có dòng tiêu đề nhưng không có dòng số liệu nào; xuất lại trang tính kèm số liệu")
            } else {
                log.error(line: headerLine, "no row under the header has both an indicator and a result; export the sheet with its data",
                          vi: "không dòng nào dưới dòng tiêu đề có đủ chỉ tiêu và số thực hiện; xuất lại trang tính kèm số liệu")
            }
        }
        if let first = rowsWithoutIndicator.first {
            let rows = rowsWithoutIndicator.prefix(8).map(String.init).joined(separator: ", ") + (rowsWithoutIndicator.count > 8 ? " …" : "")
            log.warning(line: first, "\(rowsWithoutIndicator.count == 1 ? "row" : "rows") \(rows) \(rowsWithoutIndicator.count == 1 ? "has" : "have") no indicator (headings, signatures or notes around the table) and were not read",
                        vi: "các dòng \(rows) không có chỉ tiêu (tiêu đề mục, chữ ký hoặc ghi chú quanh bảng) nên không được đọc")
        }
        reportTokenizerProblems(log: &log, map: map)
        resolvePending(into: &assembler, map: map, log: &log)
        return true
    }

    /// The report's "Tỷ lệ %" against TH / KH: a stale formula or a hand-typed rate is worth a
    /// look, but only the figures themselves are used. Written as a fraction (0,955) or a
    /// percentage (95,5); a few mismatches are named, the rest counted.
    private mutating func crossCheckRate(_ field: CSVField, completion: Double, line: Int, map: HeaderMap, log: inout DiagnosticLog) {
        let bytes = UnsafeBufferPointer(rebasing: buffer[field.start..<field.end])
        guard let stated = SheetText.typedNumber(bytes) ?? NumberParser.plainInteger(bytes) ?? NumberParser.read(bytes).value(in: .vi) else { return }
        let shown = stated <= 5 && completion > 20 ? stated * 100 : stated
        guard abs(shown - completion) > 0.5 else { return }
        rateMismatches += 1
        guard rateMismatches <= 5 else { return }
        let header = map.headers[rateColumn]
        log.warning(line: line, column: rateColumn + 1,
                    "\"\(header)\" says \(Self.plain((shown * 10).rounded() / 10)) but TH / KH is \(Self.plain((completion * 10).rounded() / 10)); the figures use TH and KH — check the formula or the numbers",
                    vi: "cột \"\(header)\" ghi \(Self.plainVi((shown * 10).rounded() / 10)) nhưng TH / KH là \(Self.plainVi((completion * 10).rounded() / 10)); số liệu dùng TH và KH — kiểm tra lại công thức hoặc số liệu")
    }

    /// The year of a file without a year column: a sheet named for it, else a year in the title
    /// lines ("… NĂM 2023"), else in the file's name ("ketqua-2023.csv"); with where it was found.
    static func year(sheet: String?, titles: [String], fileName: String) -> (Int, place: (en: String, vi: String))? {
        func year(in text: String) -> Int? {
            var digits = ""
            var found: [Int] = []
            for c in text + " " {
                if c.isASCII, c.isNumber { digits.append(c); continue }
                if digits.count == 4, let value = Int(digits), (1990...2100).contains(value) { found.append(value) }
                digits = ""
            }
            return found.count == 1 ? found[0] : nil
        }
        if let sheet, let value = year(in: sheet) { return (value, ("the sheet name \"\(sheet)\"", "tên trang tính \"\(sheet)\"")) }
        for title in titles { if let value = year(in: title) { return (value, ("the title line \"\(title)\"", "dòng tiêu đề \"\(title)\"")) } }
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        let stem = name.split(separator: "[").first.map(String.init) ?? name
        if let value = year(in: stem) { return (value, ("the file name \"\(stem)\"", "tên tệp \"\(stem)\"")) }
        return nil
    }

    /// The field index of each column, or -1, looked up once per file rather than per row.
    struct Columns {
        var year, unit, indicator, target, actual, measure, level, direction: Int
        /// The year of every row read through these columns (a wide table's year column pair).
        var fixedYear: Int?
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
        let year = columns.fixedYear ?? (columns.year < 0 ? fileYear : readYear(fields[columns.year], line: line, field: columns.year, map: map, log: &log))
        var unit: Int32?
        if fillsUnitDown, isBlank(fields[columns.unit]), let above = unitAbove {
            unit = above
        } else {
            unit = readName(fields[columns.unit], line: line, field: columns.unit, column: .unit, map: map, interner: &assembler.units, log: &log)
            unitAbove = unit
        }
        let indicator = readName(fields[columns.indicator], line: line, field: columns.indicator, column: .indicator, map: map, interner: &assembler.indicators, log: &log)
        // "≥ 95 %", "Không quá 2": the number, and a direction when the words give one.
        var target: Double?, targetDirection: Direction?
        if columns.target >= 0 {
            let (targetField, direction) = WrittenTarget.split(fields[columns.target], in: buffer)
            target = readNumber(targetField, line: line, field: columns.target, column: .target, row: rowIndex, map: map, log: &log)
            targetDirection = direction
        }
        let actual = readNumber(fields[columns.actual], line: line, field: columns.actual, column: .actual, row: rowIndex, map: map, log: &log)
        var measure: Int32 = -1
        if columns.measure >= 0, !fields[columns.measure].isEmpty {
            measure = intern(fields[columns.measure], into: &assembler.measures)
        }
        var level: Int32 = -1
        if columns.level >= 0, !fields[columns.level].isEmpty {
            level = intern(fields[columns.level], into: &assembler.levels)
        }
        var direction = targetDirection ?? .higher
        var directionGiven = targetDirection != nil
        if columns.direction >= 0, !fields[columns.direction].isEmpty {
            let cell = checkedText(fields[columns.direction])
            if let parsed = Direction(cell: cell) {
                direction = parsed
                directionGiven = true
            } else {
                let header = map.displayName(.direction)
                log.error(line: line, column: columns.direction + 1, "\"\(cell)\" in column \"\(header)\" is not a direction; write higher (cao) or lower (thấp, a ceiling)",
                          vi: "\"\(cell)\" ở cột \"\(header)\" không phải là chiều; ghi cao (higher) hoặc thấp (lower, chỉ tiêu trần)")
            }
        }
        if isBlank(fields[columns.actual]) {
            let header = map.headers[columns.actual]
            log.error(line: line, column: columns.actual + 1, "the cell in column \"\(header)\" is empty; every row needs the achieved value (write 0 if nothing was done)",
                      vi: "ô ở cột \"\(header)\" bị trống; dòng nào cũng phải có số thực hiện (ghi 0 nếu không thực hiện được)")
        }
        if let target, target < 0 {
            let value = text(fields[columns.target]), header = map.headers[columns.target]
            log.error(line: line, column: columns.target + 1, "the target \(value) in column \"\(header)\" is negative; targets are 0 or more (leave the cell empty when no target was set)",
                      vi: "kế hoạch \(value) ở cột \"\(header)\" là số âm; kế hoạch phải từ 0 trở lên (để trống ô nếu không giao kế hoạch)")
        }
        if rateColumn >= 0, rateColumn < fields.count, let target, target > 0, let actual, !actual.isNaN, log.errorCount == errorsBefore {
            crossCheckRate(fields[rateColumn], completion: actual / target * 100, line: line, map: map, log: &log)
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
            log.error(line: line, column: index + 1, "the cell in column \"\(map.displayName(.year))\" is empty; every row needs its year",
                      vi: "ô ở cột \"\(map.displayName(.year))\" bị trống; dòng nào cũng phải có năm")
            return nil
        }
        guard let year = Int(cell), (1000...9999).contains(year) else {
            log.error(line: line, column: index + 1, "\"\(cell)\" in column \"\(map.displayName(.year))\" is not a year; write the year as a whole number such as 2023",
                      vi: "\"\(cell)\" ở cột \"\(map.displayName(.year))\" không phải là năm; ghi năm bằng số nguyên, ví dụ 2023")
            return nil
        }
        return year
    }

    private func readName(_ field: CSVField, line: Int, field index: Int, column: InputColumn, map: HeaderMap,
                          interner: inout NameInterner, log: inout DiagnosticLog) -> Int32? {
        if isBlank(field) {
            log.error(line: line, column: index + 1, "the cell in column \"\(map.displayName(column))\" is empty; every row needs its \(column == .unit ? "unit" : "indicator")",
                      vi: "ô ở cột \"\(map.displayName(column))\" bị trống; dòng nào cũng phải có tên \(column == .unit ? "đơn vị" : "chỉ tiêu")")
            return nil
        }
        if field.end - field.start > Self.longestName {
            log.error(line: line, column: index + 1, "the cell in column \"\(map.displayName(column))\" is \(field.end - field.start) bytes long, too long for a name (at most \(Self.longestName)); a delimiter or a closing quote may be missing",
                      vi: "ô ở cột \"\(map.displayName(column))\" dài \(field.end - field.start) byte, quá dài đối với một tên (tối đa \(Self.longestName)); có thể thiếu dấu phân cách hoặc dấu ngoặc kép đóng")
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
        if source.typedCells, let value = SheetText.typedNumber(bytes) { return value }
        if isBlank(field) { return nil }
        let reading = NumberParser.read(bytes)
        let cell = String(decoding: bytes, as: UTF8.self)
        switch reading {
        case let .plain(value):
            return value
        case let .invalid(problem):
            let header = index < map.headers.count ? map.headers[index] : map.displayName(column)
            switch problem {
            case .notFinite:
                log.error(line: line, column: index + 1, "\"\(cell)\" in column \"\(header)\" is not a finite number; write the figure itself",
                          vi: "\"\(cell)\" ở cột \"\(header)\" không phải là số hữu hạn; hãy ghi số liệu cụ thể")
            case .excelError:
                log.error(line: line, column: index + 1, "\"\(cell)\" in column \"\(header)\" is an Excel error value, not a number; fix the formula in the workbook and export again",
                          vi: "\"\(cell)\" ở cột \"\(header)\" là giá trị lỗi của Excel, không phải là số; sửa công thức trong sổ tính rồi xuất lại")
            case .notANumber:
                log.error(line: line, column: index + 1, "\"\(cell)\" in column \"\(header)\" is not a number",
                          vi: "\"\(cell)\" ở cột \"\(header)\" không phải là số")
            }
            return nil
        default:
            if options.numberLocale != .auto {
                if let value = reading.value(in: options.numberLocale) { return value }
                let format = options.numberLocale == .vi ? "Vietnamese format (1.054,5)" : "English format (1,054.5)"
                let formatVi = options.numberLocale == .vi ? "cách viết kiểu Việt Nam (1.054,5)" : "cách viết kiểu Anh (1,054.5)"
                let header = index < map.headers.count ? map.headers[index] : map.displayName(column), choice = options.numberLocale.rawValue
                log.error(line: line, column: index + 1, "\"\(cell)\" in column \"\(header)\" is not a number in the \(format) chosen by --number-locale \(choice)",
                          vi: "\"\(cell)\" ở cột \"\(header)\" không phải là số theo \(formatVi) đã chọn bằng --number-locale \(choice)")
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
            log.error(line: en.line, column: en.field + 1, "numbers are written two ways in this file: \"\(en.text)\" here is English, \"\(vi.text)\" on line \(vi.line) is Vietnamese; make them consistent or choose with --number-locale vi|en",
                      vi: "tệp này viết số theo hai kiểu: \"\(en.text)\" ở đây là kiểu Anh, \"\(vi.text)\" ở dòng \(vi.line) là kiểu Việt Nam; viết thống nhất một kiểu hoặc chọn bằng --number-locale vi|en")
            return
        case (_?, nil): locale = .vi
        case (nil, _?): locale = .en
        case (nil, nil) where source.typedCells && map.headers.contains(where: { $0.unicodeScalars.contains { !$0.isASCII } }):
            // A sheet's numbers are stored typed; the few typed in as text ("1.054") are written
            // the way the sheet's own (Vietnamese) headers are.
            locale = .vi
            let first = pending[0]
            log.warning(line: first.line, column: first.field + 1,
                        "numbers typed as text, such as \"\(first.text)\", are read the Vietnamese way (\".\" groups thousands), as the sheet's headers are Vietnamese; give --number-locale en if they are English",
                        vi: "các số gõ dưới dạng chữ, như \"\(first.text)\", được đọc theo kiểu Việt Nam (\".\" phân cách hàng nghìn) vì tiêu đề của trang tính bằng tiếng Việt; dùng --number-locale en nếu viết theo kiểu Anh")
        case (nil, nil):
            let examples = pending.prefix(3).map { "\"\($0.text)\" (line \($0.line))" }.joined(separator: ", ")
            let examplesVi = pending.prefix(3).map { "\"\($0.text)\" (dòng \($0.line))" }.joined(separator: ", ")
            let first = pending[0]
            if case let .ambiguous(vi, en) = first.reading {
                log.error(line: first.line, column: first.field + 1, "cannot tell how numbers are written: \(examples) could be \(Self.plain(vi)) (Vietnamese, \".\" groups thousands) or \(Self.plain(en)) (English, \".\" or \",\" is the decimal mark); choose with --number-locale vi or --number-locale en",
                          vi: "không xác định được cách viết số: \(examplesVi) có thể là \(Self.plainVi(vi)) (kiểu Việt Nam, \".\" phân cách hàng nghìn) hoặc \(Self.plainVi(en)) (kiểu Anh, \".\" hoặc \",\" là dấu thập phân); chọn bằng --number-locale vi hoặc --number-locale en")
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

    /// `plain` as a Vietnamese reader reads it: a decimal comma, no grouping.
    private static func plainVi(_ value: Double) -> String {
        plain(value).replacingOccurrences(of: ".", with: ",")
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
            let namesVi = columns.map { "\"\($0.vietnameseName)\" (\($0.rawValue))" }.joined(separator: ", ")
            let found = headers.filter { !$0.isEmpty }.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
            log.error(line: line, "the header row lacks the required column\(columns.count == 1 ? "" : "s") \(names); found \(found.isEmpty ? "no names" : found). The first row must name the columns year, unit, indicator, target, actual (or năm, đơn vị, chỉ tiêu, kế hoạch, thực hiện)",
                      vi: "dòng tiêu đề thiếu \(columns.count == 1 ? "cột" : "các cột") bắt buộc \(namesVi); chỉ thấy \(found.isEmpty ? "ô trống, không có tên cột nào" : found). Dòng đầu tiên phải ghi tên các cột năm, đơn vị, chỉ tiêu, kế hoạch, thực hiện (hoặc year, unit, indicator, target, actual)")
        case let .duplicate(column, first, second):
            log.error(line: line, column: second, "columns \(first) and \(second) both name \"\(column.rawValue)\" (\(column.vietnameseName)); keep one of them",
                      vi: "cột \(first) và cột \(second) đều là cột \"\(column.vietnameseName)\" (\(column.rawValue)); chỉ giữ một cột")
        }
    }

    private func reportTokenizerProblems(log: inout DiagnosticLog, map: HeaderMap?) {
        for problem in tokenizer.problems {
            switch problem {
            case let .unterminatedQuote(line, field):
                log.error(line: line, column: field, "a quoted value opens here (\(columnName(field, map))) and never closes; add the closing \" or remove the opening one",
                          vi: "một giá trị mở ngoặc kép ở đây (\(columnName(field, map, vietnamese: true))) nhưng không đóng; thêm dấu \" đóng hoặc bỏ dấu \" mở")
            case let .bareQuote(line, field):
                log.error(line: line, column: field, "a \" inside an unquoted value (\(columnName(field, map))); put the whole value in quotes and double the inner quote (\"\")",
                          vi: "có dấu \" nằm trong một giá trị không đặt trong ngoặc kép (\(columnName(field, map, vietnamese: true))); đặt cả giá trị trong ngoặc kép và viết dấu ngoặc kép bên trong thành hai dấu (\"\")")
            case let .textAfterClosingQuote(line, field):
                log.error(line: line, column: field, "text follows the closing quote (\(columnName(field, map))); a quoted value must end at the delimiter",
                          vi: "có chữ sau dấu ngoặc kép đóng (\(columnName(field, map, vietnamese: true))); giá trị trong ngoặc kép phải kết thúc ngay tại dấu phân cách")
            }
        }
    }

    private func columnName(_ field: Int, _ map: HeaderMap?, vietnamese: Bool = false) -> String {
        let word = vietnamese ? "cột" : "column"
        guard let map, field - 1 < map.headers.count, field >= 1 else { return "\(word) \(field)" }
        return "\(word) \"\(map.headers[field - 1])\""
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
