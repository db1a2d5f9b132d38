import TongKetData

/// The office's own total rows put in place of the units' formula (DESIGN §3): what the office
/// sent up is the province's figure; the formula's figure stays beside it as the cross-check.
/// The grand total ("Tổng cộng", "Toàn tỉnh") is the province's; a subtotal ("Cộng cấp huyện")
/// is its group's, used only when the figures are restricted to that group (`--level`).
/// A total row with a result but no target gives the figure; the target then is the
/// catalogue's "KH toàn tỉnh", else the units'.
enum PublishedTotals {
    /// How far a total row may stand from the units' formula before it disagrees: Excel's SUM
    /// is exact, so a sum differs only by rounding; a rate the office rounded, a little more.
    static func tolerance(_ formula: ProvinceFormula, _ value: Double) -> Double {
        formula.isSum ? max(0.5, 1e-4 * abs(value)) : max(0.05, 0.005 * abs(value))
    }

    static func apply(_ computed: [(row: IndicatorRow, basis: ProvinceBasis)], interpretation: Interpretation, table: IndicatorTable,
                      period: UInt8, levelIDs: Set<Int32>?) -> [(row: IndicatorRow, basis: ProvinceBasis)] {
        let profiles = interpretation.indicators
        func key(_ indicator: Int32, _ year: Int) -> Int64 { Int64(indicator) << 16 | Int64(UInt16(truncatingIfNeeded: year)) }
        // The total rows that stand for the figures asked for: the grand totals, or the group's subtotals.
        var published: [Int64: TotalRow] = [:]
        for total in interpretation.totals where total.indicator >= 0 && total.period == period && profiles[Int(total.indicator)].usesTotalRow {
            let wanted = levelIDs.map { total.isSubtotal && $0.contains(total.level) } ?? !total.isSubtotal
            guard wanted, published[key(total.indicator, total.year)] == nil else { continue }
            published[key(total.indicator, total.year)] = total
        }
        var out = computed
        var seen = Set<Int64>()
        for i in out.indices {
            let k = key(out[i].row.indicator, Int(out[i].row.year))
            seen.insert(k)
            let profile = profiles[Int(out[i].row.indicator)]
            if let total = published[k] {
                let formed = out[i].row.actual
                out[i].basis.figure = .totalRow(name: total.name, file: total.file, line: total.line)
                if abs(total.actual - formed) > tolerance(profile.formula, formed) { out[i].basis.unitsFigure = formed }
                out[i].row.actual = total.actual
                if let target = total.target { (out[i].row.target, out[i].basis.target) = (target, .totalRow) }
            }
            if out[i].basis.target != .totalRow, let stated = profile.provinceTarget {
                (out[i].row.target, out[i].basis.target) = (stated, .catalogue)
            }
        }
        // A total row for a year no unit reported (every unit's cell blank): the office's figure stands alone.
        let alone = published.filter { !seen.contains($0.key) }
        var model = [Int](repeating: -1, count: alone.isEmpty ? 0 : table.indicators.count)
        if !alone.isEmpty { for (i, row) in table.rows.enumerated() where model[Int(row.indicator)] < 0 { model[Int(row.indicator)] = i } }
        // An indicator no unit reports at all (the agency's own sheet) takes its measure and direction from the total row.
        for (_, total) in alone.sorted(by: { $0.key < $1.key }) {
            let profile = profiles[Int(total.indicator)]
            let like = model[Int(total.indicator)] >= 0 ? table.rows[model[Int(total.indicator)]] : nil
            var row = IndicatorRow(year: Int32(total.year), unit: -1, indicator: total.indicator, measure: like?.measure ?? total.measure,
                                   direction: like?.direction ?? profile.direction,
                                   directionGiven: like?.directionGiven ?? total.directionGiven,
                                   target: total.target ?? profile.provinceTarget, actual: total.actual)
            row.period = total.period
            row.ownTarget = like?.ownTarget ?? total.ownTarget
            let target: ProvinceBasis.Target = total.target != nil ? .totalRow : profile.provinceTarget != nil ? .catalogue : .none
            out.append((row, ProvinceBasis(figure: .totalRow(name: total.name, file: total.file, line: total.line), target: target)))
        }
        if out.count != computed.count {
            let rank = IndicatorTable.sortRanks(of: table.indicators)
            out.sort { rank[Int($0.row.indicator)] != rank[Int($1.row.indicator)] ? rank[Int($0.row.indicator)] < rank[Int($1.row.indicator)] : $0.row.year < $1.row.year }
        }
        return out
    }
}
