import Foundation

/// Whether more is better, the target is a ceiling ("tỷ lệ án bị hủy không quá 5%"), or
/// neither: a workload count ("số tin báo tiếp nhận") that is neither good nor bad, drawn
/// neutral and never judged.
public enum Direction: UInt8, Sendable, CaseIterable {
    case higher, lower, neutral

    /// The word metrics.csv writes: higher, lower, none.
    public var name: String {
        switch self {
        case .higher: return "higher"
        case .lower: return "lower"
        case .neutral: return "none"
        }
    }

    /// Parses a direction cell: higher/lower/none, Vietnamese cao/thấp/không, case- and accent-blind.
    public init?(cell: String) {
        switch HeaderName.fold(cell) {
        case "", "higher", "cao", "tang": self = .higher
        case "lower", "thap", "giam", "ceiling", "tran": self = .lower
        case "none", "khong", "trung tinh", "neutral": self = .neutral
        default: return nil
        }
    }
}

/// One (year, unit, indicator) result. Names are ids into the table's name lists; the row
/// keeps where it came from so later checks can point at the line.
public struct IndicatorRow: Sendable, Equatable {
    public var year: Int32
    public var unit: Int32
    public var indicator: Int32
    /// -1 when the file has no measure for the row.
    public var measure: Int32
    /// -1 when the file has no level for the row.
    public var level: Int32
    public var line: Int32
    public var file: Int32
    public var direction: Direction
    /// True when the export's own direction column gave `direction`; otherwise the catalogue
    /// or the name decides it (see `Interpretation`).
    public var directionGiven: Bool
    /// The row's part of its year: an index into the table's `periods`, 0 for the whole year.
    public var period: UInt8 = 0
    /// `estimated`, `ownTarget` and `targetOnly`, one bit each: a row stays 48 bytes (a million-row export is
    /// held in memory once, and each byte of a row is a megabyte of it).
    private var marks: UInt8 = 0
    /// The result is an estimate ("Ước TH 2024"), marked wherever it is shown.
    public var estimated: Bool {
        get { marks & 1 != 0 }
        set { marks = newValue ? marks | 1 : marks & ~1 }
    }
    /// The target is the period's own ("KH 6 tháng"), not the whole year's: a part of the year is
    /// judged against it as a year is against the year's.
    public var ownTarget: Bool {
        get { marks & 2 != 0 }
        set { marks = newValue ? marks | 2 : marks & ~2 }
    }
    /// The row carries a target and no result yet: next year's plan ("KH 2025"), kept by the
    /// table apart from its rows (`plannedTargets`), never a year under review.
    public var targetOnly: Bool {
        get { marks & 4 != 0 }
        set { marks = newValue ? marks | 4 : marks & ~4 }
    }
    /// The figure is a form's "Cùng kỳ" column, the year before of the row beside it: a file that states
    /// that year itself is taken instead.
    public var fromPreviousColumn: Bool {
        get { marks & 8 != 0 }
        set { marks = newValue ? marks | 8 : marks & ~8 }
    }
    /// The figure is a year before the form's own in a column of its own ("Thực hiện năm 2024" on a 2025 form): that
    /// year's own file, where one is given, states it instead, as for a form's "Cùng kỳ".
    public var fromEarlierColumn: Bool {
        get { marks & 16 != 0 }
        set { marks = newValue ? marks | 16 : marks & ~16 }
    }
    /// Either of the two: the office's previous figure, which a file of that year itself replaces.
    var givesWayToItsYear: Bool { fromPreviousColumn || fromEarlierColumn }
    /// NaN when no target was assigned; read it through `target`.
    var storedTarget: Double
    public var actual: Double

    public var target: Double? {
        get { storedTarget.isNaN ? nil : storedTarget }
        set { storedTarget = newValue ?? .nan }
    }

    public init(year: Int32, unit: Int32, indicator: Int32, measure: Int32 = -1, level: Int32 = -1,
                direction: Direction = .higher, directionGiven: Bool = false, target: Double?, actual: Double, file: Int32 = 0, line: Int32 = 0) {
        self.year = year
        self.directionGiven = directionGiven
        self.unit = unit
        self.indicator = indicator
        self.measure = measure
        self.level = level
        self.line = line
        self.file = file
        self.direction = direction
        self.storedTarget = target ?? .nan
        self.actual = actual
    }
}

