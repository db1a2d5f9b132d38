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
        let frame = ChartFrame(title: title, subtitle: subtitle, context: c)
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

/// 2. Completion of one indicator's target per unit, met and not met in their colours.
struct CompletionChart {
    let data: ChartData
    let indicator: Int32
    let year: Int

    func scene(_ c: ChartContext) -> Scene {
        let n = c.numbers
        let name = data.indicator(indicator)
        let figures = data.unitFigures(indicator: indicator, year: year)
            .sorted { ($0.completion ?? -1, data.name($1)) > ($1.completion ?? -1, data.name($0)) }
        let ceiling = figures.first?.direction == .lower
        let title = name
        var subtitle = c.pick("Tỷ lệ hoàn thành kế hoạch năm \(year), theo đơn vị", "Completion of the \(year) target, by unit")
        if ceiling { subtitle += c.pick(" · chỉ tiêu trần: đạt khi không vượt kế hoạch", " · a ceiling: met when not above the target") }
        if let province = data.provinceFigures(indicator: indicator).first(where: { $0.year == year }), let completion = province.completion {
            subtitle += c.pick(" · toàn tỉnh \(n.percent(completion))", " · province \(n.percent(completion))")
            if data.metrics.isMean(province) { subtitle += c.pick(" (trung bình các đơn vị)", " (mean of units)") }
        }
        let frame = ChartFrame(title: title, subtitle: subtitle, context: c)
        let rows = figures.map { f -> HorizontalBars.Row in
            let color = f.status == .met ? c.theme.met : f.status == .notMet ? c.theme.notMet : c.theme.secondaryText
            // "132 / 117 bị can": achieved over target, the measure once.
            let note = f.target.map { n.number(f.actual) + " / " + data.value($0, f, n) } ?? data.value(f.actual, f, n)
            return .init(label: data.name(f), bars: [.init(value: f.completion.map { $0 * 100 }, color: color, label: f.completion.map(n.percent) ?? n.undefined)],
                         note: note, noteColor: c.theme.secondaryText)
        }
        let bars = HorizontalBars(rows: rows, reference: (100, c.pick("Kế hoạch (100 %)", "Target (100 %)")),
                                  legend: [(c.pick("đạt", "met"), c.theme.met), (c.pick("không đạt", "not met"), c.theme.notMet)],
                                  axisLabel: { n.number($0, fractionDigits: 0) + (c.language == .vi ? " %" : "%") }, minimumUpper: 100)
        return Scene(context: c, frame: frame, items: bars.layout(in: frame.plot, context: c), title: title, subject: subtitle)
    }
}

/// 3. One indicator per unit: last year's and this year's value side by side, and the change.
struct YearOverYearChart {
    let data: ChartData
    let indicator: Int32
    let year: Int

    func scene(_ c: ChartContext) -> Scene {
        let n = c.numbers
        let name = data.indicator(indicator)
        let figures = data.unitFigures(indicator: indicator, year: year).sorted { ($0.actual, data.name($1)) > ($1.actual, data.name($0)) }
        let title = name
        var subtitle = c.pick("Năm \(year) so với năm \(year - 1), theo đơn vị", "\(year) compared with \(year - 1), by unit")
        if let province = data.provinceFigures(indicator: indicator).first(where: { $0.year == year }) {
            let word = data.metrics.isMean(province) ? c.pick("trung bình toàn tỉnh", "province mean") : c.pick("toàn tỉnh", "province")
            subtitle += " · \(word) " + data.value(province.actual, province, n) + " (" + data.change(province, n) + ")"
        }
        let frame = ChartFrame(title: title, subtitle: subtitle, context: c)
        let rows = figures.map { f -> HorizontalBars.Row in
            .init(label: data.name(f), bars: [
                .init(value: f.previousActual, color: c.theme.previous, label: f.previousActual.map { n.number($0) } ?? n.undefined),
                .init(value: f.actual, color: c.theme.current, label: n.number(f.actual)),
            ], note: data.change(f, n))
        }
        let bars = HorizontalBars(rows: rows, reference: nil,
                                  legend: [(String(year - 1), c.theme.previous), (String(year), c.theme.current)],
                                  axisLabel: { n.number($0) })
        return Scene(context: c, frame: frame, items: bars.layout(in: frame.plot, context: c), title: title, subject: subtitle)
    }
}
