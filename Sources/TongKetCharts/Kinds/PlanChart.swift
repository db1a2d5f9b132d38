import TongKetAnalytics

/// "Phương hướng, nhiệm vụ năm 2025": next year's targets for the province, in the office's
/// order, beside this year's result and how far the plan goes past it (in points for a rate).
/// A plan is not yet met or missed, so nothing is coloured.
struct PlanChart {
    let data: ChartData
    /// The reviewed year; the plan is the year after.
    let year: Int
    /// These indicators, in this order (empty: every one the plan holds).
    let indicators: [Int32]
    /// "(tiếp)" on a second page.
    let section: String?

    func spec(_ w: ChartWords) -> ChartSpec {
        let words = data.words(w)
        let plan = data.metrics.plannedTargets(year: year + 1)
        let chosen = indicators.isEmpty ? plan : indicators.compactMap { id in plan.first { $0.indicator == id } }
        let rows = chosen.map { p -> TablePlot.Row in
            let f = p.figures
            let current = f.previousActual.map { words.value($0, f) } ?? w.numbers.undefined
            // A ceiling's plan is a limit.
            let planned = (f.direction == .lower && p.target > 0 ? "≤ " : "") + words.value(p.target, f)
            return .init(label: data.shortName(p.indicator), cells: [current, planned, words.change(f)])
        }
        let plot = TablePlot(labelHeader: w.pick("Chỉ tiêu", "Indicator"),
                             columns: [w.pick("Thực hiện \(year)", "Result \(year)"), w.pick("Kế hoạch \(year + 1)", "Target \(year + 1)"),
                                       w.pick("So với \(year)", "Against \(year)")], rows: rows)
        let title = section ?? words.planTitle(year + 1)
        let subtitle = data.metrics.unit != nil ? w.pick("Chỉ tiêu kế hoạch năm \(year + 1) được giao so với kết quả năm \(year)", "The targets for \(year + 1) against the results of \(year)") : w.pick("Chỉ tiêu kế hoạch năm \(year + 1) của toàn tỉnh (tổng kế hoạch giao các đơn vị; tỷ lệ: mức chung) so với kết quả năm \(year)",
                              "The province's targets for \(year + 1) (the sum of those assigned to the units; rates: their shared level) against the results of \(year)")
        return ChartSpec(title: title, subtitle: subtitle, plot: .table(plot))
    }

}