/// Every row of every input file, merged, named and validated.
///
/// Invariant (established by `TableAssembler`, relied on by the analytics): rows are sorted
/// by unit name, indicator name and year, and no two share (year, unit, indicator).
public struct IndicatorTable: Sendable {
    public let units: [String]
    public let indicators: [String]
    public let measures: [String]
    public let levels: [String]
    public let files: [String]
    public let rows: [IndicatorRow]
    /// Per file, where each column is (0-based field), so a message about a value can point at its cell.
    public let fields: [[InputColumn: Int]]
    /// The files that are workbook sheets, whose positions are cells (`!F14`).
    public let sheetFiles: Set<Int32>
    /// The levels that come from a printed form's section headings ("II. VKSND CẤP HUYỆN"): a
    /// unit's group as stated by the form, which the catalogue may still override.
    public let sectionLevels: Set<Int32>
    /// The periods the rows' `period` points at; the first is always the whole year.
    public let periods: [ReportingPeriod]
    /// How the files' years run: calendar, school years, or from another day (1 December).
    public let yearSpan: YearSpan
    /// The agency the files' title block names ("VIỆN KIỂM SÁT NHÂN DÂN TỈNH SÓC TRĂNG"), if any.
    public let organisation: String?
    /// The date line of the files' title block ("Hậu Giang, ngày 15 tháng 12 năm 2023") as "2023-12-15", if any.
    public let issued: String?
    /// The targets of the years after the last year with results (next year's plan, "KH 2025"),
    /// in the rows' order: what "Phương hướng, nhiệm vụ năm tới" is made of. Their `actual` is 0.
    public let plannedTargets: [IndicatorRow]
    /// Per file, the name its header gives the headline target ("Dự toán pháp lệnh"), when it names one.
    public let targetNames: [String?]
    /// The targets a form states beside the headline, by name (`OtherTarget`).
    public let otherTargets: [OtherTarget]
    /// Per row, the headline target's name where it is not its file's first: the catalogue's "kế hoạch chính",
    /// or the first target a row states when its first column is blank ("Phấn đấu" where "KH" is empty).
    public let rowTargetNames: [RowKey: String]
    /// Targets stated against the year before ("giảm ít nhất 5 % so với cùng kỳ"), by row; `target` is nil there.
    public let relativeTargets: [RowKey: RelativeTarget]
    /// The item each indicator is a part of, by name, as the files' numbering and "Trong đó:" say (`ItemTree`):
    /// "Thu từ DNNN trung ương" → "Thu nội địa". The catalogue's "thuộc" overrides it.
    public let itemParents: [String: String]
    /// The items a whole's name says add up to it ("TỔNG THU NSNN (A+B)" → its items A and B), by name.
    public let itemSums: [String: [String]]
    /// A form's own cùng kỳ cell where another file states that year, by the row it is the previous figure of: the
    /// office's figure wins (it carries its adjustments), the other file's stays that year's own.
    public let officePrevious: [RowKey: IndicatorRow]
    /// The notes under the forms' tables that explain a marked unit's name ("(*) Sáp nhập …"): its lineage.
    public let unitNotes: [UnitNote]
    /// The agency lines of the files' title blocks ("CÔNG AN TỈNH ĐỒNG THÁP", "PHÒNG THAM MƯU"): rows of a unit so named
    /// are the agency's own, the province's figures.
    public let agencyNames: Set<String>

    /// The period of the table's rows: the one `selecting(period:)` kept (the first row's).
    public var period: ReportingPeriod { rows.first.map { periods[Int($0.period)] } ?? .wholeYear }

    /// The periods the rows hold, by id, in the order they end (the latest last).
    public var periodsPresent: [UInt8] {
        // A flag per period id, not a set: a million rows pass through here.
        guard periods.count > 1 else { return rows.isEmpty ? [] : [0] }
        var seen = [Bool](repeating: false, count: 256)
        for row in rows { seen[Int(row.period)] = true }
        return (0..<UInt8(periods.count)).filter { seen[Int($0)] }.sorted { ReportingPeriod.endsBefore(periods[Int($0)], periods[Int($1)]) }
    }

    /// The period a review takes by default: of the latest year's periods, the one ending last
    /// (the whole year, else 9 tháng before quý III, …).
    public var latestPeriod: UInt8 { latestPeriod(year: nil) }

    /// The period ending last in `year` (the latest year when nil).
    public func latestPeriod(year: Int?) -> UInt8 {
        guard periods.count > 1, let year = year ?? years.last else { return 0 }
        var seen = [Bool](repeating: false, count: 256)
        for row in rows where Int(row.year) == year { seen[Int(row.period)] = true }
        return (0..<UInt8(periods.count)).filter { seen[Int($0)] }.max { ReportingPeriod.endsBefore(periods[Int($0)], periods[Int($1)]) } ?? 0
    }

