import Foundation
import TongKetData

/// The province's series as the units' formula gives it, per indicator and year (DESIGN §3),
/// formed as each indicator's `ProvinceFormula` says (the catalogue's, else inferred from its
/// name and measure). `PublishedTotals` then puts the office's own total row in its place
/// wherever the files carry one; this series cross-checks it.
/// - sum: the units' values added up; the target is the sum of the targets assigned, set
///   against every unit's actual — as the offices form their own totals — and the basis says
///   how many units had one;
/// - mean: the unweighted mean of the units' values; the target is the threshold the units
///   share, else the mean of the targets assigned — rates, averages and times never add up;
/// - weighted mean: Σ value × weight / Σ weight, the weight another indicator of the same
///   unit and year; the target is weighted the same way over the units that have one;
/// - ratio: Σ numerator / Σ denominator, scaled as the units' own values are (×100 for %);
/// - none: no province figure.
/// One unit's indicator (the only unit that reports it, in every year) is that unit's value.
/// `level` selects which units count (for example only district offices).
package enum ProvinceRollup {
    /// Measures shown as a percentage, whose changes are in points.
    public static func isRate(_ measure: String?) -> Bool {
        measure.map(NameClues.isRateMeasure) ?? false
    }

    private struct Accumulator {
        var indicator: Int32
        var year: Int32
        var actual = 0.0
        var target = 0.0
        var count = 0
        var targets = 0
        var estimated = false
        /// A unit's target is the period's own ("KH 6 tháng"): so is the province's.
        var ownTarget = false
        /// Weighted mean: Σ weight of the units counted, and of those with a target.
        var weight = 0.0
        var targetWeight = 0.0
        /// The one target every unit with a target shares, until two differ (NaN then).
        var sharedTarget: Double?
        var unitTargetSum = 0.0
    }

    /// Rows with `unit == -1`, sorted by indicator name and year, each with how it was formed.
    static func rows(of table: IndicatorTable, formulas: [ProvinceFormula], levelIDs: Set<Int32>?) -> [(row: IndicatorRow, basis: ProvinceBasis)] {
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
        // The one unit that reports each indicator (-1 none yet, -2 more than one).
        var soleUnit = [Int32](repeating: -1, count: table.indicators.count)
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
            if row.target != nil, row.ownTarget { a.ownTarget = true }
            if let target = row.target {
                a.sharedTarget = a.sharedTarget.map { $0 == target ? $0 : .nan } ?? target
                a.unitTargetSum += target
            }
            soleUnit[Int(row.indicator)] = soleUnit[Int(row.indicator)] == -1 || soleUnit[Int(row.indicator)] == row.unit ? row.unit : -2
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
        return accumulators.compactMap { a -> (row: IndicatorRow, basis: ProvinceBasis)? in
            guard a.count > 0, let model = first[a.indicator] else { return nil }
            let n = Double(a.count)
            let actual: Double
            var target: Double?
            var basis = ProvinceBasis(figure: .formula, target: .none)
            let sole = soleUnit[Int(a.indicator)]
            if sole >= 0 { basis.figure = .singleUnit(sole) }
            switch formulas[Int(a.indicator)] {
            case .sum, .none:
                actual = a.actual
                if a.targets > 0 { target = a.target }
            case .mean:
                actual = a.actual / n
                if let shared = a.sharedTarget, !shared.isNaN {
                    target = shared
                    if a.count > 1 { basis.target = .sharedThreshold(units: a.targets, of: a.count) }
                } else if a.targets > 0 {
                    target = a.unitTargetSum / Double(a.targets)
                    basis.target = .meanOfTargets(units: a.targets, of: a.count)
                }
            case .weightedMean:
                actual = a.actual / a.weight
                if a.targets > 0, a.targetWeight > 0 { target = a.target / a.targetWeight }
            case .ratio:
                let scale = powerOfTen(near: ratioScales[a.indicator] ?? [])
                actual = a.actual / a.weight * scale
                if a.targets > 0, a.targetWeight > 0 { target = a.target / a.targetWeight }
            }
            if target != nil, case .none = basis.target {
                basis.target = a.targets == a.count ? .everyUnit : .assigned(units: a.targets, of: a.count)
            }
            var row = IndicatorRow(year: a.year, unit: -1, indicator: a.indicator, measure: model.measure, direction: model.direction,
                                   directionGiven: model.directionGiven, target: target, actual: actual)
            // A province figure built on an estimate is an estimate; on the period's own targets, the period's.
            row.estimated = a.estimated
            row.ownTarget = a.ownTarget
            return (row, basis)
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
