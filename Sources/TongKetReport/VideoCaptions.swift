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
        /// "1 unit", "3 units": English counts agree with their noun.
        func en(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        /// How many went up and how many down.
        func moves(_ deltas: [Double]) -> (up: Int, down: Int) { (deltas.filter { $0 > 0 }.count, deltas.filter { $0 < 0 }.count) }
        let id = request.indicator ?? 0
        switch request.kind {
        case .kpi:
            let shown = Set(Headlines.shown(metrics, year: year, count: ChartKind.headlineTiles))
            let tiles = province.filter { shown.contains($0.indicator) }
            let met = tiles.filter { $0.status == .met }.count, judged = tiles.filter { $0.status != .undefined }.count
            return pick("Kết quả nổi bật \(words.when(year)): \(met)/\(judged) chỉ tiêu trọng tâm đạt kế hoạch.",
                        "Highlights of \(words.when(year)): \(met) of \(en(judged, "key target")) met.")
        case .scorecard:
            let p = Scorecard.province(metrics, year: year)
            let whole = Ranking.units(metrics, year: year).filter { $0.ratio == 1 }.count
            return pick("\(words.Scope) đạt \(p.met)/\(p.defined) chỉ tiêu; "
                        + "\(whole) đơn vị đạt toàn bộ chỉ tiêu được giao.",
                        "\(words.Scope) met \(p.met) of \(en(p.defined, "target")); \(en(whole, "unit")) met all of theirs.")
        case .bullet:
            let ids = Set(request.indicators)
            let mine = province.filter { ids.contains($0.indicator) }
            let met = mine.filter { $0.status == .met }.count, judged = mine.filter { $0.status != .undefined }.count
            let section = request.section.map { FigureWords.midSentence($0) } ?? pick("các chỉ tiêu", "the indicators")
            return pick("Kết quả \(section): đạt \(met)/\(judged) chỉ tiêu có kế hoạch.",
                        "Results of \(section): \(met) of \(en(judged, "target")) met.")
        case .heatmap:
            let judged = units.filter { $0.status != .undefined }
            let met = judged.filter { $0.status == .met }.count
            return pick("Theo đơn vị và chỉ tiêu: \(met)/\(judged.count) kết quả đạt kế hoạch.",
                        "By unit and indicator: \(met) of \(en(judged.count, "result")) on target.")
        case .comparison:
            let (up, down) = moves(province.compactMap(\.yoyDelta))
            return pick("So với \(words.before(year)): \(up) chỉ tiêu tăng, \(down) chỉ tiêu giảm.",
                        "Against \(words.before(year)): \(en(up, "indicator")) up, \(down) down.")
        case .shortfalls:
            // As the page says it: the province's misses, and how many units have one; or only counts gone the wrong way.
            let missed = metrics.figureRows(year: year).filter { $0.status == .notMet && $0.target != nil }
            let own = missed.filter { $0.scope == .province }.count
            let at = Set(missed.filter { $0.scope == .unit }.map(\.unit)).count
            if own + at == 0 {
                return pick("Tồn tại: những chỉ tiêu xấu hơn cùng kỳ.", "Shortfalls: what went the wrong way on last year.")
            }
            if metrics.unit != nil {
                return pick("Tồn tại: \(own) chỉ tiêu chưa đạt kế hoạch.", "Shortfalls: \(en(own, "target")) not met.")
            }
            return pick("Tồn tại: toàn tỉnh \(own) chỉ tiêu, \(at) đơn vị có chỉ tiêu chưa đạt kế hoạch.",
                        "Shortfalls: \(en(own, "province target")) and \(en(at, "unit")) with targets missed.")
        case .plan:
            let count = metrics.plannedTargets(year: year + 1).count
            return pick("Phương hướng năm \(year + 1): \(count) chỉ tiêu kế hoạch.",
                        "\(year + 1): \(en(count, "target")) set.")
        case .completion:
            let mine = units.filter { $0.indicator == id && $0.status != .undefined }
            let met = mine.filter { $0.status == .met }.count
            return pick("\(name(id)): \(met)/\(mine.count) đơn vị đạt kế hoạch.",
                        "\(name(id)): \(met) of \(en(mine.count, "unit")) met the target.")
        case .yoy:
            let (up, down) = moves(units.filter { $0.indicator == id }.compactMap(\.yoyDelta))
            return pick("\(name(id)): \(up) đơn vị tăng, \(down) đơn vị giảm so với \(words.before(year)).",
                        "\(name(id)): \(en(up, "unit")) up, \(down) down on \(words.before(year)).")
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
                        "\(name(id)), \(firstYear) to \(year): \(en(up, "unit")) up, \(down) down.")
        }
    }
}
