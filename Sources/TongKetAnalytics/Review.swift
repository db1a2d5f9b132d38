import TongKetData

/// The analyst's review of the values themselves (`tongket check`): what a careful reader of
/// the export would circle before putting a figure on a slide. Each finding points at the row
/// it concerns; none of them changes a figure.
///
/// - jump: a value at least `jumpFactor` times (or at most 1/`jumpFactor` of) the median of the
///   same unit's other years — the extra digit of "13.250 → 132.500";
/// - percent over 100: a value above 100 in an indicator measured in % (or named "tỷ lệ" with
///   no measure), except capacities and growth rates, which can pass 100;
/// - partial targets: some units have a target for an indicator in a year and others none;
/// - single unit: an indicator only one unit reports;
/// - total mismatch: a total row ("Tổng cộng") that disagrees with the province figure.
public enum Review {
    public static let jumpFactor = 8.0
    /// Below this, a jump is ordinary noise of small counts (1 case → 6 cases).
    static let jumpFloor = 20.0

    public static func findings(_ metrics: Metrics) -> [Finding] {
        var out: [Finding] = []
        out += jumps(metrics)
        out += percentsOver100(metrics)
        out += targetCoverage(metrics)
        out += totals(metrics)
        return out
    }

    static func finding(_ kind: Finding.Kind, _ table: IndicatorTable, _ row: IndicatorRow, _ column: InputColumn?, en: String, vi: String) -> Finding {
        Finding(kind: kind, diagnostic: table.warning(at: row, column, en, vietnamese: vi))
    }

    /// Each (unit, indicator) is one run of rows in year order (the table's invariant), so a
    /// run's median is taken over at most a few values.
    static func jumps(_ metrics: Metrics) -> [Finding] {
        let table = metrics.table
        let rows = table.rows
        let en = NumberText(.en), vi = NumberText(.vi)
        var out: [Finding] = []
        var start = 0
        var sorted: [Double] = []
        while start < rows.count {
            var end = start + 1
            while end < rows.count, rows[end].unit == rows[start].unit, rows[end].indicator == rows[start].indicator { end += 1 }
            // Most runs cannot hold a jump: their largest value is under the floor, or within
            // the factor of their smallest. Only the rest are sorted.
            var low = Double.infinity, high = -Double.infinity
            for j in start..<end { low = min(low, rows[j].actual); high = max(high, rows[j].actual) }
            if end - start >= 2, high >= jumpFloor, !(low > 0 && high / low < jumpFactor) {
                sorted.removeAll(keepingCapacity: true)
                for j in start..<end { sorted.append(rows[j].actual) }
                sorted.sort()
                // With two years either could be the wrong one: only the later is named.
                for i in (end - start == 2 ? start + 1 : start)..<end {
                    let value = rows[i].actual
                    let median = medianWithout(value, in: sorted)
                    guard median > 0, value > 0, max(value, median) >= jumpFloor else { continue }
                    let factor = value / median
                    guard factor >= jumpFactor || factor <= 1 / jumpFactor else { continue }
                    let row = rows[i]
                    let unit = table.units[Int(row.unit)], indicator = table.indicators[Int(row.indicator)]
                    let times = factor >= 1 ? factor : 1 / factor
                    out.append(finding(.jump, table, row, .actual,
                        en: "\(en.number(value)) for \"\(indicator)\" at \"\(unit)\" in \(row.year) is \(en.number(times, fractionDigits: 0))× \(factor >= 1 ? "the" : "below the") \(en.number(median)) of its other years; check for a typing error (an extra or missing digit)",
                        vi: "\(vi.number(value)) của \"\(indicator)\" tại \"\(unit)\" năm \(row.year) \(factor >= 1 ? "gấp " : "chỉ bằng 1/")\(vi.number(times, fractionDigits: 0)) lần mức \(vi.number(median)) của các năm khác; kiểm tra lỗi gõ (thừa hoặc thiếu một chữ số)"))
                }
            }
            start = end
        }
        return out
    }

