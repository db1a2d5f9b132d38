/// Collects rows from one or more files and turns them into an `IndicatorTable`: sorted by
/// (unit, indicator, year) and checked for duplicates, including ones that only appear once
/// names are normalised or that span two files.
struct TableAssembler {
    var units = NameInterner()
    var indicators = NameInterner()
    var measures = NameInterner()
    var levels = NameInterner()
    private(set) var files: [String] = []
    private(set) var fields: [[InputColumn: Int]] = []
    private var rows: [IndicatorRow] = []

    private(set) var sheetFiles: Set<Int32> = []
    /// Levels that are a printed form's section headings, not a level column.
    var sectionLevels: Set<Int32> = []
    /// The periods rows point at; the whole year is 0.
    private(set) var periods: [ReportingPeriod] = [.wholeYear]

    /// How the years run, as the files state them (school years, a year from 1 December).
    var yearSpan: YearSpan = .calendar
    /// The agency the files' title block names, the first one found.
    var organisation: String?
    /// The first date line of the files' title blocks, as "YYYY-MM-DD".
    var issued: String?
    /// Every agency line of the files' title blocks: a unit so named is the agency's own rows.
    var agencyNames: Set<String> = []
    /// The part of the year a workbook's sheet names, by file: its other sheets' when they are signed before the year ends.
    var workbookPeriods: [String: ReportingPeriod] = [:]

    /// A rebuilt table's periods, kept at their ids.
    mutating func keepPeriods(_ periods: [ReportingPeriod]) { self.periods = periods }

    /// A period's id; periods of one part are one ("6 tháng đầu năm" of 2023 and of 2024), whatever their dates.
    /// A whole year's dates say when the reporting year starts ("01/12/2023 – 30/11/2024").
    mutating func periodID(_ period: ReportingPeriod) -> UInt8 {
        if period.part == .wholeYear, let dates = period.dates {
            let numbers = dates.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            if numbers.count >= 2, (numbers[0], numbers[1]) != (1, 1) { yearSpan = .from(day: numbers[0], month: numbers[1]) }
        }
        var period = period
        if period.part != .range { period.dates = nil }
        if let known = periods.firstIndex(of: period) { return UInt8(known) }
        guard periods.count < 255 else { return UInt8(periods.count - 1) }
        periods.append(period)
        return UInt8(periods.count - 1)
    }

    mutating func addFile(_ name: String, fields: [InputColumn: Int] = [:], inSheet: Bool = false) -> Int32 {
        files.append(name)
        self.fields.append(fields)
        if inSheet { sheetFiles.insert(Int32(files.count - 1)) }
        return Int32(files.count - 1)
    }

    mutating func setFields(_ fields: [InputColumn: Int], file: Int32) { self.fields[Int(file)] = fields }

    /// Forgets the last file added, which gave no rows (a workbook sheet without a table).
    mutating func dropLastFile() {
        sheetFiles.remove(Int32(files.count - 1))
        files.removeLast()
        fields.removeLast()
    }

    mutating func append(_ row: IndicatorRow) { rows.append(row) }

    /// The rows from `start` on are a form's "Cùng kỳ" column (`IndicatorRow.fromPreviousColumn`).
    mutating func markFromPreviousColumn(from start: Int) {
        for i in start..<rows.count { rows[i].fromPreviousColumn = true }
    }

    /// The rows from `start` on are of a year before the form's own (`IndicatorRow.fromEarlierColumn`).
    mutating func markFromEarlierColumn(from start: Int) {
        for i in start..<rows.count { rows[i].fromEarlierColumn = true }
    }

