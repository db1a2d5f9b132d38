import TongKetAnalytics
import TongKetData

/// The figures a chart is drawn from, picked out of `Metrics`: charts never read raw rows.
struct ChartData {
    let metrics: Metrics

    var table: IndicatorTable { metrics.table }

    func unitFigures(indicator: Int32, year: Int) -> [FigureRow] {
        table.rows.indices
            .filter { table.rows[$0].indicator == indicator && Int(table.rows[$0].year) == year }
            .map(metrics.unitFigures(at:))
    }

    func provinceFigures(indicator: Int32) -> [FigureRow] {
        metrics.provinceRows.indices.filter { metrics.provinceRows[$0].indicator == indicator }.map(metrics.provinceFigures(at:))
    }

    func provinceFigures(year: Int) -> [FigureRow] {
        metrics.provinceRows.indices.filter { Int(metrics.provinceRows[$0].year) == year }.map(metrics.provinceFigures(at:))
    }

    /// A unit as charts name it: the catalogue's short name ("VKSND TP Vị Thanh"), else the files'.
    func name(_ f: FigureRow) -> String { f.unit < 0 ? "" : unitShortName(f.unit) }
    func indicator(_ id: Int32) -> String { table.indicators[Int(id)] }
    /// The catalogue's short label for charts, else the name.
    func shortName(_ id: Int32) -> String { metrics.profile(id).label ?? table.indicators[Int(id)] }
    func unitShortName(_ unit: Int32) -> String { metrics.interpretation.units[Int(unit)].shortName ?? table.units[Int(unit)] }

    /// The indicators units report in `year`, in the catalogue's order, then the files'.
    func indicatorsReported(year: Int) -> [Int32] {
        let ids = Set(metrics.figureRows(year: year).filter { $0.scope == .unit }.map(\.indicator))
        return ids.sorted { (metrics.profile($0).order ?? Int.max, $0) < (metrics.profile($1).order ?? Int.max, $1) }
    }

    func isRate(_ f: FigureRow) -> Bool { FigureWords(metrics, .vi).isRate(f) }

    /// How a province figure that is not a total was formed, in a chart's words: short for a
    /// tile ("trung bình", "tỷ lệ chung"), long for a subtitle; nil for a plain total.
    func formulaWords(_ indicator: Int32, _ c: ChartWords) -> (short: String, long: String)? {
        // The office's own total row is its figure, however the units' would combine; one unit's is that unit's.
        let bases = metrics.provinceRows.indices.filter { metrics.provinceRows[$0].indicator == indicator }.map { metrics.provinceBases[$0] }
        if let last = bases.last, case let .singleUnit(unit) = last.figure {
            if unit == metrics.unit { return nil }
            let name = unitShortName(unit)
            return (c.pick("số của \(name)", "\(name)'s figure"), c.pick("số của \(name), đơn vị duy nhất báo cáo", "the figure of \(name), the only unit reporting it"))
        }
        if !bases.isEmpty, bases.allSatisfy(\.isPublished) { return nil }
        switch metrics.profile(indicator).formula {
        case .sum, .none: return nil
        case .mean: return (c.pick("trung bình", "mean"), c.pick("trung bình các đơn vị", "mean of units"))
        case .weightedMean: return (c.pick("bình quân gia quyền", "weighted mean"), c.pick("trung bình có trọng số của các đơn vị", "weighted mean of units"))
        case .ratio: return (c.pick("tỷ lệ chung", "overall ratio"), c.pick("tỷ lệ chung của toàn tỉnh", "the province's overall ratio"))
        }
    }

    /// " (trung bình)" after a name, unless the name says so already ("Thời gian chờ … trung bình"). Whose figure
    /// a one-unit indicator is, the page says once (`attribution`), not beside every name.
    func formulaSuffix(_ indicator: Int32, _ c: ChartWords) -> String {
        guard singleUnit(indicator) == nil, let short = formulaWords(indicator, c)?.short,
              !HeaderName.fold(shortName(indicator)).contains(HeaderName.fold(short)) else { return "" }
        return " (" + short + ")"
    }

