import TongKetAnalytics

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
            let word = data.formulaWords(province.indicator, c).map { c.pick("toàn tỉnh (\($0.short))", "province (\($0.short))") } ?? c.pick("toàn tỉnh", "province")
            subtitle += " · \(word) " + data.value(province.actual, province, n) + " (" + data.change(province, n) + ")"
        }
        let frame = ChartFrame(title: title, subtitle: subtitle, note: data.assumptionNote([indicator], c), context: c)
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
