import Foundation

extension FileReader {
    /// Reads a sheet's table: a header on its first lines that names every role is read as it streams
    /// (the fast path, a canonical export of any size); a small sheet, and anything that path cannot
    /// read, is also understood as a whole (`TableUnderstanding`), its values read in place, and
    /// `ReadingChoice` says which reading stands. False when a workbook sheet holds no table.
    static func readTable(_ buffer: UnsafeBufferPointer<UInt8>, file: Int32, options: ReadOptions, release: ((Int) -> Void)?,
                          source: Source, into assembler: inout TableAssembler,
                          log: inout DiagnosticLog) -> (found: Bool, invalidText: Bool) {
        let before = (assembler, log)
        var reader = FileReader(buffer: buffer, file: file, options: options, release: release, source: source)
        let found = reader.readRows(into: &assembler, log: &log)
        let clean = found && log.errorCount == before.1.errorCount
        // A clean streaming read of a large export stands; a small sheet is also understood whole, since
        // a header that names every role can still stand over columns the streaming path never sees
        // (a unit's name over its "KH | TH"). A file the tokenizer stumbled on (an open quote) keeps
        // those errors: no layout mends its bytes.
        guard !clean || buffer.count <= Self.wholeSheetLimit, reader.tokenizer.problems.isEmpty,
              let grid = SheetGrid(buffer: buffer, delimiter: reader.tokenizer.delimiter),
              var understood = TableUnderstanding(grid: grid, sheetName: source.sheetName, fileName: source.fileName)
        else { return (found, reader.sawInvalidText) }
        // A workbook's sheets share its part of the year: a sheet that says only "Năm 2025" takes the half-year its sibling
        // sheet names (the part its results are of: their columns', else the sheet's).
        let workbook = source.sheetName == nil ? nil : source.fileName.split(separator: "[").first.map(String.init)
        let parts = Set(understood.plan.slots.filter { $0.actual != nil && !$0.planned }
            .map { $0.period ?? understood.filePeriod?.0 ?? .wholeYear })
        var named: ReportingPeriod?
        if workbook != nil, parts.count == 1, let period = parts.first, !period.isWholeYear {
            named = period
        } else if let workbook, let period = assembler.workbookPeriods[workbook] {
            understood.takeWorkbookPeriod(period)
        }
        defer { if let workbook, let named, assembler.workbookPeriods[workbook] == nil { assembler.workbookPeriods[workbook] = named } }
        var second = FileReader(buffer: buffer, file: file, options: options, release: nil, source: source)
        var secondAssembler = before.0, secondLog = before.1
        second.readUnderstood(understood, into: &secondAssembler, log: &secondLog)
        let choice = ReadingChoice(streaming: reader, found: found, log: log, assembler: assembler, from: before.0.rowCount,
                                   whole: understood, wholeLog: secondLog, wholeAssembler: secondAssembler)
        guard choice.wholeSheetStands else { return (found, reader.sawInvalidText) }
        assembler = secondAssembler
        log = secondLog
        return (true, second.sawInvalidText || reader.sawInvalidText)
    }

    /// The streaming path's header against the whole sheet's: another header row, or another column for
    /// a unit, an indicator, a target or a result (a group heading over "Cùng kỳ | Kỳ này" taken for the result).
    func disagrees(with table: TableUnderstanding) -> Bool {
        guard let map = headerMap, let line = headerLine else { return true }
        if line != table.headerLine { return true }
        if map.column(.unit) != table.plan.first(.unit) || map.column(.indicator) != table.plan.first(.indicator) { return true }
        // A column of periods with no header of its own ("6 tháng đầu năm 2024" down a blank-headed column).
        if map.column(.period) != table.plan.first(.period) || map.column(.year) != table.plan.first(.year) { return true }
        let actuals = Set(table.plan.slots.compactMap { $0.planned ? nil : $0.actual })
        // Targets beside the first are read only by the whole sheet's reading.
        if table.plan.slots.contains(where: { !$0.otherTargets.isEmpty }) { return true }
        let targets = Set(table.plan.slots.compactMap(\.target))
        if let wide {
            let wideTargets = Set(wide.years.compactMap(\.target) + wide.plannedYears.compactMap(\.target))
            return Set(wide.years.map(\.actual)) != actuals || wideTargets != targets
        }
        return actuals != Set(map.column(.actual).map { [$0] } ?? []) || targets != Set(map.column(.target).map { [$0] } ?? [])
    }

