import Foundation
import TongKetData

/// Every figure of DESIGN §3 for a table. Unit figures are computed on demand from the sorted
/// table (a million-row export would otherwise hold a second copy of itself); the province
/// series is small and computed once.
public struct Metrics: Sendable {
    /// The table as interpreted — names merged, total rows set aside, directions decided — with
    /// the rows of one period, every year (`period`).
    public let table: IndicatorTable
    /// The period of the figures, an index into the table's `periods`: each year is compared
    /// with the same period of the year before ("cùng kỳ").
    public let period: UInt8
    /// What the figures take as given per indicator and unit, and what was assumed.
    public let interpretation: Interpretation
    /// The province series: one row per (indicator, year), `unit == -1`.
    public let provinceRows: [IndicatorRow]
    /// The years of the units' and the province's figures (a sheet of the agency's own rows has only the latter).
    public var years: [Int] { Set(table.years).union(provinceRows.map { Int($0.year) }).sorted() }
    /// How each province row was formed, by the same index.
    public let provinceBases: [ProvinceBasis]
    /// The values `check` flags (a jump of ≥ 8×, a % over 100): marked wherever they are shown.
    public let valueFindings: [(row: Int, finding: Finding)]
    /// Rows of `table` with a value finding.
    let flaggedRows: Set<Int>
    /// Province rows marked for `check`: a total row that disagrees with its units, or a sum
    /// built on a flagged value.
    let flaggedProvince: Set<Int>
    let provinceIndex: [Int64: Int]
    /// The level the province was restricted to, if any.
    public let level: String?
    /// The one unit these figures are of (its own summary), if any: its figures take the
    /// province's place on every page, and nothing says "số của" it.
    public let unit: Int32?
    /// The figures against each target the files state beside the headline, by the same row indexes.
    public let others: [OtherTargetMetrics]
    /// Per (indicator, year), the target against the year before every unit's row states alike: the province's too.
    let provinceRelativeTargets: [Int64: RelativeTarget]
    /// Per (indicator, year), the province's previous figure as the office's forms state it (`officeProvincePrevious`).
    let provincePrevious: [Int64: Double]

    /// Figures that cannot be formed as asked.
    public enum Problem: Error, Equatable, Sendable {
        case unknownLevel(String, available: [String])
    }

    /// Figures of a table read with no catalogue: what the names say is inferred, and said.
    public init(table: IndicatorTable, level: String? = nil) throws {
        try self.init(Interpretation(table), level: level)
    }

