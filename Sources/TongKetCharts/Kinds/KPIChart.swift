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
        // The headline indicators (the catalogue's, else by the rule of `Headlines`).
        let byIndicator = Dictionary(data.provinceFigures(year: year).map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
        let figures = Headlines.shown(data.metrics, year: year, count: Self.maximumTiles).compactMap { byIndicator[$0] }
        let words = data.words(w)
        let tiles = figures.map { f in
            TilePlot.Tile(
                name: data.shortName(f.indicator) + data.formulaSuffix(f.indicator, w),
                figure: words.number(f),
                measure: data.isRate(f) ? "%" : data.metrics.measureName(f),
                change: words.change(f) + " " + w.pick("so với \(data.table.period.isWholeYear ? "" : "cùng kỳ ")\(year - 1)", "vs \(year - 1)"),
                arrow: f.yoyDelta.flatMap { $0 == 0 || f.direction == .neutral ? nil : (up: $0 > 0, better: ($0 > 0) == (f.direction == .higher)) },
                verdict: words.flagPrefix(f) + (f.estimated ? w.pick("ước · ", "estimate · ") : "") + words.shortVerdict(f),
                verdictTone: f.status == .notMet || f.flagged ? .notMet : .text)
        }
        return ChartSpec(title: data.metrics.unit == nil ? w.pick("Kết quả nổi bật toàn tỉnh \(data.when(year, w))", "Province highlights, \(data.when(year, w))")
                                    : w.pick("Kết quả nổi bật \(data.when(year, w))", "Highlights, \(data.when(year, w))"),
                         subtitle: w.pick("So với \(data.before(year, w)); mũi tên xanh: chuyển biến tốt",
                                          "Compared with \(data.before(year, w)); blue arrow: a change for the better")
                            + (data.attribution(figures.map(\.indicator), w).map { " · " + $0 } ?? ""),
                         note: data.note(Array(figures), w), plot: .tiles(TilePlot(tiles: Array(tiles))))
    }
}
