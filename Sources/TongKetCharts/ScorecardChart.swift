import TongKetAnalytics

/// 1. Share of assigned targets met, per unit, best first, with the 100 % line.
struct ScorecardChart {
    let data: ChartData
    let year: Int

    func scene(_ c: ChartContext) -> Scene {
        let n = c.numbers
        let cards = Ranking.units(data.metrics, year: year)
        let province = Scorecard.province(data.metrics, year: year)
        let title = c.pick("Tỷ lệ chỉ tiêu được giao đã đạt, theo đơn vị", "Share of assigned targets met, by unit")
        var subtitle = c.pick("Năm \(year)", "\(year)")
        if let ratio = province.ratio {
            subtitle += c.pick(" · toàn tỉnh đạt \(province.met)/\(province.defined) chỉ tiêu (\(n.percent(ratio)))",
                               " · province: \(province.met) of \(province.defined) targets met (\(n.percent(ratio)))")
        }
        let scored = Set(data.metrics.figures(year: year).filter { $0.status != .undefined }.map(\.indicator))
        let frame = ChartFrame(title: title, subtitle: subtitle, note: data.assumptionNote(Array(scored), c), context: c)
        let rows = cards.map { card -> HorizontalBars.Row in
            let name = data.table.units[Int(card.unit)]
            guard let ratio = card.ratio else {
                return .init(label: name, bars: [.init(value: nil, color: c.theme.met, label: c.pick("không có chỉ tiêu", "no targets"))])
            }
            let color = ratio >= 1 ? c.theme.met : c.theme.notMet
            return .init(label: name, bars: [.init(value: ratio * 100, color: color, label: "\(card.met)/\(card.defined) · " + n.percent(ratio))])
        }
        let bars = HorizontalBars(rows: rows, reference: (100, c.pick("100 % chỉ tiêu", "100 % of targets")),
                                  legend: [(c.pick("đạt toàn bộ", "all met"), c.theme.met), (c.pick("chưa đạt toàn bộ", "some missed"), c.theme.notMet)],
                                  axisLabel: { n.number($0, fractionDigits: 0) + (c.language == .vi ? " %" : "%") }, minimumUpper: 100)
        let items = bars.layout(in: frame.plot, context: c)
        return Scene(context: c, frame: frame, items: items, title: title, subject: subtitle)
    }
}