    /// The median of `sorted` with one occurrence of `value` left out, without copying: the
    /// remaining values keep their order, so the middle positions shift by one past it.
    static func medianWithout(_ value: Double, in sorted: [Double]) -> Double {
        let skip = sorted.firstIndex(of: value) ?? 0
        let n = sorted.count - 1
        func at(_ k: Int) -> Double { sorted[k < skip ? k : k + 1] }
        return n % 2 == 1 ? at(n / 2) : (at(n / 2 - 1) + at(n / 2)) / 2
    }

    static func percentsOver100(_ metrics: Metrics) -> [Finding] {
        let table = metrics.table
        var percentLike = [Bool](repeating: false, count: table.indicators.count)
        var measureOf = [Int32?](repeating: nil, count: table.indicators.count)
        var unseen = table.indicators.count
        for row in table.rows where measureOf[Int(row.indicator)] == nil {
            measureOf[Int(row.indicator)] = row.measure
            unseen -= 1
            if unseen == 0 { break }
        }
        for (id, name) in table.indicators.enumerated() {
            let folded = HeaderName.fold(name)
            if folded.contains("cong suat") || folded.contains("toc do") || folded.contains("so voi") || folded.contains("chi so") { continue }
            let measure = measureOf[id].flatMap { $0 < 0 ? nil : table.measures[Int($0)] }
            percentLike[id] = measure.map(ProvinceRollup.isRate) ?? (folded.hasPrefix("ty le") || folded.hasPrefix("ti le"))
        }
        let en = NumberText(.en), vi = NumberText(.vi)
        return table.rows.filter { percentLike[Int($0.indicator)] && $0.actual > 100 }.map { row in
            let unit = table.units[Int(row.unit)], indicator = table.indicators[Int(row.indicator)]
            return finding(.percentOver100, table, row, .actual,
                en: "\(en.number(row.actual)) % for \"\(indicator)\" at \"\(unit)\" in \(row.year) is above 100 %; check the value (91,5 typed as 915?)",
                vi: "\(vi.number(row.actual)) % của \"\(indicator)\" tại \"\(unit)\" năm \(row.year) vượt 100 %; kiểm tra lại số liệu (91,5 gõ thành 915?)")
        }
    }

    /// Partial targets per (indicator, year) and indicators reported by one unit only.
    static func targetCoverage(_ metrics: Metrics) -> [Finding] {
        let table = metrics.table
        // Counted in arrays by (indicator, year): a dictionary would hash every row.
        let (years, position) = table.yearPositions()
        let yearSlots = max(years.count, 1)
        var with = [Int32](repeating: 0, count: table.indicators.count * yearSlots)
        var without: [Int: [Int]] = [:]
        var reporters = [(Int32, Int32)](repeating: (-1, -1), count: table.indicators.count)
        var firstRow = [Int](repeating: -1, count: table.indicators.count)
        var targeted = [Bool](repeating: false, count: table.indicators.count)
        for row in table.rows where row.target != nil { targeted[Int(row.indicator)] = true }
        for (i, row) in table.rows.enumerated() {
            let id = Int(row.indicator)
            if reporters[id].0 < 0 { reporters[id].0 = row.unit } else if reporters[id].0 != row.unit { reporters[id].1 = row.unit }
            if table.isEarlier(i, than: firstRow[id]) { firstRow[id] = i }
            guard targeted[id] else { continue }
            let slot = id * yearSlots + Int(position[Int(row.year)])
            if row.target == nil { without[slot, default: []].append(i) } else { with[slot] += 1 }
        }
        var out: [Finding] = []
        for slot in without.keys.sorted() {
            guard let missing = without[slot], with[slot] > 0 else { continue }
            let row = table.rows[missing.reduce(-1) { table.isEarlier($1, than: $0) ? $1 : $0 }]
            let names = missing.prefix(4).map { "\"" + table.units[Int(table.rows[$0].unit)] + "\"" }.joined(separator: ", ")
                + (missing.count > 4 ? " …" : "")
            let indicator = table.indicators[Int(row.indicator)]
            out.append(finding(.partialTargets, table, row, .target,
                en: "\"\(indicator)\" in \(row.year) has a target for \(with[slot]) units but none for \(missing.count) (\(names)); the province target is left undefined — fill in the missing targets if they were assigned",
                vi: "\"\(indicator)\" năm \(row.year) có kế hoạch ở \(with[slot]) đơn vị nhưng thiếu ở \(missing.count) đơn vị (\(names)); kế hoạch toàn tỉnh để trống — bổ sung nếu đã được giao"))
        }
        // One finding per unit that alone reports some indicators (a department's own work).
        if table.units.count > 1 {
            var alone: [Int32: [Int]] = [:]
            for (id, units) in reporters.enumerated() where units.0 >= 0 && units.1 < 0 { alone[units.0, default: []].append(id) }
            for unit in alone.keys.sorted() {
                guard let ids = alone[unit] else { continue }
                let row = table.rows[firstRow[ids[0]]]
                let names = ids.prefix(3).map { "\"" + table.indicators[$0] + "\"" }.joined(separator: ", ") + (ids.count > 3 ? " …" : "")
                let name = table.units[Int(unit)]
                out.append(finding(.singleUnit, table, row, .indicator,
                    en: "\(ids.count) indicator\(ids.count == 1 ? " is" : "s are") reported by \"\(name)\" only (\(names)): the province figure is that unit's",
                    vi: "\(ids.count) chỉ tiêu chỉ do \"\(name)\" báo cáo (\(names)): số toàn tỉnh chính là số của đơn vị này"))
            }
        }
        return out
    }