    /// A form's cùng kỳ gives way to a row that states the same year itself, and to another form's cùng kỳ read first;
    /// it stays the previous figure of the year after it (`officePrevious`: it carries the office's adjustments,
    /// a merger, a late correction), which `Interpretation` compares with that year's own.
    /// When rows leave, the index each remaining one was appended at.
    private mutating func dropRestatedPreviousYears() -> [Int32]? {
        guard rows.contains(where: \.givesWayToItsYear) else { return nil }
        var stated = Set<RowKey>()
        // The (indicator, year, period)s another file states for its units: there a form's cùng kỳ is only the previous
        // figure of its unit's next year, never a figure of that year (a merged unit's would count its parts twice).
        var covered = Set<RowKey>()
        for row in rows where !row.givesWayToItsYear {
            stated.insert(RowKey(row))
            var key = RowKey(row)
            key.unit = -1
            covered.insert(key)
        }
        var kept: [Int32] = [], remaining: [IndicatorRow] = []
        var taken = Set<RowKey>()
        for (i, row) in rows.enumerated() {
            if row.givesWayToItsYear {
                let key = RowKey(row)
                var next = key, anyUnit = key
                next.year += 1
                anyUnit.unit = -1
                if stated.contains(key) || covered.contains(anyUnit) {
                    if keyedOfficePrevious[next] == nil { keyedOfficePrevious[next] = row }
                    continue
                }
                // (two forms' cùng kỳ of one figure: the first read stands; two earlier columns are a duplicate to say)
                if row.fromPreviousColumn, !taken.insert(key).inserted { continue }
            }
            kept.append(Int32(i))
            remaining.append(row)
        }
        guard remaining.count < rows.count else { return nil }
        rows = remaining
        return kept
    }

    /// The form's cùng kỳ where a file states that year, by the row of the year after it; a rebuilt table's kept.
    var keyedOfficePrevious: [RowKey: IndicatorRow] = [:]
    /// The notes under the tables that explain a marked unit's name.
    var unitNotes: [UnitNote] = []

    /// Per file, the headline target's name as its header wrote it.
    private(set) var targetNames: [Int32: String] = [:]
    /// The other targets' names, and each value by the index its row was appended at.
    private(set) var otherTargetNames: [String] = []
    private var otherTargetValues: [(row: Int, target: Int, value: OtherTarget.Value)] = []
    private var otherRelativeTargets: [(row: Int, target: Int, relative: RelativeTarget)] = []
    /// Rows of a rebuilt table whose other targets are already keyed (`IndicatorTable.otherTargets`).
    var keyedOtherTargets: [OtherTarget] = []

    mutating func setTargetName(_ name: String, file: Int32) { targetNames[file] = name }

    /// The item each indicator is a part of, by name (the first file to say it decides).
    var itemParents: [String: String] = [:]
    /// The items a whole's name says add up to it, by name.
    var itemSums: [String: [String]] = [:]

    mutating func setParent(_ parent: String, of item: String) {
        if itemParents[item] == nil, parent != item { itemParents[item] = parent }
    }

    /// Targets against the year before, by the index their row was appended at; a rebuilt table's already keyed.
    private var relativeTargetRows: [(row: Int, target: RelativeTarget)] = []
    var keyedRelativeTargets: [RowKey: RelativeTarget] = [:]

    mutating func addRelativeTarget(_ target: RelativeTarget, row: Int) { relativeTargetRows.append((row, target)) }

    /// The headline's name of rows whose first target column was blank, by append index; a rebuilt table's keyed.
    private var rowTargetNameRows: [(row: Int, name: String)] = []
    var keyedRowTargetNames: [RowKey: String] = [:]

    mutating func setTargetName(_ name: String, row: Int) { rowTargetNameRows.append((row, name)) }

    /// The id of an other target by its name; headers that differ only in case or accents are one.
    mutating func otherTarget(named name: String) -> Int {
        if let known = otherTargetNames.firstIndex(where: { OtherTarget.sameName($0, name) }) { return known }
        otherTargetNames.append(name)
        return otherTargetNames.count - 1
    }

    /// A value of an other target for the row that will be appended at `row` (NaN until its locale is known);
    /// its place, for `setNumber`.
    @discardableResult
    mutating func addOtherTarget(_ value: OtherTarget.Value, target: Int, row: Int) -> Int {
        otherTargetValues.append((row, target, value))
        return otherTargetValues.count - 1
    }

    /// An other target stated against the year before, for the row that will be appended at `row`.
    mutating func addOtherTarget(_ relative: RelativeTarget, target: Int, row: Int) {
        otherRelativeTargets.append((row, target, relative))
    }

