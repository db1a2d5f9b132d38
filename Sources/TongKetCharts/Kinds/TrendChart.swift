import TongKetAnalytics

/// 4. The province total of one indicator over every year, with its target dashed.
struct TrendChart {
    let data: ChartData
    let indicator: Int32
    let year: Int

    func spec(_ w: ChartWords) -> ChartSpec {
        let series = data.provinceFigures(indicator: indicator).filter { $0.year <= year }
        let first = series.first?.year ?? year
        let formed = data.formulaWords(indicator, w).map { $0.long.prefix(1).uppercased() + $0.long.dropFirst() }
        let subtitle = (formed ?? w.pick("Tổng toàn tỉnh", "Province total"))
            + w.pick(", \(first)–\(year); kế hoạch nét đứt", ", \(first)–\(year); target dashed")
        let plot = LinePlot(
            categories: series.map { String($0.year) },
            series: [
                .init(tone: .target, dashed: true, values: series.map(\.target)),
                .init(tone: .current, values: series.map(\.actual), labels: series.map { data.actual($0, w.numbers) }),
            ],
            legend: [LegendEntry(w.pick("Thực hiện", "Actual"), .current, symbol: .line), LegendEntry(w.pick("Kế hoạch", "Target"), .target, symbol: .dashedLine)])
        return ChartSpec(title: data.indicator(indicator), subtitle: subtitle, note: data.assumptionNote([indicator], w), plot: .lines(plot))
    }
}
