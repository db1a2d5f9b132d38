import TongKetAnalytics

/// The "so với cùng kỳ" table: the province's indicators this year against last, in the
/// office's order — last year's figure, this year's, and the change (in points for a rate),
/// coloured by whether it went the better way.
struct ComparisonChart {
    let data: ChartData
    let year: Int
    /// These indicators, in this order (empty: every one the province has both years of).
    let indicators: [Int32]
    /// "(tiếp)" on a second page.
    let section: String?

    /// A slide holds this many rows legibly; a longer table goes on two pages.
    static let rowsPerPage = 20

    func spec(_ w: ChartWords) -> ChartSpec {
        let words = data.words(w)
        let figures = data.provinceFigures(year: year)
        let ids = indicators.isEmpty ? data.metrics.inOfficeOrder(figures.filter { $0.previousActual != nil }.map(\.indicator)) : indicators
        let rows = ids.compactMap { id in figures.first { $0.indicator == id } }.map { f -> TablePlot.Row in
            let previous = f.previousActual.map { words.value($0, f) } ?? w.numbers.undefined
            let tone: Tone? = f.yoyDelta.flatMap { delta in
                guard delta != 0, f.direction != .neutral else { return nil }
                return (delta > 0) == (f.direction == .higher) ? .met : .notMet
            }
            return .init(label: data.shortName(f.indicator), cells: [previous, words.shortActual(f), words.change(f)], tones: [nil, nil, tone])
        }
        let before = data.metrics.table.period.isWholeYear ? w.pick("Năm \(year - 1)", "\(year - 1)") : w.pick("Cùng kỳ \(year - 1)", "Same period \(year - 1)")
        let plot = TablePlot(labelHeader: w.pick("Chỉ tiêu", "Indicator"), columns: [before, data.When(year, w), w.pick("Tăng, giảm", "Change")], rows: rows)
        let title = (section ?? w.pick("So với cùng kỳ", "Against the same period last year"))
        let subtitle = w.pick("\(words.Scope) \(data.when(year, w)) so với \(words.before(year)) · tỷ lệ: chênh lệch điểm % · màu: chuyển biến tốt / chưa tốt",
                              "The province, \(data.when(year, w)) against \(words.before(year)) · rates: change in points · colour: for the better / the worse")
        return ChartSpec(title: title, subtitle: subtitle, note: data.note(figures.filter { ids.contains($0.indicator) && $0.flagged }, w), plot: .table(plot))
    }
}
