import TongKetData

/// Every figure of DESIGN §3 for a table. Unit figures are computed on demand from the sorted
/// table (a million-row export would otherwise hold a second copy of itself); the province
/// series is small and computed once.
public struct Metrics: Sendable {
    /// The table as interpreted: names merged, total rows set aside, directions decided.
    public let table: IndicatorTable
    /// What the figures take as given per indicator and unit, and what was assumed.
    public let interpretation: Interpretation
    /// The province series: one row per (indicator, year), `unit == -1`.
    public let provinceRows: [IndicatorRow]
    /// The level the province was restricted to, if any.
    public let level: String?

    public enum Problem: Error, Equatable, Sendable {
        case unknownLevel(String, available: [String])
    }

    /// Figures of a table read with no catalogue: what the names say is inferred, and said.
    public init(table: IndicatorTable, level: String? = nil) throws {
        try self.init(Interpretation(table), level: level)
    }

    public init(_ interpretation: Interpretation, level: String? = nil) throws(Problem) {
        let table = interpretation.table
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
        provinceRows = ProvinceRollup.rows(of: table, formulas: interpretation.indicators.map(\.formula), levelIDs: levelIDs)
    }

    public var unitFigureCount: Int { table.rows.count }
    public var provinceFigureCount: Int { provinceRows.count }

    public func unitFigures(at index: Int) -> Figures { Figures.of(table.rows, at: index, scope: .unit) }
    public func provinceFigures(at index: Int) -> Figures { Figures.of(provinceRows, at: index, scope: .province) }

    /// All figures of one year (or every year), units first, then the province.
    public func figures(year: Int? = nil) -> [Figures] {
        var out: [Figures] = []
        for i in table.rows.indices where year == nil || Int(table.rows[i].year) == year { out.append(unitFigures(at: i)) }
        for i in provinceRows.indices where year == nil || Int(provinceRows[i].year) == year { out.append(provinceFigures(at: i)) }
        return out
    }

    public func unitName(_ figures: Figures) -> String { figures.unit < 0 ? "" : table.units[Int(figures.unit)] }
    public func indicatorName(_ figures: Figures) -> String { table.indicators[Int(figures.indicator)] }
    public func measureName(_ figures: Figures) -> String { figures.measure < 0 ? "" : table.measures[Int(figures.measure)] }
    public func profile(_ indicator: Int32) -> IndicatorProfile { interpretation.indicators[Int(indicator)] }
    /// True for a province figure that is not a plain total (a mean, weighted mean or ratio).
    public func isMean(_ figures: Figures) -> Bool { figures.scope == .province && !profile(figures.indicator).formula.isSum }
    /// Indicators whose province figure is not a plain total.
    public var meanIndicators: [Int32] {
        interpretation.indicators.indices.filter { !interpretation.indicators[$0].formula.isSum }.map { Int32($0) }
    }
}