    /// The other targets keyed by their rows (read before the rows are sorted or taken out).
    private func keyedOtherTargetsOfRows() -> [OtherTarget] {
        var out = keyedOtherTargets
        for name in otherTargetNames where !out.contains(where: { OtherTarget.sameName($0.name, name) }) {
            out.append(OtherTarget(name: name))
        }
        for entry in otherTargetValues where entry.row < rows.count && !entry.value.value.isNaN {
            let at = out.firstIndex { OtherTarget.sameName($0.name, otherTargetNames[entry.target]) }!
            out[at].values[RowKey(rows[entry.row])] = entry.value
        }
        for entry in otherRelativeTargets where entry.row < rows.count {
            let at = out.firstIndex { OtherTarget.sameName($0.name, otherTargetNames[entry.target]) }!
            out[at].relative[RowKey(rows[entry.row])] = entry.relative
        }
        return out.filter { !$0.values.isEmpty || !$0.relative.isEmpty }
    }

    /// How the files of this run that could tell wrote their numbers: an office writes them one way.
    var decidedLocales: Set<NumberLocale> = []

    /// The figures read from `start` on: each result and each target.
    func figureCount(from start: Int) -> Int {
        rows[start...].reduce(0) { $0 + 1 + ($1.target == nil ? 0 : 1) }
    }

    /// Two rows from `start` on with one (year, period, unit, indicator): a file read with a key missing.
    func hasRepeatedKeys(from start: Int) -> Bool {
        var seen = Set<[Int32]>()
        for row in rows[start...] where !row.targetOnly {
            if !seen.insert([row.year, Int32(row.period), row.unit, row.indicator]).inserted { return true }
        }
        return false
    }

    mutating func reserve(_ count: Int) { rows.reserveCapacity(rows.count + count) }

    var rowCount: Int { rows.count }

    var invalidSpellings: Int {
        units.invalidSpellings + indicators.invalidSpellings + measures.invalidSpellings + levels.invalidSpellings
    }

    /// Fills in a number that waited for its file's number locale.
    mutating func setNumber(_ value: Double, column: InputColumn, row: Int, otherTarget: Int = -1) {
        if otherTarget >= 0 {
            otherTargetValues[otherTarget].value.value = value
        } else if column == .target { rows[row].storedTarget = value } else { rows[row].actual = value }
    }

    /// Sorting packs (unit rank, indicator rank, year) into one integer: one comparison per
    /// step instead of two string comparisons, which is what makes a million rows cheap. The
    /// rows are put in order where they are, not copied: a huge file's rows are most of the
    /// memory the reader needs.
    mutating func finish(diagnosticLimit: Int) throws(LoadError) -> IndicatorTable {
        try finish(diagnosticLimit: diagnosticLimit, keepingOrder: false).table
    }

    /// The table, and for each of its rows the index it was appended at.
    mutating func finishReportingOrder(diagnosticLimit: Int) throws(LoadError) -> (table: IndicatorTable, order: [Int32]) {
        try finish(diagnosticLimit: diagnosticLimit, keepingOrder: true)
    }

