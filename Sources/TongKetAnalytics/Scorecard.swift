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
        var cards: [Int32: Scorecard] = [:]
        var sums: [Int32: (Double, Int)] = [:]
        for i in metrics.table.rows.indices where Int(metrics.table.rows[i].year) == year {
            let f = metrics.unitFigures(at: i)
            tally(f, into: &cards[f.unit, default: Scorecard(unit: f.unit, year: year, met: 0, defined: 0)], sums: &sums[f.unit, default: (0, 0)])
        }
        return cards.sorted { $0.key < $1.key }.map { unit, card in
            var card = card
            if let (sum, n) = sums[unit], n > 0 { card.meanCompletion = sum / Double(n) }
            return card
        }
    }

    public static func province(_ metrics: Metrics, year: Int) -> Scorecard {
        var card = Scorecard(unit: -1, year: year, met: 0, defined: 0)
        var sum = (0.0, 0)
        for i in metrics.provinceRows.indices where Int(metrics.provinceRows[i].year) == year {
            tally(metrics.provinceFigures(at: i), into: &card, sums: &sum)
        }
        if sum.1 > 0 { card.meanCompletion = sum.0 / Double(sum.1) }
        return card
    }

    private static func tally(_ f: Figures, into card: inout Scorecard, sums: inout (Double, Int)) {
        if f.status != .undefined { card.defined += 1 }
        if f.status == .met { card.met += 1 }
        if f.direction == .higher, let completion = f.completion {
            sums.0 += completion
            sums.1 += 1
        }
    }
}

/// Units ordered for the review: by share of targets met, then by mean completion, then by
/// name; units without any defined status come last.
public enum Ranking {
    public static func units(_ metrics: Metrics, year: Int) -> [Scorecard] {
        let names = metrics.table.units
        return Scorecard.units(metrics, year: year).sorted { a, b in
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
            default: return names[Int(a.unit)] < names[Int(b.unit)]
            }
        }
    }
}