    /// The one unit that reports `indicator` in the province's latest figure, when it is not the summary's own unit.
    func singleUnit(_ indicator: Int32) -> Int32? {
        guard let i = metrics.provinceRows.indices.last(where: { metrics.provinceRows[$0].indicator == indicator }),
              case let .singleUnit(unit) = metrics.provinceBases[i].figure, unit != metrics.unit else { return nil }
        return unit
    }

    /// Once per page, for its subtitle: whose figures the one-unit indicators shown are — "số của Phòng 7, Phòng 8"
    /// when every one is, else "chỉ tiêu một đơn vị báo cáo: số của Phòng 7"; nil when none is.
    func attribution(_ indicators: [Int32], _ c: ChartWords) -> String? {
        let reporters = indicators.map(singleUnit)
        var units: [Int32] = []
        for case let unit? in reporters where !units.contains(unit) { units.append(unit) }
        guard !units.isEmpty else { return nil }
        let names = units.map(unitShortName).joined(separator: ", ")
        return !reporters.contains(nil)
            ? c.pick("số của \(names)", "figures of \(names)")
            : c.pick("chỉ tiêu một đơn vị báo cáo: số của \(names)", "indicators one unit reports: figures of \(names)")
    }

    /// "năm 2024", "6 tháng đầu năm 2024": the period of `year` the figures are of.
    func when(_ year: Int, _ c: ChartWords) -> String { words(c).when(year) }
    /// The same, capitalised for the start of a line: "Năm 2024", "6 tháng đầu năm 2024", "The first half of 2024".
    func When(_ year: Int, _ c: ChartWords) -> String { words(c).When(year) }
    /// What a year is compared with: "năm 2023", or for a part of the year "cùng kỳ năm 2023".
    func before(_ year: Int, _ c: ChartWords) -> String { words(c).before(year) }

    /// The phrasebook for these figures, in the chart's language.
    func words(_ c: ChartWords) -> FigureWords { FigureWords(metrics, c.language) }

    /// How each province figure shown was formed where that is not a plain sum ("Tên: số tổng hợp của đơn vị:
    /// 167 · cộng các đơn vị: 266"), flagged ones first. What the tool assumed is not the room's: it goes to
    /// review.md beside the pack.
    func note(_ figures: [FigureRow], _ c: ChartWords) -> String? {
        let words = words(c)
        var parts: [String] = []
        if figures.contains(where: \.flagged) { parts.append(words.flagNote) }
        // Flagged figures first: the footnote has room for two lines.
        for f in figures.filter(\.flagged) + figures.filter({ !$0.flagged }) {
            guard let basis = words.basisNote(f, attribution: false) else { continue }
            parts.append(figures.count == 1 ? basis : shortName(f.indicator) + ": " + basis)
        }
        return parts.isEmpty ? nil : parts.joined(separator: figures.count == 1 ? "; " : " · ")
    }

    func value(_ v: Double, _ f: FigureRow, _ numbers: NumberText) -> String { numbers.value(v, measure: metrics.measureName(f)) }
    /// The result, marked when it is an estimate.
    func actual(_ f: FigureRow, _ numbers: NumberText) -> String { numbers.actual(f, measure: metrics.measureName(f)) }
    func change(_ f: FigureRow, _ numbers: NumberText) -> String { numbers.change(f, measure: metrics.measureName(f)) }
}

/// Finding an indicator by the name a user typed, with close matches when it is not there.
package enum IndicatorLookup {
    public enum Result: Equatable {
        case found(Int32)
        case notFound(suggestions: [String])
    }

    public static func find(_ name: String, in table: IndicatorTable) -> Result {
        switch NameLookup.find(name, among: table.indicators) {
        case let .found(id): return .found(Int32(id))
        case let .notFound(close, _): return .notFound(suggestions: close.prefix(5).map { table.indicators[$0] })
        }
    }
}
