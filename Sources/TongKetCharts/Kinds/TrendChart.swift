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
        // The office's own figures, a rate's province figure, or a total.
        let published = !series.isEmpty && series.allSatisfy(\.published)
        let words = data.words(w)
        let plain = published ? w.pick("Số tổng hợp của đơn vị", "The office's own figures")
            : series.first.map(words.isRate) == true ? w.pick("Toàn tỉnh", "Province") : w.pick("Tổng toàn tỉnh", "Province total")
        let subtitle = (formed ?? plain)
            + w.pick(", \(first)–\(year); kế hoạch nét đứt", ", \(first)–\(year); target dashed")
        var plot = LinePlot(
            categories: series.map { String($0.year) },
            series: [
                .init(tone: .target, dashed: true, values: series.map(\.target)),
                // Each year's value to the decimals its verdict needs (99,77 %, never "99,8 %" beside a 99,8 % target).
                .init(tone: .current, values: series.map(\.actual), labels: series.map(words.shortActual)),
            ],
            legend: [LegendEntry(w.pick("Thực hiện", "Actual"), .current, symbol: .line), LegendEntry(w.pick("Kế hoạch", "Target"), .target, symbol: .dashedLine)])
        plot.percent = series.first.map(words.isRate) ?? false
        let noted = series.filter(\.flagged) + (series.last.map { $0.flagged ? [] : [$0] } ?? [])
        return ChartSpec(title: data.indicator(indicator), subtitle: subtitle, note: data.note(noted, w), plot: .lines(plot))
    }
}