    private mutating func finish(diagnosticLimit: Int, keepingOrder: Bool) throws(LoadError) -> (table: IndicatorTable, order: [Int32]) {
        let unitRank = IndicatorTable.sortRanks(of: units.names)
        let indicatorRank = IndicatorTable.sortRanks(of: indicators.names)
        let otherTargets = keyedOtherTargetsOfRows()
        var relativeTargets = keyedRelativeTargets
        for (row, target) in relativeTargetRows where row < rows.count { relativeTargets[RowKey(rows[row])] = target }
        var rowTargetNames = keyedRowTargetNames
        for (row, name) in rowTargetNameRows where row < rows.count { rowTargetNames[RowKey(rows[row])] = name }
        let restated = dropRestatedPreviousYears()
        let (planned, survivors) = try takePlannedTargets(diagnosticLimit: diagnosticLimit, unitRank: unitRank, indicatorRank: indicatorRank)
        guard units.count < 1 << 24, indicators.count < 1 << 24 else {
            throw .invalidData([Diagnostic(file: files.joined(separator: ", "), message: "more than 16 million distinct units or indicators; this is not an indicator table",
                                           vietnamese: "hơn 16 triệu đơn vị hoặc chỉ tiêu khác nhau; đây không phải là bảng chỉ tiêu")], omitted: 0)
        }
        var keys = [UInt64](repeating: 0, count: rows.count)
        // With more than one period, the low 16 bits hold the rank of (year, period) instead of the year.
        let slot = periods.count > 1 ? Self.yearPeriodRanks(rows, periods: periods) : nil
        for (i, row) in rows.enumerated() {
            let time = slot?[Int64(row.year) << 8 | Int64(row.period)] ?? UInt16(truncatingIfNeeded: row.year)
            keys[i] = UInt64(unitRank[Int(row.unit)]) << 40 | UInt64(indicatorRank[Int(row.indicator)]) << 16 | UInt64(time)
        }
        var order = Self.stableOrder(of: keys)

        // Duplicates: equal keys side by side in key order; the first occurrence is kept.
        var logs: [Int: DiagnosticLog] = [:]
        var firstOfRun = 0
        for position in order.indices.dropFirst() {
            let index = Int(order[position])
            guard keys[Int(order[position - 1])] == keys[index] else { firstOfRun = position; continue }
            let row = rows[index]
            let first = rows[Int(order[firstOfRun])]
            let place = first.file == row.file ? "line \(first.line)" : "\(files[Int(first.file)]):\(first.line)"
            let placeVi = first.file == row.file ? "dòng \(first.line)" : place
            let unit = units.names[Int(row.unit)], indicator = indicators.names[Int(row.indicator)]
            let file = Int(row.file)
            let period = row.period == 0 ? "" : " (\(periods[Int(row.period)].label))"
            logs[file, default: DiagnosticLog(file: files[file], limit: diagnosticLimit)].error(
                line: Int(row.line),
                "duplicate row: year \(row.year)\(period), unit \"\(unit)\", indicator \"\(indicator)\" is already on \(place); keep one of them",
                vi: "dòng trùng: năm \(row.year)\(period), đơn vị \"\(unit)\", chỉ tiêu \"\(indicator)\" đã có ở \(placeVi); chỉ giữ một dòng")
        }
        if !logs.isEmpty {
            let ordered = logs.keys.sorted().compactMap { logs[$0] }
            throw .invalidData(ordered.flatMap(\.kept), omitted: ordered.reduce(0) { $0 + $1.omitted })
        }
        keys = []
        let kept = keepingOrder ? order.map { i -> Int32 in
            let afterDrop = survivors.map { $0[Int(i)] } ?? i
            return restated.map { $0[Int(afterDrop)] } ?? afterDrop
        } : []
        Self.permute(&rows, by: &order)
        return (IndicatorTable(units: units.names, indicators: indicators.names, measures: measures.names,
                               levels: levels.names, files: files, rows: rows, fields: fields, sheetFiles: sheetFiles,
                               sectionLevels: sectionLevels, periods: periods, yearSpan: yearSpan, organisation: organisation,
                               issued: issued, plannedTargets: planned, targetNames: files.indices.map { targetNames[Int32($0)] },
                               otherTargets: otherTargets, rowTargetNames: rowTargetNames, relativeTargets: relativeTargets,
                               itemParents: itemParents, itemSums: itemSums, officePrevious: keyedOfficePrevious,
                               unitNotes: unitNotes, agencyNames: agencyNames), kept)
    }

