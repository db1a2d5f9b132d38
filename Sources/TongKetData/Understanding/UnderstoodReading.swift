import Foundation

extension FileReader {
    /// Reads a sheet's table: a header on its first lines that names every role is read as it streams
    /// (the fast path, a canonical export of any size); anything else, or anything that path cannot
    /// read, is understood as a whole first (`TableUnderstanding`) and its values then read in place.
    /// False when a workbook sheet holds no table.
    static func readTable(_ buffer: UnsafeBufferPointer<UInt8>, file: Int32, options: ReadOptions, release: ((Int) -> Void)?,
                          source: Source, into assembler: inout TableAssembler, log: inout DiagnosticLog) -> (found: Bool, invalidText: Bool) {
        let before = (assembler, log)
        var reader = FileReader(buffer: buffer, file: file, options: options, release: release, source: source)
        let found = reader.readRows(into: &assembler, log: &log)
        let clean = found && log.errorCount == before.1.errorCount
        // A clean streaming read of a large export stands; a small sheet is also understood whole, since
        // a header that names every role can still stand over columns the streaming path never sees
        // (a unit's name over its "KH | TH").
        if clean, buffer.count > Self.wholeSheetLimit { return (found, reader.sawInvalidText) }
        // A file the tokenizer stumbled on (an open quote) keeps those errors: no layout mends its bytes.
        guard reader.tokenizer.problems.isEmpty,
              let grid = SheetGrid(buffer: buffer, delimiter: reader.tokenizer.delimiter),
              let understood = TableUnderstanding(grid: grid, sheetName: source.sheetName, fileName: source.fileName)
        else { return (found, reader.sawInvalidText) }
        if clean {
            var second = FileReader(buffer: buffer, file: file, options: options, release: nil, source: source)
            var secondAssembler = before.0, secondLog = before.1
            second.readUnderstood(understood, into: &secondAssembler, log: &secondLog)
            // Taken only when it reads cleanly and finds figures (results, targets) the streaming path left out, or tells
            // apart rows the streaming path read as one (a period column it did not know).
            let repeated = assembler.hasRepeatedKeys(from: before.0.rowCount)
            let more = secondAssembler.figureCount(from: before.0.rowCount) > assembler.figureCount(from: before.0.rowCount)
            guard secondLog.errorCount == before.1.errorCount, more || repeated || reader.disagrees(with: understood) else {
                return (found, reader.sawInvalidText)
            }
            assembler = secondAssembler
            log = secondLog
            return (true, second.sawInvalidText || reader.sawInvalidText)
        }
        // The whole-sheet reading replaces the streaming path's errors when it reads cleanly (it found
        // the header, filled a key merged down, set a heading aside); and, errors and all, when every row
        // the streaming path stumbled on is, understood as a whole, no data (a section heading, a note).
        // Otherwise the streaming path's errors stand: a value that is not a number is the user's to fix.
        let kinds = Dictionary(understood.kinds.indices.map { (grid.rows[understood.band.last + 1 + $0].line, understood.kinds[$0]) },
                               uniquingKeysWith: { first, _ in first })
        let headerEnd = grid.rows[understood.band.last].line
        // A key merged down (written once over its block) is blank below on the streaming path: an
        // error there is explained when the whole-sheet reading filled that very cell.
        let filled = Set(understood.data.filter { $0.blankKey == nil }.compactMap { row -> Int? in
            let keys = [understood.plan.first(.unit), understood.plan.first(.period) ?? understood.plan.first(.year)].compactMap { $0 }
            return keys.contains { grid.rows[row.row].cell($0).isEmpty } ? grid.rows[row.row].line : nil
        })
        var second = FileReader(buffer: buffer, file: file, options: options, release: nil, source: source)
        var secondAssembler = before.0, secondLog = before.1
        second.readUnderstood(understood, into: &secondAssembler, log: &secondLog)
        // Where both readings stop at one row, they agree on it.
        let agreed = Set(secondLog.kept.filter { $0.severity == .error }.compactMap(\.line))
        // A header the streaming path took on another row than the table's is no header of it.
        var structural = !found || reader.headerLine.map { $0 != grid.rows[understood.band.rows.last!].line } == true
        var misread = false, aboutData = false, ragged = false
        for error in log.kept where error.severity == .error {
            if error.message.contains("fields but the header has") { ragged = true }
            guard let line = error.line, line > headerEnd else { structural = true; continue }
            let inPeriods = error.column.map { understood.plan.columns.indices.contains($0 - 1) && understood.plan.columns[$0 - 1].role == .period }
            if let kind = kinds[line], kind != .data { misread = true } else if !filled.contains(line), inPeriods != true, !agreed.contains(line) {
                aboutData = true
            }
        }
        // A row longer than the header is the CSV's own damage (an unquoted delimiter): it stands.
        if ragged, !structural { return (found, reader.sawInvalidText) }
        guard secondLog.errorCount == before.1.errorCount || (misread && !structural && !aboutData) else {
            return (found, reader.sawInvalidText)
        }
        assembler = secondAssembler
        log = secondLog
        return (true, second.sawInvalidText || reader.sawInvalidText)
    }

