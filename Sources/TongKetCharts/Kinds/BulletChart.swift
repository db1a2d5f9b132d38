import TongKetAnalytics

/// 7. The province's result for each indicator of a field (or any set of indicators) on one
/// page: the value against its target, a ceiling against its limit.
struct BulletChart {
    let data: ChartData
    let indicators: [Int32]
    let year: Int
    /// The field or group the page is about, for its title.
    let section: String?

    func spec(_ w: ChartWords) -> ChartSpec {
        let byIndicator = Dictionary(data.provinceFigures(year: year).map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
        let figures = indicators.compactMap { byIndicator[$0] }
        let words = data.words(w)
        let rows = figures.map { f -> BulletPlot.Row in
            let ceiling = f.direction == .lower
            let tone: Tone = f.status == .met ? .met : f.status == .notMet ? .notMet : .undefined
            let label = words.shortActual(f) + " · " + words.shortVerdict(f)
                + data.formulaSuffix(f.indicator, w)
            return .init(label: data.shortName(f.indicator), actual: f.actual, target: f.target, ceiling: ceiling, tone: tone, valueLabel: label)
        }
        let met = figures.filter { $0.status == .met }.count, defined = figures.filter { $0.status != .undefined }.count
        var legend = [LegendEntry(words.met, .met), LegendEntry(words.notMet, .notMet),
                      LegendEntry(w.pick("kế hoạch", "target"), .reference, symbol: .line)]
        if figures.contains(where: { $0.direction == .lower && $0.target != nil }) { legend.append(LegendEntry(w.pick("mức trần", "ceiling"), .target, symbol: .line)) }
        return ChartSpec(title: section ?? (data.metrics.unit == nil ? w.pick("Kết quả các chỉ tiêu toàn tỉnh", "The province's indicators") : w.pick("Kết quả các chỉ tiêu so với kế hoạch", "The indicators against their targets")),
                         subtitle: w.pick("\(data.When(year, w)) · \(data.words(w).scope) so với kế hoạch · đạt \(met)/\(defined) chỉ tiêu có kế hoạch",
                                          "\(data.When(year, w)) · the province against its targets · \(met) of \(defined) targets met")
                            + (data.attribution(figures.map(\.indicator), w).map { " · " + $0 } ?? ""),
                         note: data.note(figures, w), plot: .bullets(BulletPlot(rows: rows, legend: legend)))
    }
}
