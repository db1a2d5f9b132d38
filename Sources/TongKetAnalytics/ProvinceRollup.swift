import Foundation
import TongKetData

/// The province's own series, per indicator and year (DESIGN §3), formed as each indicator's
/// `ProvinceFormula` says (the catalogue's, else inferred from its name and measure):
/// - sum: the units' values added up; the target is the sum of targets, defined only when
///   every unit counted has one (a partial sum would overstate completion);
/// - mean: the unweighted mean of the units' values and of their targets — rates, averages,
///   per-capita figures and times never add up;
/// - weighted mean: Σ value × weight / Σ weight, the weight another indicator of the same
///   unit and year; the target is weighted the same way;
/// - ratio: Σ numerator / Σ denominator, scaled as the units' own values are (×100 for %);
/// - none: no province figure.
/// `level` selects which units count (for example only district offices).
public enum ProvinceRollup {
    /// Measures shown as a percentage, whose changes are in points.
    public static func isRate(_ measure: String?) -> Bool {
        guard let measure else { return false }
        let folded = HeaderName.fold(measure)
        return folded == "%" || folded == "percent" || folded == "phan tram" || folded == "ty le %"
    }

    private struct Accumulator {
        var indicator: Int32
        var year: Int32
        var actual = 0.0
        var target = 0.0
        var count = 0
        var targets = 0
        var estimated = false
        /// Weighted mean: Σ weight of the units counted, and of those with a target.
        var weight = 0.0
        var targetWeight = 0.0
    }

    /// Rows with `unit == -1`, sorted by indicator name and year.
    static func rows(of table: IndicatorTable, formulas: [ProvinceFormula], levelIDs: Set<Int32>?) -> [IndicatorRow] {
        func counted(_ row: IndicatorRow) -> Bool { levelIDs.map { $0.contains(row.level) } ?? true }
        // The values other indicators are weighted by or divided into, by (unit, indicator, year).
        var helpers = Set<Int32>()
        for formula in formulas {
            switch formula {
            case let .weightedMean(by): helpers.insert(by)
            case let .ratio(n, d): helpers.formUnion([n, d])
            default: break
            }
        }
        var helperValue: [Int64: Double] = [:]
        if !helpers.isEmpty {
            for row in table.rows where helpers.contains(row.indicator) && counted(row) { helperValue[key(row.unit, row.indicator, row.year)] = row.actual }
        }

        // One accumulator per (indicator, year), found by position rather than by hashing each row.
        let (years, position) = table.yearPositions()
        let yearSlots = max(years.count, 1)
        var slots = [Int32](repeating: -1, count: table.indicators.count * yearSlots)
        var accumulators: [Accumulator] = []
        var ratioScales: [Int32: [Double]] = [:]
        for row in table.rows where counted(row) {
            let formula = formulas[Int(row.indicator)]
            if formula == .none { continue }
            let slotKey = Int(row.indicator) * yearSlots + Int(position[Int(row.year)])
            var slot = Int(slots[slotKey])
            if slot < 0 {
                slot = accumulators.count
                slots[slotKey] = Int32(slot)
                accumulators.append(Accumulator(indicator: row.indicator, year: row.year))
            }
            var a = accumulators[slot]
            if row.estimated { a.estimated = true }
            switch formula {
            case .sum, .mean, .none:
                a.actual += row.actual
                a.count += 1
                if let target = row.target { a.target += target; a.targets += 1 }
            case let .weightedMean(by):
                guard let w = helperValue[key(row.unit, by, row.year)], w > 0 else { break }
                a.actual += row.actual * w
                a.weight += w
                a.count += 1
                if let target = row.target { a.target += target * w; a.targetWeight += w; a.targets += 1 }
            case let .ratio(n, d):
                // Values are summed once per unit here; the ratio is taken at the end.
                guard let num = helperValue[key(row.unit, n, row.year)], let den = helperValue[key(row.unit, d, row.year)], den > 0 else { break }
                a.actual += num
                a.weight += den
                a.count += 1
                if let target = row.target { a.target += target * den; a.targetWeight += den; a.targets += 1 }
                if num > 0 { ratioScales[row.indicator, default: []].append(row.actual / (num / den)) }
            }
            accumulators[slot] = a
        }
        let rank = IndicatorTable.sortRanks(of: table.indicators)
        accumulators.sort { rank[Int($0.indicator)] != rank[Int($1.indicator)] ? rank[Int($0.indicator)] < rank[Int($1.indicator)] : $0.year < $1.year }
        // One measure and direction per indicator: the first unit's, as the table is sorted.
        var first: [Int32: IndicatorRow] = [:]
        for row in table.rows where first[row.indicator] == nil && counted(row) { first[row.indicator] = row }
        return accumulators.compactMap { a -> IndicatorRow? in
            guard a.count > 0, let model = first[a.indicator] else { return nil }
            let complete = a.targets == a.count
            let n = Double(a.count)
            let actual: Double, target: Double?
            switch formulas[Int(a.indicator)] {
            case .sum, .none:
                (actual, target) = (a.actual, complete ? a.target : nil)
            case .mean:
                (actual, target) = (a.actual / n, complete ? a.target / n : nil)
            case .weightedMean:
                (actual, target) = (a.actual / a.weight, complete ? a.target / a.targetWeight : nil)
            case .ratio:
                let scale = powerOfTen(near: ratioScales[a.indicator] ?? [])
                (actual, target) = (a.actual / a.weight * scale, complete ? a.target / a.targetWeight : nil)
            }
            var row = IndicatorRow(year: a.year, unit: -1, indicator: a.indicator, measure: model.measure, direction: model.direction,
                                   directionGiven: model.directionGiven, target: target, actual: actual)
            // A province figure built on an estimate is an estimate.
            row.estimated = a.estimated
            return row
        }
    }

    private static func key(_ unit: Int32, _ indicator: Int32, _ year: Int32) -> Int64 {
        Int64(unit) << 40 | Int64(indicator) << 16 | Int64(UInt16(truncatingIfNeeded: year))
    }

    /// The scale the units' own values carry over numerator / denominator (1, 100 for %,
    /// 1000 for ‰, 10 000 per ten thousand): the median unit's, rounded to a power of ten.
    static func powerOfTen(near scales: [Double]) -> Double {
        let finite = scales.filter { $0.isFinite && $0 > 0 }.sorted()
        guard !finite.isEmpty else { return 1 }
        return pow(10, log10(finite[finite.count / 2]).rounded())
    }
}