    /// Sheets up to this size are also understood whole after a clean streaming read (a few ms each).
    static let wholeSheetLimit = 4 << 20

    /// Reads the values an understood table points at, row by row and slot by slot, with the same
    /// value reading as the streaming path (signs, unit words, pairs, the number locale, positions).
    mutating func readUnderstood(_ table: TableUnderstanding, into assembler: inout TableAssembler, log: inout DiagnosticLog) {
        let plan = table.plan
        if assembler.organisation == nil, let agency = table.issuingAgency { assembler.organisation = agency }
        if assembler.issued == nil {
            let titleBlock = table.grid.rows[..<table.band.first]
            assembler.issued = titleBlock.lazy.compactMap { DateLine.iso(in: $0.distinct.joined(separator: " ")) }.first
        }
        assembler.agencyNames.formUnion(table.agencyLines)
        if table.school { assembler.yearSpan = .school }
        Self.announce(table, log: &log)
        let labels = table.band.labels.map { $0.last ?? "" }
        let map = Self.headerMap(table, labels: labels)
        assembler.setFields(map.index, file: file)
        // The targets' names as the header writes them: the first is the headline, the others kept beside it.
        if let first = plan.slots.first(where: { $0.target != nil && !$0.planned })?.target {
            assembler.setTargetName(table.targetName(first), file: file)
        }
        var otherTargetIDs: [Int: Int] = [:]
        for field in Set(plan.slots.flatMap(\.otherTargets)) {
            otherTargetIDs[field] = assembler.otherTarget(named: table.targetName(field))
        }
        fillsUnitDown = true
        let fileUnitID = table.fileUnit.map { Array($0.0.utf8).withUnsafeBufferPointer { assembler.units.id(for: $0) } }
        noteLocaleEvidence(table)
        let absent = table.absentUnits()
        // The form's own year: its latest column's, or (a "Kết quả" column with no year) the title's.
        let formYear = (plan.slots.filter { !$0.planned && $0.actual != nil }.compactMap(\.year)
            + [table.fileYear?.0].compactMap { $0 }).max()
        for (whole, items) in table.itemSums where assembler.itemSums[whole] == nil { assembler.itemSums[whole] = items }
        // "(*) Sáp nhập Công an huyện Kiên Hải" under the table: what a marked unit's name stands for.
        for (offset, kind) in table.kinds.enumerated() where kind == .note {
            let row = table.grid.rows[table.band.last + 1 + offset]
            if let (marker, body) = UnitLineage.noteMarker(row.distinct.joined(separator: " ")) {
                assembler.unitNotes.append(UnitNote(marker: marker, text: body, file: file, line: Int32(row.line)))
            }
        }
        var readAny = false
        for (position, row) in table.data.enumerated() {
            let gridRow = table.grid.rows[row.row]
            var fields = gridRow.fields
            if fields.count < table.grid.width {
                let end = fields.last?.end ?? 0
                let blank = CSVField(start: end, end: end, isQuoted: false, hasEscapedQuotes: false)
                fields += Array(repeating: blank, count: table.grid.width - fields.count)
            }
            if section != row.section { section = row.section; sectionLevel = -1 }
            if let column = row.blankKey {
                let header = labels[column]
                log.error(line: gridRow.line, column: column + 1,
                          "the cell in column \"\(header)\" is empty; fill it in (the cells above and below it are)",
                          vi: "ô ở cột \"\(header)\" bị trống; hãy điền vào (các ô trên và dưới đều có)", group: "empty \(column)")
                continue
            }
            for (slotIndex, slot) in plan.slots.enumerated() {
                if !absent.isEmpty, let unit = table.unitName(of: row), absent[slotIndex]?.contains(unit) == true { continue }
                guard let year = row.year ?? slot.year ?? table.fileYear?.0 else {
                    log.error(line: gridRow.line, "this row's year is nowhere: not in its cells, the headings over its columns, "
                              + "the sheet's name, the title or the file name; add a year column or put the year in the title",
                              vi: "không tìm thấy năm của dòng này: không có trong ô, tiêu đề cột, tên trang tính, dòng tiêu đề "
                              + "hay tên tệp; thêm cột năm hoặc ghi năm ở dòng tiêu đề")
                    return
                }
                var columns = Self.columns(of: slot, year: year, plan: plan, labels: labels, map: map)
                columns.otherTargets = slot.otherTargets.map { field in
                    (field, otherTargetIDs[field]!, Self.isPeriodsOwn(field, plan, labels))
                }
                filePeriod = assembler.periodID(slot.period ?? row.period)
                // The unit: the row's own cell, a heading over the column, the heading above, the title, the file name.
                if row.unitInRow, let unitColumn = plan.first(.unit) {
                    columns.unit = unitColumn
                } else {
                    columns.unit = -1
                    let name = slot.unit ?? row.unit ?? (fileUnitID == nil ? "Toàn tỉnh" : nil)
                    fileUnit = name.map { n in Array(n.utf8).withUnsafeBufferPointer { assembler.units.id(for: $0) } } ?? fileUnitID
                }
                if let parent = slot.parent, let name = slot.indicator {
                    assembler.setParent(parent, of: name)
                } else if let parent = row.parent, slot.indicator == nil {
                    assembler.setParent(parent, of: row.indicator ?? row.itemName ?? plan.first(.indicator).map(gridRow.cell) ?? "")
                }
                if let name = slot.indicator ?? row.indicator ?? row.itemName {
                    columns.fixedIndicator = Array(name.utf8).withUnsafeBufferPointer { assembler.indicators.id(for: $0) }
                } else if columns.indicator < 0 {
                    continue
                }
                // A row whose first target is blank is judged against the first it states ("Phấn đấu" left empty for a rate).
                if columns.target >= 0, isBlank(fields[columns.target]),
                   let first = columns.otherTargets.firstIndex(where: { !isBlank(fields[$0.field]) }) {
                    let stated = columns.otherTargets.remove(at: first)
                    (columns.target, columns.ownTarget, columns.targetName) = (stated.field, stated.own, table.targetName(stated.field))
                }
                let actualBlank = columns.actual < 0 || isBlank(fields[columns.actual])
                let targetBlank = columns.target < 0 || isBlank(fields[columns.target])
                if actualBlank && (targetBlank || plan.slots.count > 1 && !slot.planned) { continue }
                switch pairInOneCountRow(fields, columns: columns, line: gridRow.line, next: position, table: table, log: &log) {
                case .none: break
                case .slip: continue
                case let .own(field): fields[columns.actual] = field
                }
                (rateColumn, comparedPrevious) = (slot.comparison ?? -1, slot.previous ?? -1)
                let first = assembler.rowCount
                readRows(fields, line: gridRow.line, columns: columns, map: map, assembler: &assembler, log: &log)
                // A year before the form's own ("Thực hiện năm 2024" on a 2025 form) is the office's previous figure:
                // that year's own file, where one is given, states it.
                if let formYear, !slot.planned, slot.year.map({ $0 < formYear }) == true { assembler.markFromEarlierColumn(from: first) }
                readAny = true
                // The form's own "Cùng kỳ 2024" beside "Kỳ này": the same figure a year before, where no other file gives it.
                // "-" or "x" there is no figure (a unit set up this year), never a 0 to compare with.
                if let previous = slot.previous, !slot.planned, previous < fields.count, !isBlank(fields[previous]),
                   ValueWords.sign(UnsafeBufferPointer(rebasing: buffer[fields[previous].start..<fields[previous].end])) == nil {
                    var before = columns
                    (before.actual, before.target, before.otherTargets, before.estimated) = (previous, -1, [], false)
                    before.fixedYear = plan.columns[previous].year ?? year - 1
                    rateColumn = -1
                    let start = assembler.rowCount
                    readRows(fields, line: gridRow.line, columns: before, map: map, assembler: &assembler, log: &log)
                    assembler.markFromPreviousColumn(from: start)
                }
            }
        }
        if !readAny, log.errorCount == 0 {
            log.error(line: table.headerLine,
                      "the table under this header has no row with an indicator and a value; check that the sheet holds the figures",
                      vi: "bảng dưới dòng tiêu đề này không có dòng nào có chỉ tiêu và số liệu; kiểm tra trang tính có số liệu không")
        }
        reportTokenizerProblems(log: &log, map: map)
        resolvePending(into: &assembler, map: map, log: &log)
    }