    /// `period`: the period the figures are of; by default the latest period of the latest year.
    public init(_ interpretation: Interpretation, level: String? = nil, period: UInt8? = nil, unit: Int32? = nil) throws(Problem) {
        let chosen = period ?? interpretation.latestPeriod()
        var table = interpretation.table.selecting(period: chosen)
        if let unit { table = table.selecting(unit: unit) }
        self.unit = unit
        self.period = chosen
        self.interpretation = interpretation
        self.table = table
        self.level = level
        var levelIDs: Set<Int32>?
        if let level {
            let wanted = HeaderName.fold(level)
            let ids = table.levels.indices.filter { HeaderName.fold(table.levels[$0]) == wanted }.map { Int32($0) }
            if ids.isEmpty { throw .unknownLevel(level, available: table.levels) }
            levelIDs = Set(ids)
        }
        let formed = ProvinceRollup.rows(of: table, formulas: interpretation.indicators.map(\.formula), levelIDs: levelIDs)
        // The office's total rows are the province's, never one unit's.
        let province = unit != nil ? formed : PublishedTotals.apply(formed, interpretation: interpretation, table: table, period: chosen, levelIDs: levelIDs)
        provinceRows = province.map(\.row)
        provinceBases = province.map(\.basis)
        valueFindings = Review.valueFindings(table)
        flaggedRows = Set(valueFindings.map(\.row))
        var flaggedKeys = Set<Int64>()
        for i in flaggedRows { flaggedKeys.insert(Self.key(table.rows[i].indicator, table.rows[i].year)) }
        var flaggedProvince = Set<Int>()
        for (i, row) in provinceRows.enumerated() {
            let basis = provinceBases[i]
            // A total row that disagrees with the units' own counts is a slip to look at; a published rate
            // that differs from the units' plain mean is what a weighted rate does, and no mark.
            let counts = interpretation.indicators[Int(row.indicator)].formula.isSum
            if basis.unitsFigure != nil && counts || !basis.isPublished && flaggedKeys.contains(Self.key(row.indicator, row.year)) {
                flaggedProvince.insert(i)
            }
        }
        self.flaggedProvince = flaggedProvince
        provinceIndex = Dictionary(provinceRows.enumerated().map { (Self.key($1.indicator, $1.year), $0) }, uniquingKeysWith: { a, _ in a })
        var shared: [Int64: RelativeTarget] = [:], unlike = Set<Int64>()
        if !table.relativeTargets.isEmpty {
            for row in table.rows {
                let key = Self.key(row.indicator, row.year)
                guard let target = table.relativeTargets[RowKey(row)] else { unlike.insert(key); continue }
                if let known = shared[key], known != target { unlike.insert(key) } else { shared[key] = target }
            }
        }
        provinceRelativeTargets = shared.filter { !unlike.contains($0.key) }
        provincePrevious = unit != nil || level != nil ? [:] : Self.officeProvincePrevious(interpretation, table: table, period: chosen)
        others = try interpretation.table.otherTargets.indices.map { k throws(Problem) in
            OtherTargetMetrics(name: interpretation.table.otherTargets[k].name,
                               metrics: try Metrics(interpretation.withOtherTarget(k), level: level, period: chosen, unit: unit))
        }
    }

    /// Indicators in the office's order: the catalogue's "thứ tự", then the order the files name them.
    public func inOfficeOrder(_ ids: [Int32]) -> [Int32] {
        let place = places(indicators: true)
        return ids.sorted { (profile($0).order ?? .max, place[Int($0)]) < (profile($1).order ?? .max, place[Int($1)]) }
    }

    /// Units in the order the files list them (a ranking chart ranks them instead).
    public func unitsInOfficeOrder(_ ids: [Int32]) -> [Int32] {
        let place = places(indicators: false)
        return ids.sorted { place[Int($0)] < place[Int($1)] }
    }

    /// Each indicator's (or unit's) place in the files: the first file and line that names it.
    /// Found when asked (a few times a pack), not for every command.
    private func places(indicators: Bool) -> [Int32] {
        // Where each id is first named, (file, line); an indicator only the agency's own rows report, at its total row.
        var first = [(file: Int32, line: Int32)](repeating: (.max, .max), count: indicators ? table.indicators.count : table.units.count)
        for row in table.rows {
            let id = Int(indicators ? row.indicator : row.unit)
            if (row.file, row.line) < first[id] { first[id] = (row.file, row.line) }
        }
        if indicators {
            let unreported = first.map { $0 == (.max, .max) }
            for total in interpretation.totals
                where total.indicator >= 0 && Int(total.indicator) < first.count && unreported[Int(total.indicator)] {
                if (total.file, total.line) < first[Int(total.indicator)] { first[Int(total.indicator)] = (total.file, total.line) }
            }
        }
        let order = first.indices.sorted { first[$0] != first[$1] ? first[$0] < first[$1] : $0 < $1 }
        var place = [Int32](repeating: 0, count: first.count)
        for (position, id) in order.enumerated() { place[id] = Int32(position) }
        return place
    }

    /// How many wholes an indicator is a part of (0 at the top): "Thu từ DNNN" under "Thu nội địa" under "Tổng thu" is 2.
    public func itemDepth(_ indicator: Int32) -> Int {
        var depth = 0, at = interpretation.indicators[Int(indicator)].parent
        while let parent = at, depth < 16 { depth += 1; at = interpretation.indicators[Int(parent)].parent }
        return depth
    }

