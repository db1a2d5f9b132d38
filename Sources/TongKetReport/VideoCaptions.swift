import TongKetAnalytics
import TongKetCharts
import TongKetData

/// A video's caption per chart: the one finding that chart shows, in a line a viewer reads while it holds
/// (at most `Timeline.readingRate` characters a second) — never the report's long sentence, never the same
/// words under two charts.
extension Narrative {
    public func caption(for request: ChartRequest) -> String {
        let province = figures(scope: .province)
        let units = figures(scope: .unit)
        func name(_ id: Int32) -> String { metrics.profile(id).label ?? metrics.table.indicators[Int(id)] }
        /// How many went up and how many down.
        func moves(_ deltas: [Double]) -> (up: Int, down: Int) { (deltas.filter { $0 > 0 }.count, deltas.filter { $0 < 0 }.count) }
        let id = request.indicator ?? 0
        switch request.kind {
        case .kpi:
            let shown = Set(Headlines.shown(metrics, year: year, count: ChartKind.headlineTiles))
            let tiles = province.filter { shown.contains($0.indicator) }
            let met = tiles.filter { $0.status == .met }.count, judged = tiles.filter { $0.status != .undefined }.count
            return pick("Kết quả nổi bật \(words.when(year)): \(met)/\(judged) chỉ tiêu trọng tâm đạt kế hoạch.",
                        "Highlights of \(words.when(year)): \(met) of \(judged) key targets met.")
        case .scorecard:
            let p = Scorecard.province(metrics, year: year)
            let whole = Ranking.units(metrics, year: year).filter { $0.ratio == 1 }.count
            return pick("\(words.Scope) đạt \(p.met)/\(p.defined) chỉ tiêu; \(whole) đơn vị đạt toàn bộ chỉ tiêu được giao.",
                        "\(words.Scope) met \(p.met) of \(p.defined) targets; \(whole) units met all of theirs.")
        case .bullet:
            let ids = Set(request.indicators)
            let mine = province.filter { ids.contains($0.indicator) }
            let met = mine.filter { $0.status == .met }.count, judged = mine.filter { $0.status != .undefined }.count
            let section = request.section.map { FigureWords.midSentence($0) } ?? pick("các chỉ tiêu", "the indicators")
            return pick("Kết quả \(section): đạt \(met)/\(judged) chỉ tiêu có kế hoạch.",
                        "Results of \(section): \(met) of \(judged) targets met.")
        case .heatmap:
            let judged = units.filter { $0.status != .undefined }
            let met = judged.filter { $0.status == .met }.count
            return pick("Theo đơn vị và chỉ tiêu: \(met)/\(judged.count) kết quả đạt kế hoạch.",
                        "By unit and indicator: \(met) of \(judged.count) results on target.")
        case .comparison:
            let (up, down) = moves(province.compactMap(\.yoyDelta))
            return pick("So với \(words.before(year)): \(up) chỉ tiêu tăng, \(down) chỉ tiêu giảm.",
                        "Against \(words.before(year)): \(up) indicators up, \(down) down.")
        case .shortfalls:
            let missed = metrics.figureRows(year: year).filter { $0.status == .notMet && (metrics.unit == nil || $0.scope == .province) }
            let at = Set(missed.filter { $0.scope == .unit }.map(\.unit)).count
            return metrics.unit == nil
                ? pick("Tồn tại: \(missed.count) kết quả chưa đạt kế hoạch, ở \(at) đơn vị và toàn tỉnh.",
                       "Shortfalls: \(missed.count) results short of target, in \(at) units and the province.")
                : pick("Tồn tại: \(missed.count) chỉ tiêu chưa đạt kế hoạch.", "Shortfalls: \(missed.count) targets not met.")
        case .plan:
            let count = metrics.plannedTargets(year: year + 1).count
            return pick("Phương hướng năm \(year + 1): \(count) chỉ tiêu kế hoạch.", "\(year + 1): \(count) targets set.")
        case .completion:
            let mine = units.filter { $0.indicator == id && $0.status != .undefined }
            let met = mine.filter { $0.status == .met }.count
            return pick("\(name(id)): \(met)/\(mine.count) đơn vị đạt kế hoạch.",
                        "\(name(id)): \(met) of \(mine.count) units met the target.")
        case .yoy:
            let (up, down) = moves(units.filter { $0.indicator == id }.compactMap(\.yoyDelta))
            return pick("\(name(id)): \(up) đơn vị tăng, \(down) đơn vị giảm so với \(words.before(year)).",
                        "\(name(id)): \(up) units up, \(down) down on \(words.before(year)).")
        case .trend:
            let path = metrics.provinceRows.indices
                .filter { metrics.provinceRows[$0].indicator == id && Int(metrics.provinceRows[$0].year) <= year }
                .map(metrics.provinceFigures(at:))
            guard let first = path.first, let last = path.last else { return name(id) }
            let (from, to) = (words.value(first.actual, first), words.value(last.actual, last))
            return pick("\(name(id)) \(words.scope): \(from) năm \(first.year), \(to) năm \(last.year).",
                        "\(name(id)), \(words.scope): \(from) in \(first.year), \(to) in \(last.year).")
        case .multiples:
            let firstYear = metrics.table.rows.filter { $0.indicator == id }.map { Int($0.year) }.min() ?? year
            var change: [Int32: Double] = [:]
            for row in metrics.table.rows where row.indicator == id && (Int(row.year) == firstYear || Int(row.year) == year) {
                change[row.unit, default: 0] += Int(row.year) == year ? row.actual : -row.actual
            }
            let (up, down) = moves(Array(change.values))
            return pick("\(name(id)) từ \(firstYear) đến \(year): \(up) đơn vị tăng, \(down) đơn vị giảm.",
                        "\(name(id)), \(firstYear) to \(year): \(up) units up, \(down) down.")
        }
    }
}
