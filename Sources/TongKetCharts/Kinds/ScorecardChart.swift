import TongKetAnalytics

/// 1. Share of assigned targets met, per unit, best first, with the 100 % line.
struct ScorecardChart {
    let data: ChartData
    let year: Int

    func spec(_ w: ChartWords) -> ChartSpec {
        let n = w.numbers
        let province = Scorecard.province(data.metrics, year: year)
        var subtitle = w.pick("\(data.When(year, w))", "\(data.When(year, w))")
        if let ratio = province.ratio {
            subtitle += w.pick(" · toàn tỉnh đạt \(province.met)/\(province.defined) chỉ tiêu (\(n.percent(ratio)))",
                               " · province: \(province.met) of \(province.defined) targets met (\(n.percent(ratio)))")
        }
        let scored = Set(data.metrics.figures(year: year).filter { $0.status != .undefined }.map(\.indicator))
        let rows = Ranking.units(data.metrics, year: year).map { card -> BarPlot.Row in
            let name = data.table.units[Int(card.unit)]
            guard let ratio = card.ratio else {
                return .init(label: name, bars: [.init(value: nil, tone: .met, label: w.pick("không có chỉ tiêu", "no targets"))])
            }
            return .init(label: name, bars: [.init(value: ratio * 100, tone: ratio >= 1 ? .met : .notMet, label: "\(card.met)/\(card.defined) · " + n.percent(ratio))])
        }
        let plot = BarPlot(rows: rows, rule: RuleMark(value: 100, label: w.pick("100 % chỉ tiêu", "100 % of targets")),
                           legend: [LegendEntry(w.pick("đạt toàn bộ", "all met"), .met), LegendEntry(w.pick("chưa đạt toàn bộ", "some missed"), .notMet)],
                           axis: .percentPoints, minimumUpper: 100)
        return ChartSpec(title: w.pick("Tỷ lệ chỉ tiêu được giao đã đạt, theo đơn vị", "Share of assigned targets met, by unit"),
                         subtitle: subtitle, note: data.assumptionNote(Array(scored), w), plot: .bars(plot))
    }
}