    /// The streaming path's header against the whole sheet's: another header row, or another column for
    /// a unit, an indicator, a target or a result (a group heading over "Cùng kỳ | Kỳ này" taken for the result).
    func disagrees(with table: TableUnderstanding) -> Bool {
        guard let map = headerMap, let line = headerLine else { return true }
        if line != table.grid.rows[table.band.rows[table.band.rows.count - 1]].line { return true }
        if map.column(.unit) != table.plan.first(.unit) || map.column(.indicator) != table.plan.first(.indicator) { return true }
        let actuals = Set(table.plan.slots.compactMap { $0.planned ? nil : $0.actual })
        let targets = Set(table.plan.slots.compactMap(\.target))
        if let wide {
            return Set(wide.years.map(\.actual)) != actuals || Set(wide.years.compactMap(\.target) + wide.plannedYears.compactMap(\.target)) != targets
        }
        return actuals != Set(map.column(.actual).map { [$0] } ?? []) || targets != Set(map.column(.target).map { [$0] } ?? [])
    }

    /// Sheets up to this size are also understood whole after a clean streaming read (a few ms each).
    static let wholeSheetLimit = 4 << 20

    /// Reads the values an understood table points at, row by row and slot by slot, with the same
    /// value reading as the streaming path (signs, unit words, pairs, the number locale, positions).
    mutating func readUnderstood(_ table: TableUnderstanding, into assembler: inout TableAssembler, log: inout DiagnosticLog) {
        let plan = table.plan
        if assembler.organisation == nil, let agency = table.titles.first(where: NameClues.isAgency) { assembler.organisation = agency }
        if table.school { assembler.yearSpan = .school }
        let headerLine = table.grid.rows[table.band.rows[table.band.rows.count - 1]].line
        for line in table.decisions(english: true).indices {
            log.note(line: headerLine, table.decisions(english: true)[line], vi: table.decisions(english: false)[line])
        }
        if let conflict = table.yearConflict, table.data.contains(where: { $0.year == nil }), plan.slots.contains(where: { $0.year == nil }) {
            let (taken, other) = conflict
            log.warning(line: headerLine, "the rows are taken as \(taken.0), from \(taken.place.en), though \(other.place.en) says \(other.0); correct the one that is out of date",
                        vi: "các dòng được tính là năm \(taken.0), lấy từ \(taken.place.vi), nhưng \(other.place.vi) ghi \(other.0); sửa chỗ đã cũ")
        }
        let labels = table.band.labels.map { $0.last ?? "" }
        var index: [InputColumn: Int] = [:]
        for (role, column) in [(ColumnRole.unit, InputColumn.unit), (.indicator, .indicator), (.measure, .measure),
                               (.level, .level), (.direction, .direction), (.period, .period), (.year, .year)] {
            if let field = plan.first(role) { index[column] = field }
        }
        index[.target] = plan.slots.first { $0.target != nil }?.target
        index[.actual] = plan.slots.first { $0.actual != nil }?.actual
        let map = HeaderMap(headers: labels, index: index)
        assembler.setFields(index, file: file)
        fillsUnitDown = true
        var fileUnitID: Int32?
        if let name = table.fileUnit?.0 { fileUnitID = Array(name.utf8).withUnsafeBufferPointer { assembler.units.id(for: $0) } }
        let rowsOfGrid = table.grid.rows
        var readAny = false
        for (position, row) in table.data.enumerated() {
            let gridRow = rowsOfGrid[row.row]
            var fields = gridRow.fields
            if fields.count < table.grid.width {
                let end = fields.last?.end ?? 0
                fields += Array(repeating: CSVField(start: end, end: end, isQuoted: false, hasEscapedQuotes: false), count: table.grid.width - fields.count)
            }
            if section != row.section { section = row.section; sectionLevel = -1 }
            if let column = row.blankKey {
                let header = labels[column]
                log.error(line: gridRow.line, column: column + 1, "the cell in column \"\(header)\" is empty; fill it in (the cells above and below it are)",
                          vi: "ô ở cột \"\(header)\" bị trống; hãy điền vào (các ô trên và dưới đều có)", group: "empty \(column)")
                continue
            }
            for slot in plan.slots {
                var columns = Columns(map)
                columns.year = -1
                columns.period = -1
                columns.level = plan.first(.level) ?? -1
                columns.target = slot.target ?? -1
                columns.actual = slot.planned ? -1 : slot.actual ?? -1
                columns.estimated = slot.estimated
                columns.ownTarget = slot.target.map { InputColumn.isPeriodTarget(labels[$0]) || (slot.period.map { !$0.isWholeYear } ?? false) } ?? false
                guard let year = row.year ?? slot.year ?? table.fileYear?.0 else {
                    log.error(line: gridRow.line, "this row's year is nowhere: not in its cells, the headings over its columns, the sheet's name, the title or the file name; add a year column or put the year in the title",
                              vi: "không tìm thấy năm của dòng này: không có trong ô, tiêu đề cột, tên trang tính, dòng tiêu đề hay tên tệp; thêm cột năm hoặc ghi năm ở dòng tiêu đề")
                    return
                }
                columns.fixedYear = year
                filePeriod = assembler.periodID(slot.period ?? row.period)
                // The unit: the row's own cell, a heading over the column, the heading above, the title, the file name.
                if row.unitInRow, let unitColumn = plan.first(.unit) {
                    columns.unit = unitColumn
                } else {
                    columns.unit = -1
                    let name = slot.unit ?? row.unit
                    fileUnit = name.map { n in Array(n.utf8).withUnsafeBufferPointer { assembler.units.id(for: $0) } } ?? fileUnitID
                        ?? Array("Toàn tỉnh".utf8).withUnsafeBufferPointer { assembler.units.id(for: $0) }
                }
                if let name = slot.indicator {
                    columns.fixedIndicator = Array(name.utf8).withUnsafeBufferPointer { assembler.indicators.id(for: $0) }
                } else if columns.indicator < 0 {
                    continue
                }
                let actualBlank = columns.actual < 0 || isBlank(fields[columns.actual])
                let targetBlank = columns.target < 0 || isBlank(fields[columns.target])
                if actualBlank && (targetBlank || plan.slots.count > 1 && !slot.planned) { continue }
                switch pairInOneCountRow(fields, columns: columns, line: gridRow.line, next: position, table: table, log: &log) {
                case .none: break
                case .slip: continue
                case let .own(field): fields[columns.actual] = field
                }
                rateColumn = slot.comparison ?? -1
                readRows(fields, line: gridRow.line, columns: columns, map: map, assembler: &assembler, log: &log)
                readAny = true
            }
        }
        if !readAny, log.errorCount == 0 {
            log.error(line: headerLine, "the table under this header has no row with an indicator and a value; check that the sheet holds the figures",
                      vi: "bảng dưới dòng tiêu đề này không có dòng nào có chỉ tiêu và số liệu; kiểm tra trang tính có số liệu không")
        }
        reportTokenizerProblems(log: &log, map: map)
        resolvePending(into: &assembler, map: map, log: &log)
    }