    /// The rows of one period, every year: the table the figures of that period are made from
    /// (a year is then compared with the same period of the year before, "cùng kỳ").
    public func selecting(period: UInt8) -> IndicatorTable {
        guard periods.count > 1, rows.contains(where: { $0.period != period }) else { return self }
        return replacingRows(rows.filter { $0.period == period })
    }

    init(units: [String], indicators: [String], measures: [String], levels: [String], files: [String], rows: [IndicatorRow],
         fields: [[InputColumn: Int]] = [], sheetFiles: Set<Int32> = [], sectionLevels: Set<Int32> = [],
         periods: [ReportingPeriod] = [.wholeYear], yearSpan: YearSpan = .calendar, organisation: String? = nil, issued: String? = nil,
         plannedTargets: [IndicatorRow] = [],
         targetNames: [String?] = [], otherTargets: [OtherTarget] = [], rowTargetNames: [RowKey: String] = [:],
         relativeTargets: [RowKey: RelativeTarget] = [:], itemParents: [String: String] = [:], itemSums: [String: [String]] = [:],
         officePrevious: [RowKey: IndicatorRow] = [:], unitNotes: [UnitNote] = [], agencyNames: Set<String> = []) {
        self.agencyNames = agencyNames
        self.unitNotes = unitNotes
        self.itemParents = itemParents
        self.itemSums = itemSums
        self.officePrevious = officePrevious
        self.plannedTargets = plannedTargets
        self.relativeTargets = relativeTargets
        self.rowTargetNames = rowTargetNames
        self.targetNames = targetNames
        self.otherTargets = otherTargets
        self.yearSpan = yearSpan
        self.organisation = organisation
        self.issued = issued
        self.sectionLevels = sectionLevels
        self.periods = periods
        self.fields = fields
        self.sheetFiles = sheetFiles
        self.units = units
        self.indicators = indicators
        self.measures = measures
        self.levels = levels
        self.files = files
        self.rows = rows
    }

    /// One unit's rows and plan, every year: the table a unit's own summary is made from.
    public func selecting(unit: Int32) -> IndicatorTable {
        replacingRows(rows.filter { $0.unit == unit }, plannedTargets: plannedTargets.filter { $0.unit == unit })
    }

    /// Next year's plan of `year` as a table whose rows are its targets, each set against
    /// itself (actual = target): what the province's plan is formed from as any figure is.
    public func plan(year: Int) -> IndicatorTable {
        replacingRows(plannedTargets.filter { Int($0.year) == year }.map { row in
            var row = row
            row.actual = row.target ?? 0
            row.targetOnly = false
            return row
        })
    }

    /// The same table with other rows (the same names, files and periods).
    func replacingRows(_ rows: [IndicatorRow], plannedTargets: [IndicatorRow]? = nil) -> IndicatorTable {
        IndicatorTable(units: units, indicators: indicators, measures: measures, levels: levels, files: files, rows: rows,
                       fields: fields, sheetFiles: sheetFiles, sectionLevels: sectionLevels, periods: periods, yearSpan: yearSpan, organisation: organisation,
                       issued: issued, plannedTargets: plannedTargets ?? self.plannedTargets, targetNames: targetNames,
                       otherTargets: otherTargets,
                       rowTargetNames: rowTargetNames, relativeTargets: relativeTargets, itemParents: itemParents,
                       itemSums: itemSums, officePrevious: officePrevious, unitNotes: unitNotes, agencyNames: agencyNames)
    }

    /// The years present, in order. Years are 1000–9999 (the reader's rule), so a flag per year
    /// finds them in one pass without hashing a million rows.
    public var years: [Int] {
        var present = [Bool](repeating: false, count: 10_000)
        for row in rows where (0..<10_000).contains(row.year) { present[Int(row.year)] = true }
        return present.indices.filter { present[$0] }
    }

    /// Each year's position in `years`, by year (-1 for a year with no rows): slots per
    /// (indicator, year) sized by the years present, not by the span from first to last.
    public func yearPositions() -> (years: [Int], position: [Int32]) {
        let years = self.years
        var position = [Int32](repeating: -1, count: 10_000)
        for (i, year) in years.enumerated() { position[year] = Int32(i) }
        return (years, position)
    }

    /// The 1-based column of `column` in the file a row came from, for messages.
    public func field(_ column: InputColumn, of row: IndicatorRow) -> Int? {
        let file = Int(row.file)
        guard file < fields.count, let index = fields[file][column] else { return nil }
        return index + 1
    }