    /// Takes the rows with a target and no result out of `rows`. Those of a year after the last
    /// year with results are next year's plan; any other is a result left empty, an error at
    /// its cell. Returns the plan sorted like the rows, and — when rows were taken out — the
    /// index each remaining row was appended at.
    private mutating func takePlannedTargets(diagnosticLimit: Int, unitRank: [Int32], indicatorRank: [Int32]) throws(LoadError) -> (planned: [IndicatorRow], survivors: [Int32]?) {
        guard rows.contains(where: \.targetOnly) else { return ([], nil) }
        let lastResultYear = rows.reduce(Int32.min) { $1.targetOnly ? $0 : max($0, $1.year) }
        var planned: [IndicatorRow] = [], survivors: [Int32] = []
        var logs: [Int: DiagnosticLog] = [:]
        var remaining: [IndicatorRow] = []
        remaining.reserveCapacity(rows.count)
        for (i, row) in rows.enumerated() {
            guard row.targetOnly else { remaining.append(row); survivors.append(Int32(i)); continue }
            if row.year > lastResultYear { planned.append(row); continue }
            let file = Int(row.file)
            let column = fields[file][.actual].map { $0 + 1 }
            logs[file, default: DiagnosticLog(file: files[file], limit: diagnosticLimit)].error(
                line: Int(row.line), column: column,
                "the result of \(row.year) is empty while its target is given; write the achieved value (0 if nothing was done) — only a year after the last year with results (\(lastResultYear)) may hold targets alone, as next year's plan",
                vi: "số thực hiện năm \(row.year) bị trống trong khi đã có kế hoạch; ghi số thực hiện (ghi 0 nếu không thực hiện được) — chỉ năm sau năm cuối có số thực hiện (\(lastResultYear)) mới được chỉ ghi kế hoạch, là kế hoạch năm tới",
                group: "target only")
        }
        if !logs.isEmpty {
            let ordered = logs.keys.sorted().compactMap { logs[$0] }
            throw .invalidData(ordered.flatMap(\.kept), omitted: ordered.reduce(0) { $0 + $1.omitted })
        }
        rows = remaining
        planned.sort { (unitRank[Int($0.unit)], indicatorRank[Int($0.indicator)], $0.year) < (unitRank[Int($1.unit)], indicatorRank[Int($1.indicator)], $1.year) }
        return (planned, survivors)
    }

    /// Each (year, period) pair's rank in (year, period order): few pairs, however many rows.
    static func yearPeriodRanks(_ rows: [IndicatorRow], periods: [ReportingPeriod]) -> [Int64: UInt16] {
        var pairs = Set<Int64>()
        for row in rows { pairs.insert(Int64(row.year) << 8 | Int64(row.period)) }
        let ordered = pairs.sorted { a, b in
            (a >> 8, periods[Int(a & 0xFF)].rank) < (b >> 8, periods[Int(b & 0xFF)].rank)
        }
        var rank: [Int64: UInt16] = [:]
        for (i, pair) in ordered.enumerated() { rank[pair] = UInt16(truncatingIfNeeded: i) }
        return rank
    }

    /// rows[i] = old rows[order[i]], in place, following each cycle of the permutation once;
    /// `order` is used up as the record of which places are done.
    static func permute(_ rows: inout [IndicatorRow], by order: inout [Int32]) {
        for start in order.indices where order[start] >= 0 {
            let saved = rows[start]
            var place = start
            while true {
                let source = Int(order[place])
                order[place] = -1
                if source == start { rows[place] = saved; break }
                rows[place] = rows[source]
                place = source
            }
        }
    }

    /// Row indices in key order, ties in input order (so a duplicate's first occurrence comes
    /// first): a least-significant-digit radix sort, skipping the bytes every key shares.
    static func stableOrder(of keys: [UInt64]) -> [Int32] {
        var order = Array(0..<Int32(keys.count))
        guard keys.count > 1 else { return order }
        var scratch = order
        var differing: UInt64 = 0
        for key in keys { differing |= key ^ keys[0] }
        for shift in stride(from: 0, to: 64, by: 8) where (differing >> UInt64(shift)) & 0xFF != 0 {
            var counts = [Int](repeating: 0, count: 257)
            for key in keys { counts[Int((key >> UInt64(shift)) & 0xFF) + 1] += 1 }
            for b in 1..<257 { counts[b] += counts[b - 1] }
            for index in order {
                let bucket = Int((keys[Int(index)] >> UInt64(shift)) & 0xFF)
                scratch[counts[bucket]] = index
                counts[bucket] += 1
            }
            swap(&order, &scratch)
        }
        return order
    }

}
