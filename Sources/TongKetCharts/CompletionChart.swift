import TongKetAnalytics

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
            if let words = data.formulaWords(province.indicator, c) { subtitle += " (" + words.long + ")" }
        }
        let frame = ChartFrame(title: title, subtitle: subtitle, note: data.assumptionNote([indicator], c), context: c)
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
