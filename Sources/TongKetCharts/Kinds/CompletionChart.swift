import TongKetAnalytics

/// 2. Completion of one indicator's target per unit, met and not met in their colours.
struct CompletionChart {
    let data: ChartData
    let indicator: Int32
    let year: Int

    func spec(_ w: ChartWords) -> ChartSpec {
        let n = w.numbers
        let figures = data.unitFigures(indicator: indicator, year: year)
            .sorted { ($0.completion ?? -1, data.name($1)) > ($1.completion ?? -1, data.name($0)) }
        let ceiling = figures.first?.direction == .lower
        var subtitle = w.pick("Tỷ lệ hoàn thành kế hoạch năm \(year), theo đơn vị", "Completion of the \(year) target, by unit")
        if ceiling { subtitle += w.pick(" · chỉ tiêu trần: đạt khi không vượt kế hoạch", " · a ceiling: met when not above the target") }
        if let province = data.provinceFigures(indicator: indicator).first(where: { $0.year == year }), let completion = province.completion {
            subtitle += w.pick(" · toàn tỉnh \(n.percent(completion))", " · province \(n.percent(completion))")
            if let words = data.formulaWords(province.indicator, w) { subtitle += " (" + words.long + ")" }
        }
        let rows = figures.map { f -> BarPlot.Row in
            let tone: Tone = f.status == .met ? .met : f.status == .notMet ? .notMet : .undefined
            // "132 / 117 bị can": achieved over target, the measure once.
            let note = f.target.map { n.number(f.actual) + " / " + data.value($0, f, n) } ?? data.value(f.actual, f, n)
            return .init(label: data.name(f), bars: [.init(value: f.completion.map { $0 * 100 }, tone: tone, label: f.completion.map(n.percent) ?? n.undefined)],
                         note: note, noteTone: .secondaryText)
        }
        let plot = BarPlot(rows: rows, rule: RuleMark(value: 100, label: w.pick("Kế hoạch (100 %)", "Target (100 %)")),
                           legend: [LegendEntry(w.pick("đạt", "met"), .met), LegendEntry(w.pick("không đạt", "not met"), .notMet)],
                           axis: .percentPoints, minimumUpper: 100)
        return ChartSpec(title: data.indicator(indicator), subtitle: subtitle, note: data.assumptionNote([indicator], w), plot: .bars(plot))
    }
}
