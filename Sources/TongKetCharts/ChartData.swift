import TongKetAnalytics
import TongKetData

/// The figures a chart is drawn from, picked out of `Metrics`: charts never read raw rows.
struct ChartData {
    let metrics: Metrics

    var table: IndicatorTable { metrics.table }

    func unitFigures(indicator: Int32, year: Int) -> [Figures] {
        table.rows.indices
            .filter { table.rows[$0].indicator == indicator && Int(table.rows[$0].year) == year }
            .map(metrics.unitFigures(at:))
    }

    func provinceFigures(indicator: Int32) -> [Figures] {
        metrics.provinceRows.indices.filter { metrics.provinceRows[$0].indicator == indicator }.map(metrics.provinceFigures(at:))
    }

    func provinceFigures(year: Int) -> [Figures] {
        metrics.provinceRows.indices.filter { Int(metrics.provinceRows[$0].year) == year }.map(metrics.provinceFigures(at:))
    }

    func name(_ f: Figures) -> String { metrics.unitName(f) }
    func indicator(_ id: Int32) -> String { table.indicators[Int(id)] }

    func isRate(_ f: Figures) -> Bool { ProvinceRollup.isRate(metrics.measureName(f)) }

    func value(_ v: Double, _ f: Figures, _ numbers: NumberText) -> String { numbers.value(v, measure: metrics.measureName(f)) }
    func change(_ f: Figures, _ numbers: NumberText) -> String { numbers.change(f, measure: metrics.measureName(f)) }
}

/// Finding an indicator by the name a user typed, with close matches when it is not there.
public enum IndicatorLookup {
    public enum Result: Equatable {
        case found(Int32)
        case notFound(suggestions: [String])
    }

    public static func find(_ name: String, in table: IndicatorTable) -> Result {
        let wanted = HeaderName.fold(name)
        if let exact = table.indicators.firstIndex(where: { HeaderName.fold($0) == wanted }) { return .found(Int32(exact)) }
        let containing = table.indicators.indices.filter { HeaderName.fold(table.indicators[$0]).contains(wanted) }
        if containing.count == 1 { return .found(Int32(containing[0])) }
        let ranked = table.indicators.sorted { distance(HeaderName.fold($0), wanted) < distance(HeaderName.fold($1), wanted) }
        let close = containing.map { table.indicators[$0] } + ranked
        var seen = Set<String>()
        return .notFound(suggestions: close.filter { seen.insert($0).inserted }.prefix(5).map { $0 })
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
