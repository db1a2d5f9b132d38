import TongKetData

/// The province's own series, per indicator and year (DESIGN §3):
/// - counts: the sum over units; the target is the sum of targets, defined only when every
///   unit counted has one (a partial sum would overstate completion);
/// - rates (measure "%"): the unweighted mean of the units' values and of their targets,
///   because a sum of percentages means nothing — every output says so;
/// - `level` selects which units count (for example only district offices).
public enum ProvinceRollup {
    public static func isRate(_ measure: String?) -> Bool {
        guard let measure else { return false }
        let folded = HeaderName.fold(measure)
        return folded == "%" || folded == "percent" || folded == "phan tram" || folded == "ty le %"
    }

    private struct Accumulator {
        var indicator: Int32
        var year: Int32
        var measure: Int32
        var direction: Direction
        var actual = 0.0
        var target = 0.0
        var count = 0
        var targets = 0
    }

    /// Rows with `unit == -1`, sorted by indicator name and year, and the ids of the rate
    /// indicators whose values are means.
    static func rows(of table: IndicatorTable, levelIDs: Set<Int32>?) -> (rows: [IndicatorRow], meanIndicators: Set<Int32>) {
        var slots: [Int: Int] = [:]
        var accumulators: [Accumulator] = []
        for row in table.rows {
            if let levelIDs, !levelIDs.contains(row.level) { continue }
            let key = Int(row.indicator) << 16 | Int(row.year)
            let slot: Int
            if let existing = slots[key] {
                slot = existing
            } else {
                slot = accumulators.count
                slots[key] = slot
                accumulators.append(Accumulator(indicator: row.indicator, year: row.year, measure: row.measure, direction: row.direction))
            }
            accumulators[slot].actual += row.actual
            accumulators[slot].count += 1
            if let target = row.target {
                accumulators[slot].target += target
                accumulators[slot].targets += 1
            }
        }
        // One measure and direction per indicator: the first unit's, as the table is sorted.
        var measureOf: [Int32: (Int32, Direction)] = [:]
        for row in table.rows where measureOf[row.indicator] == nil {
            if let levelIDs, !levelIDs.contains(row.level) { continue }
            measureOf[row.indicator] = (row.measure, row.direction)
        }
        let rank = IndicatorTable.sortRanks(of: table.indicators)
        accumulators.sort { rank[Int($0.indicator)] != rank[Int($1.indicator)] ? rank[Int($0.indicator)] < rank[Int($1.indicator)] : $0.year < $1.year }
        var means: Set<Int32> = []
        let rows = accumulators.map { a -> IndicatorRow in
            let (measure, direction) = measureOf[a.indicator] ?? (a.measure, a.direction)
            let mean = isRate(measure < 0 ? nil : table.measures[Int(measure)])
            if mean { means.insert(a.indicator) }
            let n = Double(a.count)
            let target: Double? = a.targets == a.count ? (mean ? a.target / n : a.target) : nil
            return IndicatorRow(year: a.year, unit: -1, indicator: a.indicator, measure: measure, direction: direction,
                                target: target, actual: mean ? a.actual / n : a.actual)
        }
        return (rows, means)
    }
}