    /// How the office writes its numbers, told by every figure of the table — a rate left out ("-" for
    /// "Tỷ lệ …"), the office's cùng kỳ, a comparison — not only by the values read: "91,31%" beside an
    /// ambiguous "7.517" says the sheet is Vietnamese.
    private mutating func noteLocaleEvidence(_ table: TableUnderstanding) {
        let columns = Set(table.plan.slots.flatMap { [$0.target, $0.actual, $0.previous, $0.comparison].compactMap { $0 } }).sorted()
        for row in table.data where vietnameseEvidence == nil || englishEvidence == nil {
            let gridRow = table.grid.rows[row.row]
            for column in columns where column < gridRow.fields.count {
                let field = gridRow.fields[column]
                let reading = NumberParser.read(UnsafeBufferPointer(rebasing: buffer[field.start..<field.end]))
                let entry = PendingNumber(row: -1, column: .actual, field: column, line: gridRow.line, reading: reading,
                                          text: gridRow.cell(column))
                if case .vietnamese = reading, vietnameseEvidence == nil { vietnameseEvidence = entry }
                if case .english = reading, englishEvidence == nil { englishEvidence = entry }
            }
        }
    }

    /// What was decided, as notes at the header; two sources naming different years, as a warning.
    private static func announce(_ table: TableUnderstanding, log: inout DiagnosticLog) {
        let english = table.decisions(english: true), vietnamese = table.decisions(english: false)
        for (en, vi) in zip(english, vietnamese) { log.note(line: table.headerLine, en, vi: vi) }
        guard let (taken, other) = table.yearConflict, table.data.contains(where: { $0.year == nil }),
              table.plan.slots.contains(where: { $0.year == nil }) else { return }
        log.warning(line: table.headerLine, "the rows are taken as \(taken.0), from \(taken.place.en), though \(other.place.en) "
                    + "says \(other.0); correct the one that is out of date",
                    vi: "các dòng được tính là năm \(taken.0), lấy từ \(taken.place.vi), nhưng \(other.place.vi) ghi \(other.0); "
                    + "sửa chỗ đã cũ")
    }

