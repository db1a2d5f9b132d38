import TongKetData
import TongKetAnalytics

/// 5. Indicators × units, each cell the unit's result on its target, coloured on a scale
/// centred on the target, with the figure written in an ink that reads on the fill. One row
/// per indicator (its name has room on the left), one column per unit (names shortened by
/// the words all of them share); a unit or indicator with no figure has no row or column.
/// A ceiling's cell holds its value and is coloured by how far it stayed under its limit.
struct HeatmapChart {
    let data: ChartData
    let year: Int
    /// These indicators only, in this order (empty: every one reported in the year).
    let indicators: [Int32]
    let section: String?
    /// Columns a slide holds with their names legible.
    static let maximumColumns = 14

    func spec(_ w: ChartWords) -> ChartSpec {
        let wanted = indicators.isEmpty ? data.indicatorsReported(year: year) : indicators
        let figures = data.metrics.figureRows(year: year).filter { $0.scope == .unit && wanted.contains($0.indicator) }
        let present = Set(figures.map(\.indicator))
        // A workload count is never judged: it has no row on a map of completion.
        let rows = wanted.filter { present.contains($0) && data.metrics.profile($0).direction != .neutral }
        var units = Array(Set(figures.map(\.unit))).sorted { NameOrder.precedes(data.table.units[Int($0)], data.table.units[Int($1)]) }
        let hidden = max(0, units.count - Self.maximumColumns)
        units = Array(units.prefix(Self.maximumColumns))
        var byCell: [Int64: FigureRow] = [:]
        for f in figures { byCell[Int64(f.unit) << 32 | Int64(f.indicator)] = f }
        let cells = rows.map { indicator in
            units.map { unit -> CellPlot.Cell? in
                guard let f = byCell[Int64(unit) << 32 | Int64(indicator)] else { return nil }
                let mark = data.words(w).flagPrefix(f)
                // A ceiling of 0: kept at 0 is met, anything above it is not.
                if f.direction == .lower, f.target == 0 {
                    return CellPlot.Cell(score: f.actual == 0 ? DivergingColors.high : 0.5, text: mark + data.actual(f, w.numbers))
                }
                guard let completion = f.completion else { return CellPlot.Cell(score: nil, text: w.numbers.undefined) }
                if f.direction == .lower {
                    // Kept under the limit is good: the score is limit / value.
                    let score = completion > 0 ? 1 / completion : DivergingColors.high
                    return CellPlot.Cell(score: score, text: mark + data.actual(f, w.numbers))
                }
                // A rate is shown as itself (coloured by how it stands to its threshold), never as a ratio of rates.
                if data.isRate(f) { return CellPlot.Cell(score: completion, text: mark + data.actual(f, w.numbers)) }
                return CellPlot.Cell(score: completion, text: mark + w.percentPoints(completion * 100))
            }
        }
        // The ends hold everything beyond them. (No "≤ ≥": Noto Sans lacks them.)
        let scale = [0.5, 0.75, 1.0, 1.25, 1.5].map { score in
            (score: score, label: score == 0.5 ? w.pick("50 % kế hoạch trở xuống", "50 % of target or less") : score == 1.5 ? w.pick("150 % trở lên", "150 % or more") : w.percentPoints(score * 100))
        }
        let ceilings = rows.contains { data.metrics.profile($0).direction == .lower }
        var subtitle = w.pick("\(data.When(year, w)) · tỷ lệ hoàn thành kế hoạch theo chỉ tiêu và đơn vị: cam dưới, xanh vượt · — : không có kế hoạch",
                              "\(data.When(year, w)) · completion of the target by indicator and unit: orange below, blue above · —: no target")
        if ceilings { subtitle += w.pick(" · chỉ tiêu trần ghi giá trị, xanh khi dưới trần", " · ceilings show their value, blue when under the limit") }
        if rows.contains(where: { data.metrics.profile($0).isRate && data.metrics.profile($0).direction == .higher }) {
            subtitle += w.pick(" · tỷ lệ ghi giá trị, màu theo mức kế hoạch", " · rates show their value, coloured against their threshold")
        }
        if hidden > 0 { subtitle += w.pick(" · \(hidden) đơn vị khác không hiển thị", " · \(hidden) more units not shown") }
        let plot = CellPlot(rows: rows.map(data.shortName), columns: ShortNames.distinct(units.map(data.unitShortName)), cells: cells, scale: scale,
                            overflow: { w.pick("và \($0) chỉ tiêu khác", "and \($0) more indicators") })
        let title = section ?? w.pick("Tỷ lệ hoàn thành kế hoạch theo chỉ tiêu và đơn vị", "Completion of targets by indicator and unit")
        let flagged = figures.contains(where: \.flagged) ? [data.words(w).flagNote] : []
        let note = flagged.joined(separator: " · ")
        return ChartSpec(title: title, subtitle: subtitle, note: note.isEmpty ? nil : note, plot: .cells(plot))
    }
}
