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
        let figures = data.metrics.figures(year: year).filter { $0.scope == .unit && wanted.contains($0.indicator) }
        let present = Set(figures.map(\.indicator))
        let rows = wanted.filter(present.contains)
        var units = Array(Set(figures.map(\.unit))).sorted { NameOrder.precedes(data.table.units[Int($0)], data.table.units[Int($1)]) }
        let hidden = max(0, units.count - Self.maximumColumns)
        units = Array(units.prefix(Self.maximumColumns))
        var byCell: [Int64: Figures] = [:]
        for f in figures { byCell[Int64(f.unit) << 32 | Int64(f.indicator)] = f }
        let cells = rows.map { indicator in
            units.map { unit -> CellPlot.Cell? in
                guard let f = byCell[Int64(unit) << 32 | Int64(indicator)] else { return nil }
                guard let completion = f.completion else { return CellPlot.Cell(score: nil, text: w.numbers.undefined) }
                if f.direction == .lower {
                    // Kept under the limit is good: the score is limit / value.
                    let score = completion > 0 ? 1 / completion : DivergingColors.high
                    return CellPlot.Cell(score: score, text: data.actual(f, w.numbers))
                }
                return CellPlot.Cell(score: completion, text: w.percentPoints(completion * 100))
            }
        }
        // The ends hold everything beyond them. (No "≤ ≥": Noto Sans lacks them.)
        let scale = [0.5, 0.75, 1.0, 1.25, 1.5].map { score in
            (score: score, label: score == 0.5 ? w.pick("50 % kế hoạch trở xuống", "50 % of target or less") : score == 1.5 ? w.pick("150 % trở lên", "150 % or more") : w.percentPoints(score * 100))
        }
        let ceilings = rows.contains { data.metrics.profile($0).direction == .lower }
        var subtitle = w.pick("Năm \(year) · tỷ lệ hoàn thành kế hoạch theo chỉ tiêu và đơn vị: cam dưới, xanh vượt · — : không có kế hoạch",
                              "\(year) · completion of the target by indicator and unit: orange below, blue above · —: no target")
        if ceilings { subtitle += w.pick(" · chỉ tiêu trần ghi giá trị, xanh khi dưới trần", " · ceilings show their value, blue when under the limit") }
        if hidden > 0 { subtitle += w.pick(" · \(hidden) đơn vị khác không hiển thị", " · \(hidden) more units not shown") }
        let plot = CellPlot(rows: rows.map(data.shortName), columns: ShortNames.distinct(units.map(data.unitShortName)), cells: cells, scale: scale,
                            overflow: w.pick("… và %d chỉ tiêu khác", "… and %d more indicators"))
        let title = section ?? w.pick("Tỷ lệ hoàn thành kế hoạch theo chỉ tiêu và đơn vị", "Completion of targets by indicator and unit")
        return ChartSpec(title: title, subtitle: subtitle, note: data.assumptionNote(rows, w), plot: .cells(plot))
    }
}
