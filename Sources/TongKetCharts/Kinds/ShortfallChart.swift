import TongKetAnalytics

/// 8. What was not met ("tồn tại, hạn chế"): every missed target, the province's first, each
/// with how far it fell short — or for a ceiling, how far above its limit it went — then the targets
/// stated beside a headline that was met ("Dự toán HĐND"), then the counts with no target that went the
/// wrong way on cùng kỳ (fires, accidents up).
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
        // One row per miss: a unit's row is left out where the province's figure is that unit's alone.
        let missed = Self.missed(data, year: year).filter { f in
            data.metrics.unit == nil ? f.scope == .province || data.singleUnit(f.indicator) != f.unit : f.scope == .province
        }
        let own = data.metrics.unit == nil ? { (_: FigureRow) in true } : { (f: FigureRow) in f.scope == .province }
        // "huyện Chư Sê — Số người bị thương": the words all the units' names begin with ("Công an") are left
        // to the title.
        let unitIDs = Array(Set(data.metrics.figureRows(year: year).filter { $0.scope == .unit }.map(\.unit))).sorted()
        let unitNames = Dictionary(zip(unitIDs, ShortNames.distinct(unitIDs.map(data.unitShortName))), uniquingKeysWith: { a, _ in a })
        func label(_ f: FigureRow) -> String {
            let indicator = data.shortName(f.indicator)
            guard data.metrics.unit == nil else { return indicator }
            return (f.scope == .province ? data.words(w).Scope : unitNames[f.unit] ?? data.name(f)) + " — " + indicator
        }
        var rows = missed.map { f -> BarPlot.Row in
            // A rate falls short by percentage points; a count by its measure, and by a share.
            let rate = data.isRate(f)
            let distance = data.words(w).distance(f) ?? ""
            var words = f.direction == .lower ? w.pick("vượt trần \(distance)", "\(distance) above the ceiling")
                : w.pick("thiếu \(distance)", "\(distance) short")
            // A goal against cùng kỳ in its own terms: the change, then the goal ("tăng 1,9 % (mục tiêu: –5 %)").
            if let relative = f.relativeTarget, let delta = f.yoyDelta {
                let change = relative.points || rate ? data.words(w).change(f) : f.yoyPercent.map(n.signedPercent) ?? n.signed(delta)
                let goal = relative.points ? n.points(relative.amount) : n.signedPercent(relative.amount / 100)
                words = change + w.pick(" (mục tiêu: \(goal))", " (goal: \(goal))")
                return .init(label: label(f), bars: [.init(value: Self.gap(f) * 100, tone: .notMet, label: words)])
            }
            return .init(label: label(f), bars: [.init(value: Self.gap(f) * 100, tone: .notMet,
                                                       label: words + (rate ? "" : " (" + n.percent(Self.gap(f)) + ")"))])
        }
        let figures = data.metrics.figureRows(year: year).filter(own)
        // Another target missed while the headline was met: its distance, in its own name.
        for f in figures where f.status != .notMet {
            for t in data.metrics.targets(of: f) where !t.headline && t.status == .notMet {
                var against = f
                (against.target, against.completion, against.status) = (t.target, t.completion, t.status)
                let distance = data.words(w).distance(against) ?? ""
                let words = f.direction == .lower ? w.pick("vượt \(distance) so với \(t.name)", "\(distance) above \(t.name)")
                    : w.pick("thiếu \(distance) so với \(t.name)", "\(distance) short of \(t.name)")
                rows.append(.init(label: label(f), bars: [.init(value: Self.gap(against) * 100, tone: .notMet, label: words)]))
            }
        }
        // A count judged by its change that went the wrong way: by how much, on cùng kỳ.
        func place(_ f: FigureRow) -> (Int, Int32) { (f.scope == .province ? 0 : 1, f.unit) }
        for f in figures.filter({ $0.changeStatus == .worse }).sorted(by: { place($0) < place($1) }) {
            let moved = f.direction == .lower ? w.pick("tăng", "up") : w.pick("giảm", "down")
            // From 0 there is no share: the count itself, at full length as a ceiling of 0 broken.
            let share = f.yoyPercent.map(abs)
            let amount = share.map(n.percent) ?? data.words(w).value(abs(f.yoyDelta ?? 0), f)
            rows.append(.init(label: label(f), bars: [.init(value: (share ?? 1) * 100, tone: .notMet,
                                           label: w.pick("\(moved) \(amount) so với cùng kỳ", "\(moved) \(amount) on last year"))]))
        }
        let units = Set(missed.filter { $0.scope == .unit }.map(\.unit)).count
        let province = missed.filter { $0.scope == .province }.count
        // No target missed, only counts gone the wrong way: the page says that, not "0 chỉ tiêu chưa đạt".
        if missed.isEmpty {
            let when = data.When(year, w)
            let title = w.pick("Tồn tại, hạn chế: diễn biến xấu hơn cùng kỳ", "Shortfalls: worse than last year")
            return ChartSpec(title: title,
                             subtitle: w.pick("\(when) · \(rows.count) chỉ tiêu chưa đạt hoặc xấu hơn cùng kỳ "
                                                + "· độ dài: mức chênh lệch",
                                              "\(when) · \(rows.count) missed or worse than last year · length: the gap"),
                             note: nil,
                             plot: .bars(BarPlot(rows: rows, axis: .percentPoints, minimumUpper: 10,
                                                 overflow: { w.pick("và \($0) chỉ tiêu khác", "and \($0) more") },
                                                 maximumRows: Self.rowsShown)))
        }
        return ChartSpec(title: w.pick("Tồn tại, hạn chế: các chỉ tiêu chưa đạt kế hoạch", "Shortfalls: the targets not met"),
                         subtitle: data.metrics.unit != nil ? w.pick("\(data.When(year, w)) · \(province) chỉ tiêu chưa đạt · độ dài: khoảng cách so với kế hoạch (chỉ tiêu trần: phần vượt trần)", "\(data.When(year, w)) · \(province) targets missed · length: the distance from the target (ceilings: the excess)") : w.pick("\(data.When(year, w)) · toàn tỉnh \(province) chỉ tiêu, \(units) đơn vị có chỉ tiêu chưa đạt · độ dài: khoảng cách so với kế hoạch (chỉ tiêu trần: phần vượt trần)",
                                          "\(data.When(year, w)) · \(province) province targets and \(units) units with targets missed · length: the distance from the target (ceilings: the excess)"),
                         note: nil,
                         // At least 0–10 %: a gap of a tenth of a point is a short bar, not a scale of 0,02 % ticks.
                         plot: .bars(BarPlot(rows: rows, axis: .percentPoints, minimumUpper: 10,
                                             overflow: { w.pick("và \($0) chỉ tiêu chưa đạt khác",
                                                                "and \($0) more missed targets") },
                                             maximumRows: Self.rowsShown)))
    }
}
