import TongKetAnalytics

/// 3. One indicator per unit: last year's and this year's value side by side, and the change.
struct YearOverYearChart {
    let data: ChartData
    let indicator: Int32
    let year: Int

    func spec(_ w: ChartWords) -> ChartSpec {
        let n = w.numbers
        let figures = data.unitFigures(indicator: indicator, year: year).sorted { ($0.actual, data.name($1)) > ($1.actual, data.name($0)) }
        var subtitle = w.pick("\(data.When(year, w)) so với \(data.before(year, w)), theo đơn vị", "\(data.When(year, w)) compared with \(data.before(year, w)), by unit")
        if let province = data.provinceFigures(indicator: indicator).first(where: { $0.year == year }) {
            let word = data.formulaWords(province.indicator, w).map { w.pick("toàn tỉnh (\($0.short))", "province (\($0.short))") } ?? w.pick("toàn tỉnh", "province")
            subtitle += " · \(word) " + data.words(w).actual(province) + " (" + data.words(w).change(province) + ")"
        }
        let rows = figures.map { f -> BarPlot.Row in
            .init(label: data.name(f), bars: [
                .init(value: f.previousActual, tone: .previous, label: f.previousActual.map { n.number($0) } ?? n.undefined),
                .init(value: f.actual, tone: .current, label: data.words(w).flagPrefix(f) + n.number(f.actual) + (f.estimated ? n.estimateMark : "")),
            ], note: data.words(w).change(f), noteTone: f.flagged ? .notMet : nil)
        }
        let plot = BarPlot(rows: rows, legend: [LegendEntry(String(year - 1), .previous), LegendEntry(String(year), .current)])
        return ChartSpec(title: data.indicator(indicator), subtitle: subtitle, note: nil, plot: .bars(plot))
    }
}