    /// Total rows against the province figure the tool computes.
    static func totals(_ metrics: Metrics) -> [Finding] {
        guard metrics.level == nil else { return [] }
        let table = metrics.table
        var province: [Int64: IndicatorRow] = [:]
        for row in metrics.provinceRows { province[Int64(row.indicator) << 16 | Int64(UInt16(truncatingIfNeeded: row.year))] = row }
        let en = NumberText(.en), vi = NumberText(.vi)
        var out: [Finding] = []
        for total in metrics.interpretation.totals where total.indicator >= 0 {
            guard let computed = province[Int64(total.indicator) << 16 | Int64(UInt16(truncatingIfNeeded: total.year))] else { continue }
            // Excel's SUM is exact, so a sum may differ only by rounding; an AVERAGE of rounded rates a little more.
            let profile = metrics.profile(total.indicator)
            let tolerance = profile.formula.isSum ? max(0.5, 1e-4 * abs(computed.actual)) : max(0.05, 0.005 * abs(computed.actual))
            guard abs(total.actual - computed.actual) > tolerance else { continue }
            let indicator = table.indicators[Int(total.indicator)]
            let how: (String, String)
            switch profile.formula {
            case .sum, .none: how = ("the sum of the units", "tổng các đơn vị")
            case .mean: how = ("the mean of the units", "trung bình các đơn vị")
            case .weightedMean: how = ("the units' weighted mean", "trung bình có trọng số của các đơn vị")
            case .ratio: how = ("the province's overall ratio", "tỷ lệ chung của toàn tỉnh")
            }
            let row = IndicatorRow(year: Int32(total.year), unit: -1, indicator: total.indicator, target: total.target, actual: total.actual,
                                   file: total.file, line: total.line)
            out.append(finding(.totalMismatch, table, row, .actual,
                en: "the total row \"\(total.name)\" gives \(en.number(total.actual)) for \"\(indicator)\" in \(total.year), but \(how.0) is \(en.number(computed.actual)); the figures use \(how.0) — check the total or the units' rows",
                vi: "dòng tổng \"\(total.name)\" ghi \(vi.number(total.actual)) cho \"\(indicator)\" năm \(total.year), nhưng \(how.1) là \(vi.number(computed.actual)); số liệu dùng \(how.1) — kiểm tra dòng tổng hoặc số của các đơn vị"))
        }
        return out
    }
}