    /// The columns as messages name them: each role's column, the first slot's target and result.
    private static func headerMap(_ table: TableUnderstanding, labels: [String]) -> HeaderMap {
        var index: [InputColumn: Int] = [:]
        for (role, column) in [(ColumnRole.unit, InputColumn.unit), (.indicator, .indicator), (.measure, .measure),
                               (.level, .level), (.direction, .direction), (.period, .period), (.year, .year)] {
            if let field = table.plan.first(role) { index[column] = field }
        }
        index[.target] = table.plan.slots.first { $0.target != nil }?.target
        index[.actual] = table.plan.slots.first { $0.actual != nil }?.actual
        return HeaderMap(headers: labels, index: index)
    }

    /// The fields one slot of a row is read through: its target and result, the year it was given.
    private static func columns(of slot: ColumnPlan.Slot, year: Int, plan: ColumnPlan, labels: [String], map: HeaderMap) -> Columns {
        var columns = Columns(map)
        columns.year = -1
        columns.period = -1
        columns.level = plan.first(.level) ?? -1
        columns.target = slot.target ?? -1
        columns.actual = slot.planned ? -1 : slot.actual ?? -1
        columns.estimated = slot.estimated
        columns.ownTarget = slot.target.map { isPeriodsOwn($0, plan, labels) } ?? false
        columns.fixedYear = year
        return columns
    }

    /// A target under "KH 6 tháng", or under a heading that names a part of the year, is that part's own; "KH năm"
    /// beside "KH 6 tháng | TH 6 tháng" stays the year's.
    static func isPeriodsOwn(_ field: Int, _ plan: ColumnPlan, _ labels: [String]) -> Bool {
        InputColumn.isPeriodTarget(labels[field]) || plan.columns[field].period.map { !$0.isWholeYear } == true
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
            let other = (actual.start + halves[1].number.lowerBound)..<(actual.start + halves[1].number.upperBound)
            let second = String(decoding: buffer[other], as: UTF8.self)
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
                  + "the \(halves[1].word) figure was typed into the row above; "
                  + "write \(halves[0].word) here and \(halves[1].word) in the row below",
                  vi: "ô \"\(cell)\" ghi hai số trong một dòng chỉ đếm một loại (\(halves[0].word)), còn dòng dưới để trống ở \(place): "
                  + "số \(halves[1].word) đã bị gõ lên dòng trên; ghi số \(halves[0].word) ở ô này và số \(halves[1].word) ở dòng dưới")
        log.error(line: below.line, column: columns.actual + 1,
                  "this result is blank while the row above holds two counts (\"\(cell)\"); write this row's figure here",
                  vi: "ô kết quả này để trống trong khi dòng trên ghi hai số (\"\(cell)\"); ghi số của dòng này vào đây")
        return .slip
    }
}
