import TongKetData

/// "Hoàn thành 100% chỉ tiêu được giao": indicators met over indicators with a defined status,
/// for one unit (or the province) in one year.
public struct Scorecard: Sendable, Equatable {
    /// The unit's id; -1 for the province.
    public var unit: Int32
    public var year: Int
    public var met: Int
    public var defined: Int
    /// Mean completion of the "higher" indicators with a target, the ranking's tie-breaker;
    /// ceilings are left out because for them a lower completion is the better one.
    public var meanCompletion: Double?

    public var ratio: Double? { defined > 0 ? Double(met) / Double(defined) : nil }

    /// Scorecards of every unit with rows in `year`, in the order of the table's unit ids.
    public static func units(_ metrics: Metrics, year: Int) -> [Scorecard] {
        byYear(metrics, only: year)[year] ?? []
    }

    /// Every unit's scorecard for every year, in one pass over the table. Rows are sorted by
    /// unit, so each unit's rows are one run: a small per-year tally per run, no hashing.
    public static func byYear(_ metrics: Metrics, only: Int? = nil) -> [Int: [Scorecard]] {
        let rows = metrics.table.rows
        let years = metrics.table.years
        var yearIndex: [Int32: Int] = [:]
        for (i, year) in years.enumerated() { yearIndex[Int32(year)] = i }
        var out: [Int: [Scorecard]] = [:]
        var cards: [Scorecard?] = Array(repeating: nil, count: years.count)
        let counted = metrics.interpretation.indicators.map(\.countsInScorecard)
        var sums = Array(repeating: (0.0, 0), count: years.count)
        var start = 0
        while start < rows.count {
            let unit = rows[start].unit
            var end = start
            while end < rows.count, rows[end].unit == unit {
                if let only, Int(rows[end].year) != only {
                    end += 1
                    continue
                }
                let f = metrics.unitFigures(at: end)
                let y = yearIndex[rows[end].year] ?? 0
                var card = cards[y] ?? Scorecard(unit: unit, year: f.year, met: 0, defined: 0)
                if counted[Int(f.indicator)] { tally(f, into: &card, sums: &sums[y]) }
                cards[y] = card
                end += 1
            }
            for y in years.indices {
                guard var card = cards[y] else { continue }
                if sums[y].1 > 0 { card.meanCompletion = sums[y].0 / Double(sums[y].1) }
                out[card.year, default: []].append(card)
                cards[y] = nil
                sums[y] = (0, 0)
            }
            start = end
        }
        for year in out.keys { out[year]?.sort { $0.unit < $1.unit } }
        return out
    }

    public static func province(_ metrics: Metrics, year: Int) -> Scorecard {
        var card = Scorecard(unit: -1, year: year, met: 0, defined: 0)
        var sum = (0.0, 0)
        let counted = metrics.interpretation.indicators.map(\.countsInScorecard)
        for i in metrics.provinceRows.indices
            where Int(metrics.provinceRows[i].year) == year && counted[Int(metrics.provinceRows[i].indicator)] {
            tally(metrics.provinceFigures(at: i), into: &card, sums: &sum)
        }
        if sum.1 > 0 { card.meanCompletion = sum.0 / Double(sum.1) }
        return card
    }

    private static func tally(_ f: FigureRow, into card: inout Scorecard, sums: inout (Double, Int)) {
        if f.status != .undefined { card.defined += 1 }
        if f.status == .met { card.met += 1 }
        if f.direction == .higher, let completion = f.completion {
            sums.0 += completion
            sums.1 += 1
        }
    }
}

/// Units ordered for the review: like is compared with like — units within their group
/// (departments with departments, district offices with district offices; the export's level
/// column, else the catalogue, else the names) — then by share of targets met, by mean
/// completion, and by name; units without any defined status come last in their group.
public enum Ranking {
    /// Every unit of `year`, group by group (groups in order of their first unit's name), each
    /// group ranked.
    public static func units(_ metrics: Metrics, year: Int) -> [Scorecard] {
        groups(metrics, year: year).flatMap(\.cards)
    }

    /// The ranking of each group; one group with a nil name when units are not grouped.
    public static func groups(_ metrics: Metrics, year: Int) -> [(group: String?, cards: [Scorecard])] {
        let profiles = metrics.interpretation.units
        let cards = Scorecard.units(metrics, year: year)
        var order: [String?] = []
        var byGroup: [String?: [Scorecard]] = [:]
        for card in cards {
            let group = Int(card.unit) < profiles.count ? profiles[Int(card.unit)].group : nil
            if byGroup[group] == nil { order.append(group) }
            byGroup[group, default: []].append(card)
        }
        // Groups in the order the exports list their units (provincial departments usually first).
        if order.count > 1 {
            var firstSeen: [String: (Int32, Int32)] = [:]
            for row in metrics.table.rows {
                guard let group = profiles[Int(row.unit)].group else { continue }
                if let seen = firstSeen[group], seen <= (row.file, row.line) { continue }
                firstSeen[group] = (row.file, row.line)
            }
            order.sort { (firstSeen[$0 ?? ""] ?? (.max, .max)) < (firstSeen[$1 ?? ""] ?? (.max, .max)) }
        }
        return order.map { ($0, Self.order(byGroup[$0] ?? [], names: metrics.table.units)) }
    }

    public static func order(_ cards: [Scorecard], names: [String]) -> [Scorecard] {
        cards.sorted { a, b in
            switch (a.ratio, b.ratio) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: break
            }
            switch (a.meanCompletion, b.meanCompletion) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return NameOrder.precedes(names[Int(a.unit)], names[Int(b.unit)])
            }
        }
    }
}
