import TongKetAnalytics

/// 8. What was not met ("tồn tại, hạn chế"): every missed target, the province's first, each
/// with how far it fell short — or for a ceiling, how far above its limit it went.
struct ShortfallChart {
    let data: ChartData
    let year: Int

    /// The worst this many are named, each on up to two lines; the narrative lists them all.
    static let rowsShown = 12

    static func missed(_ data: ChartData, year: Int) -> [FigureRow] {
        let figures = data.metrics.figureRows(year: year).filter { $0.status == .notMet && $0.target != nil }
        return figures.sorted { a, b in
            if a.scope != b.scope { return a.scope == .province }
            return (gap(a), data.name(b)) > (gap(b), data.name(a))
        }
    }

    /// The distance from the target as a share of it: short of it, or above a ceiling; a
    /// ceiling of 0 broken (a wrongful conviction where none is allowed) is 100 %.
    static func gap(_ f: FigureRow) -> Double {
        guard let target = f.target else { return 0 }
        guard target > 0 else { return 1 }
        return abs(f.actual - target) / target
    }

    func spec(_ w: ChartWords) -> ChartSpec {
        let n = w.numbers
        // A unit's own summary: its figures are in the province's place, once.
        let missed = Self.missed(data, year: year).filter { data.metrics.unit == nil || $0.scope == .province }
        let rows = missed.map { f -> BarPlot.Row in
            let who = f.scope == .province ? data.words(w).Scope : data.name(f)
            // A rate falls short by percentage points; a count by its measure, and by a share.
            let rate = data.isRate(f)
            let distance = data.words(w).distance(f) ?? ""
            let words = f.direction == .lower ? w.pick("vượt trần \(distance)", "\(distance) above the ceiling") : w.pick("thiếu \(distance)", "\(distance) short")
            return .init(label: data.metrics.unit != nil ? data.shortName(f.indicator) : who + " — " + data.shortName(f.indicator),
                         bars: [.init(value: Self.gap(f) * 100, tone: .notMet, label: words + (rate ? "" : " (" + n.percent(Self.gap(f)) + ")"))])
        }
        let units = Set(missed.filter { $0.scope == .unit }.map(\.unit)).count
        let province = missed.filter { $0.scope == .province }.count
        return ChartSpec(title: w.pick("Tồn tại, hạn chế: các chỉ tiêu chưa đạt kế hoạch", "Shortfalls: the targets not met"),
                         subtitle: data.metrics.unit != nil ? w.pick("\(data.When(year, w)) · \(province) chỉ tiêu chưa đạt · độ dài: khoảng cách so với kế hoạch (chỉ tiêu trần: phần vượt trần)", "\(data.When(year, w)) · \(province) targets missed · length: the distance from the target (ceilings: the excess)") : w.pick("\(data.When(year, w)) · toàn tỉnh \(province) chỉ tiêu, \(units) đơn vị có chỉ tiêu chưa đạt · độ dài: khoảng cách so với kế hoạch (chỉ tiêu trần: phần vượt trần)",
                                          "\(data.When(year, w)) · \(province) province targets and \(units) units with targets missed · length: the distance from the target (ceilings: the excess)"),
                         note: data.assumptionNote(Array(Set(missed.map(\.indicator))), w),
                         // At least 0–10 %: a gap of a tenth of a point is a short bar, not a scale of 0,02 % ticks.
                         plot: .bars(BarPlot(rows: rows, axis: .percentPoints, minimumUpper: 10, overflow: { w.pick("… và \($0) chỉ tiêu chưa đạt khác", "… and \($0) more missed targets") },
                                             maximumRows: Self.rowsShown)))
    }
}