    enum PairInOneCountRow { case none, slip, own(CSVField) }

    /// "74 vụ/157 bị can" in a row that counts one thing. Above a row left blank, the second count was
    /// typed into the row above: said at both cells, since neither figure can be placed with certainty.
    /// Above a row that holds the second count itself, the cell only repeats it: the row's own count is read.
    private func pairInOneCountRow(_ fields: [CSVField], columns: Columns, line: Int, next position: Int, table: TableUnderstanding,
                                   log: inout DiagnosticLog) -> PairInOneCountRow {
        guard columns.actual >= 0 else { return .none }
        let actual = fields[columns.actual]
        guard actual.end - actual.start >= 5,
              let halves = ValueWords.pair(UnsafeBufferPointer(rebasing: buffer[actual.start..<actual.end])) else { return .none }
        let measure = columns.measure >= 0 ? text(fields[columns.measure]) : ""
        guard !measure.contains("/") else { return .none }
        let gridIndex = table.data[position].row
        let offset = gridIndex + 1 - (table.band.last + 1)
        guard gridIndex + 1 < table.grid.rows.count, offset < table.kinds.count else { return .none }
        let below = table.grid.rows[gridIndex + 1]
        if table.kinds[offset] == .data {
            let second = String(decoding: buffer[(actual.start + halves[1].number.lowerBound)..<(actual.start + halves[1].number.upperBound)],
                                as: UTF8.self)
            guard below.cell(columns.actual) == second else { return .none }
            let range = halves[0].number
            return .own(CSVField(start: actual.start + range.lowerBound, end: actual.start + range.upperBound, isQuoted: false,
                                 hasEscapedQuotes: false))
        }
        guard table.kinds[offset] == .noValue else { return .none }
        let cell = text(actual)
        let letter = Diagnostic.columnLetters(columns.actual + 1)
        let place = source.typedCells ? "\(letter)\(below.line)" : "line \(below.line)"
        log.error(line: line, column: columns.actual + 1,
                  "\"\(cell)\" holds two counts in a row that counts one (\(halves[0].word)), and the row below is blank at \(place): "
                  + "the \(halves[1].word) figure was typed into the row above; write \(halves[0].word) here and \(halves[1].word) in the row below",
                  vi: "ô \"\(cell)\" ghi hai số trong một dòng chỉ đếm một loại (\(halves[0].word)), còn dòng dưới để trống ở \(place): "
                  + "số \(halves[1].word) đã bị gõ lên dòng trên; ghi số \(halves[0].word) ở ô này và số \(halves[1].word) ở dòng dưới")
        log.error(line: below.line, column: columns.actual + 1,
                  "this result is blank while the row above holds two counts (\"\(cell)\"); write this row's figure here",
                  vi: "ô kết quả này để trống trong khi dòng trên ghi hai số (\"\(cell)\"); ghi số của dòng này vào đây")
        return .slip
    }
}