    /// A warning about a row (its cell in `column`), placed as the reader would place it.
    public func warning(at row: IndicatorRow, _ column: InputColumn? = nil, _ message: String, vietnamese: String) -> Diagnostic {
        var diagnostic = Diagnostic(file: files[Int(row.file)], line: Int(row.line), column: column.flatMap { field($0, of: row) },
                                    severity: .warning, message: message, vietnamese: vietnamese)
        diagnostic.inSheet = sheetFiles.contains(row.file)
        return diagnostic
    }

    /// Each name's position in sorted order (the order rows are kept in), by name id.
    public static func sortRanks(of names: [String]) -> [Int32] {
        let order = names.indices.sorted { NameOrder.precedes(names[$0], names[$1]) }
        var rank = [Int32](repeating: 0, count: names.count)
        for (position, index) in order.enumerated() { rank[index] = Int32(position) }
        return rank
    }
}

/// A row given by names, for building tables in code (tests, the peers' data, other tools).
public struct IndicatorRecord: Sendable {
    public var year: Int
    public var unit: String
    public var indicator: String
    public var measure: String?
    public var level: String?
    /// nil when the data does not say (an export without a direction column).
    public var direction: Direction?
    public var target: Double?
    public var actual: Double

    public init(year: Int, unit: String, indicator: String, measure: String? = nil, level: String? = nil,
                direction: Direction? = nil, target: Double?, actual: Double) {
        self.year = year
        self.unit = unit
        self.indicator = indicator
        self.measure = measure
        self.level = level
        self.direction = direction
        self.target = target
        self.actual = actual
    }
}

extension IndicatorTable {
    /// A table from named records, with the same normalisation and checks as a file.
    public init(records: [IndicatorRecord], file: String = "records") throws(LoadError) {
        var assembler = TableAssembler()
        let fileIndex = assembler.addFile(file)
        for (i, record) in records.enumerated() {
            guard (1000...9999).contains(record.year) else {
                throw .invalidData([Diagnostic(file: file, line: i + 1, message: "\(record.year) is not a year; years are whole numbers such as 2023",
                                                    vietnamese: "\(record.year) không phải là năm; năm là số nguyên, ví dụ 2023")], omitted: 0)
            }
            assembler.append(IndicatorRow(
                year: Int32(clamping: record.year),
                unit: assembler.units.id(for: record.unit),
                indicator: assembler.indicators.id(for: record.indicator),
                measure: record.measure.map { assembler.measures.id(for: $0) } ?? -1,
                level: record.level.map { assembler.levels.id(for: $0) } ?? -1,
                direction: record.direction ?? .higher, directionGiven: record.direction != nil,
                target: record.target, actual: record.actual,
                file: fileIndex, line: Int32(i + 1)))
        }
        self = try assembler.finish(diagnosticLimit: 50)
    }
}

/// The order names are shown in. Names are NFC (the interner makes them so), and for NFC text
/// Swift's `<` is the order of Unicode scalars — the order of UTF-8 bytes, and pandas' order
/// too — so comparing bytes gives the same answer without normalising both names at every
/// comparison (a million units sort in a fraction of the time).
public enum NameOrder {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let result = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let common = min(x.count, y.count)
                if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let c = memcmp(p, q, common)
                    if c != 0 { return c < 0 }
                }
                return x.count < y.count
            }
        }
        return (result ?? nil) ?? (a < b)
    }
}

extension IndicatorTable {
    /// The two halves of each paired count ("74 vụ/157 bị can" read as "… (vụ)" and "… (bị can)"):
    /// names that end in their measure in parentheses, with a sibling of the same stem; each pair
    /// in the order its cell wrote them (its words became measures in that order).
    public func pairedHalves() -> [(Int32, Int32)] {
        var measureOf = [Int32](repeating: -1, count: indicators.count)
        var unseen = indicators.count
        for row in rows where measureOf[Int(row.indicator)] < 0 && row.measure >= 0 {
            measureOf[Int(row.indicator)] = row.measure
            unseen -= 1
            if unseen == 0 { break }
        }
        var halves: [String: [Int32]] = [:]
        for (id, name) in indicators.enumerated() {
            let measure = measureOf[id]
            guard measure >= 0, name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { continue }
            guard name[name.index(after: open)..<name.index(before: name.endIndex)] == measures[Int(measure)] else { continue }
            halves[String(name[..<open]), default: []].append(Int32(id))
        }
        return halves.values.filter { $0.count == 2 }
            .map { pair in measureOf[Int(pair[0])] <= measureOf[Int(pair[1])] ? (pair[0], pair[1]) : (pair[1], pair[0]) }
            .sorted { $0.0 < $1.0 }
    }
}
