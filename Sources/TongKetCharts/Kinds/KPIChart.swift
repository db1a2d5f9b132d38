import TongKetAnalytics
import TongKetData

/// 6. Headline tiles for the province: the figure, its measure, the change against last
/// year with an arrow, and the completion of the target.
struct KPIChart {
    let data: ChartData
    let year: Int
    /// A slide holds eight tiles legibly; the rest are in the other charts.
    static let maximumTiles = 8

    func spec(_ w: ChartWords) -> ChartSpec {
        let n = w.numbers
        // The headline indicators (the catalogue's, else by the rule of `Headlines`).
        let byIndicator = Dictionary(data.provinceFigures(year: year).map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
        let figures = Headlines.ranked(data.metrics, year: year).compactMap { byIndicator[$0] }.prefix(Self.maximumTiles)
        let tiles = figures.map { f in
            TilePlot.Tile(
                name: data.indicator(f.indicator) + data.formulaSuffix(f.indicator, w),
                figure: n.number(f.actual),
                measure: data.isRate(f) ? "%" : data.metrics.measureName(f),
                change: data.change(f, n) + " " + w.pick("so với \(year - 1)", "vs \(year - 1)"),
                arrow: f.yoyDelta.flatMap { $0 == 0 ? nil : (up: $0 > 0, better: ($0 > 0) == (f.direction == .higher)) },
                verdict: (f.estimated ? w.pick("ước · ", "estimate · ") : "") + verdict(f, w), verdictTone: f.status == .notMet ? .notMet : .text)
        }
        return ChartSpec(title: w.pick("Kết quả nổi bật toàn tỉnh năm \(year)", "Province highlights, \(year)"),
                         subtitle: w.pick("So với năm \(year - 1); mũi tên xanh: chuyển biến tốt", "Compared with \(year - 1); blue arrow: a change for the better"),
                         note: data.assumptionNote(figures.map(\.indicator), w), plot: .tiles(TilePlot(tiles: Array(tiles))))
    }

    /// A ceiling reads as the value against its limit: "77,6 % kế hoạch" would read as a shortfall.
    private func verdict(_ f: Figures, _ w: ChartWords) -> String {
        let n = w.numbers
        switch (f.completion, f.status) {
        case (_, .met) where f.direction == .lower:
            return w.pick("trong giới hạn (trần ", "within the ceiling (") + data.value(f.target ?? 0, f, n) + ")"
        case (_, .notMet) where f.direction == .lower:
            return w.pick("vượt trần ", "above the ceiling of ") + data.value(f.target ?? 0, f, n)
        case let (ratio?, status):
            return w.pick("đạt \(n.completion(ratio)) kế hoạch", "\(n.completion(ratio)) of target") + (status == .notMet ? w.pick(" · chưa đạt", " · not met") : "")
        case (nil, .met): return w.pick("đạt (không vượt trần)", "met (within the ceiling)")
        case (nil, .notMet): return w.pick("vượt trần", "above the ceiling")
        default: return w.pick("không có kế hoạch", "no target")
        }
    }
}