    /// The name of the whole an indicator is a part of, "" at the top (metrics.csv's `parent`).
    public func parentName(_ indicator: Int32) -> String {
        interpretation.indicators[Int(indicator)].parent.map { table.indicators[Int($0)] } ?? ""
    }

    /// The catalogue's short name ("tên ngắn") where space is short, else the name.
    public func shortName(_ indicator: Int32) -> String { profile(indicator).label ?? table.indicators[Int(indicator)] }

    /// True while any value `check` flags remains (what `report --strict` refuses).
    public var hasFlaggedValues: Bool { !flaggedRows.isEmpty || !flaggedProvince.isEmpty }

    /// The province's previous figure where the office's forms state another than the year before's own: the cùng kỳ on
    /// the form's total row, else, for a figure that adds up, the units' previous figures as their forms state them.
    static func officeProvincePrevious(_ interpretation: Interpretation, table: IndicatorTable, period: UInt8) -> [Int64: Double] {
        var out: [Int64: Double] = [:]
        for total in interpretation.previousTotals where total.period == period && total.indicator >= 0 {
            out[key(total.indicator, Int32(total.year + 1))] = total.actual
        }
        guard interpretation.previousFigures.values.contains(where: \.fromOffice) else { return out }
        var revised = Set<Int64>()
        for row in table.rows where interpretation.previousFigures[RowKey(row)]?.fromOffice == true {
            revised.insert(key(row.indicator, row.year))
        }
        var sums: [Int64: Double] = [:]
        for (i, row) in table.rows.enumerated() {
            let k = key(row.indicator, row.year)
            guard revised.contains(k), out[k] == nil, interpretation.indicators[Int(row.indicator)].formula.isSum else { continue }
            let own = FigureRow.of(table.rows, at: i, scope: .unit).previousActual
            guard let previous = interpretation.previousFigures[RowKey(row)].map({ $0.value }) ?? own else { continue }
            sums[k, default: 0] += previous
        }
        return out.merging(sums) { stated, _ in stated }
    }

    static func key(_ indicator: Int32, _ year: Int32) -> Int64 { Int64(indicator) << 16 | Int64(UInt16(truncatingIfNeeded: year)) }

    /// How the province figure `f` was formed; nil for a unit's figure.
    public func basis(_ f: FigureRow) -> ProvinceBasis? {
        guard f.scope == .province else { return nil }
        return provinceIndex[Self.key(f.indicator, Int32(f.year))].map { provinceBases[$0] }
    }



    public var unitFigureCount: Int { table.rows.count }
    public var provinceFigureCount: Int { provinceRows.count }

    public func unitFigures(at index: Int) -> FigureRow {
        var f = FigureRow.of(table.rows, at: index, scope: .unit)
        f.flagged = flaggedRows.contains(index)
        if !interpretation.previousFigures.isEmpty, let previous = interpretation.previousFigures[RowKey(table.rows[index])] {
            f.takePrevious(previous.value, from: previous.fromOffice ? .officeColumn : .predecessors)
        }
        partYear(&f, ownTarget: table.rows[index].ownTarget)
        if !table.relativeTargets.isEmpty, let relative = table.relativeTargets[RowKey(table.rows[index])] { Self.resolve(&f, relative) }
        catalogueSays(&f)
        f.index = Int32(index)
        return f
    }

    public func provinceFigures(at index: Int) -> FigureRow {
        var f = FigureRow.of(provinceRows, at: index, scope: .province)
        f.published = provinceBases[index].isPublished
        if !provincePrevious.isEmpty, let previous = provincePrevious[Self.key(f.indicator, Int32(f.year))], previous != f.previousActual {
            f.takePrevious(previous, from: .officeColumn)
        }
        f.flagged = flaggedProvince.contains(index)
        partYear(&f, ownTarget: provinceRows[index].ownTarget)
        if f.target == nil, let relative = provinceRelativeTargets[Self.key(f.indicator, Int32(f.year))] { Self.resolve(&f, relative) }
        catalogueSays(&f)
        f.index = Int32(index)
        return f
    }

