import TongKetAnalytics

/// 1. Share of assigned targets met, per unit, best first (within each group, under its
/// label), with the 100 % line.
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
        let scored = Set(data.metrics.figureRows(year: year).filter { $0.status != .undefined }.map(\.indicator))
        let ranked = Ranking.units(data.metrics, year: year).map { card -> BarPlot.Row in
            let name = data.table.units[Int(card.unit)]
            guard let ratio = card.ratio else {
                return .init(label: name, bars: [.init(value: nil, tone: .met, label: w.pick("không có chỉ tiêu", "no targets"))])
            }
            return .init(label: name, bars: [.init(value: ratio * 100, tone: ratio >= 1 ? .met : .notMet, label: "\(card.met)/\(card.defined) · " + n.percent(ratio))])
        }
        // Like with like: with several groups (departments, district offices) each is ranked
        // under its label, the groups in the files' order.
        let cards = Ranking.units(data.metrics, year: year)
        let groups = cards.map { data.metrics.interpretation.units[Int($0.unit)].group }
        var rows = ranked
        if Set(groups.compactMap { $0 }).count > 1 {
            let order = data.metrics.unitsInOfficeOrder(cards.map(\.unit)).map { data.metrics.interpretation.units[Int($0)].group }
            var seen: [String?] = []
            for group in order where !seen.contains(group) { seen.append(group) }
            rows = seen.flatMap { group in
                [BarPlot.Row(label: group.map { UnitGroup.label($0, w.language) } ?? w.pick("Các đơn vị khác", "Other units"), bars: [], heading: true)]
                    + zip(groups, ranked).filter { $0.0 == group }.map(\.1)
            }
        }
        let plot = BarPlot(rows: rows, rule: ReferenceLine(value: 100, label: w.pick("100 % chỉ tiêu", "100 % of targets")),
                           legend: [LegendEntry(w.pick("đạt toàn bộ", "all met"), .met), LegendEntry(w.pick("chưa đạt toàn bộ", "some missed"), .notMet)],
                           axis: .percentPoints, minimumUpper: 100)
        return ChartSpec(title: w.pick("Tỷ lệ chỉ tiêu được giao đã đạt, theo đơn vị", "Share of assigned targets met, by unit"),
                         subtitle: subtitle, note: nil, plot: .bars(plot))
    }
}
