import TongKetData
import TongKetAnalytics

/// 5. Units × indicators, each cell the completion of the target, coloured on a scale
/// centred on 100 %, with the value written in a colour that reads on the fill.
struct HeatmapChart {
    let data: ChartData
    let year: Int

    func spec(_ w: ChartWords) -> ChartSpec {
        let figures = data.metrics.figures(year: year).filter { $0.scope == .unit }
        let units = Array(Set(figures.map(\.unit))).sorted { NameOrder.precedes(data.table.units[Int($0)], data.table.units[Int($1)]) }
        let indicators = Array(Set(figures.map(\.indicator))).sorted { data.table.indicators[Int($0)] < data.table.indicators[Int($1)] }
        var byCell: [Int64: Figures] = [:]
        for f in figures { byCell[Int64(f.unit) << 32 | Int64(f.indicator)] = f }
        let cells = units.map { unit in
            indicators.map { indicator -> CellPlot.Cell? in
                guard let f = byCell[Int64(unit) << 32 | Int64(indicator)] else { return nil }
                // Ceilings are scored by how well they were kept: under the ceiling is good.
                let score = f.completion.map { f.direction == .lower ? ($0 > 0 ? 1 / $0 : DivergingColors.high) : $0 }
                return CellPlot.Cell(score: score, text: f.completion.map { w.percentPoints($0 * 100) } ?? w.numbers.undefined)
            }
        }
        // The ends hold everything beyond them; the subtitle says which side is which.
        // (No "≤ ≥": Noto Sans lacks them, and a borrowed glyph would not match.)
        let scale = [0.5, 0.75, 1.0, 1.25, 1.5].map { score in
            (score: score, label: w.percentPoints(score * 100) + (score == 0.5 ? w.pick(" trở xuống", " or less") : score == 1.5 ? w.pick(" trở lên", " or more") : ""))
        }
        let plot = CellPlot(rows: units.map { data.table.units[Int($0)] }, columns: indicators.map { data.table.indicators[Int($0)] }, cells: cells, scale: scale)
        return ChartSpec(title: w.pick("Tỷ lệ hoàn thành kế hoạch theo đơn vị và chỉ tiêu", "Completion of targets by unit and indicator"),
                         subtitle: w.pick("Năm \(year) · màu cam: dưới kế hoạch, màu xanh: vượt kế hoạch · — : không có kế hoạch",
                                          "\(year) · orange: below target, blue: above · —: no target"),
                         note: data.assumptionNote(indicators, w), plot: .cells(plot))
    }
}