    /// A part of the year against the whole year's target (DESIGN §3): a count's completion is
    /// progress ("đạt 48,2 % kế hoạch năm"), not a verdict; a ceiling already passed is broken,
    /// otherwise only within it so far; a rate is judged against its threshold or its ceiling as for a
    /// year ("≥ 90 %", "≤ 5 %": a rate does not add up over the months). A target stated for the period
    /// itself ("KH 6 tháng") is judged as a year's is.
    private func partYear(_ f: inout FigureRow, ownTarget: Bool) {
        guard !table.periods[Int(period)].isWholeYear, !ownTarget, f.target != nil else { return }
        if profile(f.indicator).isRate { return }
        f.progress = true
        if f.direction == .lower {
            if f.status == .met { f.status = .undefined }
        } else {
            f.status = .undefined
        }
    }

    /// The catalogue's "KH so với cùng kỳ" where the files state no target, and its "đánh giá theo cùng kỳ".
    private func catalogueSays(_ f: inout FigureRow) {
        let profile = interpretation.indicators[Int(f.indicator)]
        if f.target == nil, f.relativeTarget == nil, let relative = profile.relativeTarget {
            f.direction = relative.direction
            Self.resolve(&f, relative)
        }
        f.changeJudged = profile.judgedByChange
    }

    /// A target against the year before, resolved from the figure's previous value; it judges the
    /// period it is stated for. With no previous value there is nothing to judge against.
    private static func resolve(_ f: inout FigureRow, _ relative: RelativeTarget) {
        f.relativeTarget = relative
        f.progress = false
        f.target = f.previousActual.map(relative.resolved(previous:))
        f.completion = Completion.ratio(target: f.target, actual: f.actual)
        f.status = Completion.status(target: f.target, actual: f.actual, direction: f.direction)
    }

    /// All figures of one year (or every year), units first, then the province.
    package func figureRows(year: Int? = nil) -> [FigureRow] {
        var out: [FigureRow] = []
        for i in table.rows.indices where year == nil || Int(table.rows[i].year) == year { out.append(unitFigures(at: i)) }
        for i in provinceRows.indices where year == nil || Int(provinceRows[i].year) == year { out.append(provinceFigures(at: i)) }
        return out
    }

    public func unitName(_ figures: FigureRow) -> String { figures.unit < 0 ? "" : table.units[Int(figures.unit)] }
    public func indicatorName(_ figures: FigureRow) -> String { table.indicators[Int(figures.indicator)] }
    /// The measure shown: the catalogue's, else the files'; "%" for a rate the name alone made one.
    public func measureName(_ figures: FigureRow) -> String {
        let profile = profile(figures.indicator)
        if let stated = profile.measure { return stated }
        if figures.measure >= 0 { return table.measures[Int(figures.measure)] }
        return profile.isRate ? "%" : ""
    }
    public func profile(_ indicator: Int32) -> IndicatorProfile { interpretation.indicators[Int(indicator)] }
    /// True for a province figure that is not a plain total (a mean, weighted mean or ratio).
    public func isMean(_ figures: FigureRow) -> Bool { figures.scope == .province && !profile(figures.indicator).formula.isSum }
    /// Indicators whose province figure is not a plain total.
    public var meanIndicators: [Int32] {
        interpretation.indicators.indices.filter { !interpretation.indicators[$0].formula.isSum }.map { Int32($0) }
    }
}

extension Metrics.Problem: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case let .unknownLevel(level, available):
            return "No row has level \"\(level)\"; levels present: " + (available.isEmpty ? "none (the files have no level column)" : available.joined(separator: ", ")) + "."
        }
    }
}
