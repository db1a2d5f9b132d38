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
        var out: [Finding] = metrics.valueFindings.map(\.finding)
        out += targetCoverage(metrics)
        out += totals(metrics)
        return out
    }

    /// The findings behind a "⚠" on a page, each an analyst must look at before the room sees it: a
    /// typo-like jump, a % over 100, a total row that disagrees with its units' own counts.
    public static func marked(_ metrics: Metrics) -> [Finding] {
        metrics.valueFindings.map(\.finding) + totals(metrics, countsOnly: true)
    }

    /// The values themselves that look wrong, each with its row: what `Metrics` marks.
    static func valueFindings(_ table: IndicatorTable) -> [(row: Int, finding: Finding)] {
        jumps(table) + percentsOver100(table)
    }

    static func finding(_ kind: Finding.Kind, _ table: IndicatorTable, _ row: IndicatorRow, _ column: InputColumn?, en: String, vi: String) -> Finding {
        Finding(kind: kind, diagnostic: table.warning(at: row, column, en, vietnamese: vi))
    }

    /// Each (unit, indicator) is one run of rows in year order (the table's invariant), so a
    /// run's median is taken over at most a few values.
    static func jumps(_ table: IndicatorTable) -> [(row: Int, finding: Finding)] {
        let rows = table.rows
        let en = NumberText(.en), vi = NumberText(.vi)
        var out: [(row: Int, finding: Finding)] = []
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
                    out.append((i, finding(.jump, table, row, .actual,
                        en: "\(en.number(value)) for \"\(indicator)\" at \"\(unit)\" in \(row.year) is \(en.number(times, fractionDigits: 0))× \(factor >= 1 ? "the" : "below the") \(en.number(median)) of its other years; check for a typing error (an extra or missing digit)",
                        vi: "\(vi.number(value)) của \"\(indicator)\" tại \"\(unit)\" năm \(row.year) \(factor >= 1 ? "gấp " : "chỉ bằng 1/")\(vi.number(times, fractionDigits: 0)) lần mức \(vi.number(median)) của các năm khác; kiểm tra lỗi gõ (thừa hoặc thiếu một chữ số)")))
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

    static func percentsOver100(_ table: IndicatorTable) -> [(row: Int, finding: Finding)] {
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
        return table.rows.indices.filter { percentLike[Int(table.rows[$0].indicator)] && table.rows[$0].actual > 100 }.map { i in
            let row = table.rows[i]
            let unit = table.units[Int(row.unit)], indicator = table.indicators[Int(row.indicator)]
            return (i, finding(.percentOver100, table, row, .actual,
                en: "\(en.number(row.actual)) % for \"\(indicator)\" at \"\(unit)\" in \(row.year) is above 100 %; check the value (91,5 typed as 915?)",
                vi: "\(vi.number(row.actual)) % của \"\(indicator)\" tại \"\(unit)\" năm \(row.year) vượt 100 %; kiểm tra lại số liệu (91,5 gõ thành 915?)"))
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
        // A target of 0 where other units have one above 0: no target for that unit, not a ceiling.
        var zeros: [Int: [Int]] = [:]
        var positive = [Bool](repeating: false, count: table.indicators.count * yearSlots)
        for row in table.rows where row.target != nil { targeted[Int(row.indicator)] = true }
        for (i, row) in table.rows.enumerated() {
            let id = Int(row.indicator)
            if reporters[id].0 < 0 { reporters[id].0 = row.unit } else if reporters[id].0 != row.unit { reporters[id].1 = row.unit }
            if table.isEarlier(i, than: firstRow[id]) { firstRow[id] = i }
            guard targeted[id] else { continue }
            let slot = id * yearSlots + Int(position[Int(row.year)])
            if row.target == nil { without[slot, default: []].append(i) } else { with[slot] += 1 }
            if row.target == 0, row.direction == .higher { zeros[slot, default: []].append(i) }
            if let target = row.target, target > 0 { positive[slot] = true }
        }
        var out: [Finding] = []
        for slot in without.keys.sorted() {
            guard let missing = without[slot], with[slot] > 0 else { continue }
            let row = table.rows[missing.reduce(-1) { table.isEarlier($1, than: $0) ? $1 : $0 }]
            let names = missing.prefix(4).map { "\"" + table.units[Int(table.rows[$0].unit)] + "\"" }.joined(separator: ", ")
                + (missing.count > 4 ? " …" : "")
            let indicator = table.indicators[Int(row.indicator)]
            out.append(finding(.partialTargets, table, row, .target,
                en: "\"\(indicator)\" in \(row.year) has a target for \(with[slot]) units but none for \(missing.count) (\(names)); the province target is the sum of those assigned (a rate's: the units' threshold) — fill in the missing targets if they were assigned",
                vi: "\"\(indicator)\" năm \(row.year) có kế hoạch ở \(with[slot]) đơn vị nhưng thiếu ở \(missing.count) đơn vị (\(names)); kế hoạch toàn tỉnh là tổng các kế hoạch đã giao (tỷ lệ: mức chung của các đơn vị) — bổ sung nếu đã được giao"))
        }
        for slot in zeros.keys.sorted() where positive[slot] {
            guard let rows = zeros[slot], let first = rows.min(by: { table.isEarlier($0, than: $1) }) else { continue }
            let row = table.rows[first]
            let names = rows.prefix(4).map { "\"" + table.units[Int(table.rows[$0].unit)] + "\"" }.joined(separator: ", ") + (rows.count > 4 ? " …" : "")
            let indicator = table.indicators[Int(row.indicator)]
            out.append(finding(.partialTargets, table, row, .target,
                en: "\"\(indicator)\" in \(row.year) has a target of 0 at \(names) while other units have one above 0: it is read as no target for \(rows.count == 1 ? "that unit" : "those units") (not judged); write the target assigned, or leave the cell empty",
                vi: "\"\(indicator)\" năm \(row.year) có kế hoạch 0 ở \(names) trong khi các đơn vị khác có kế hoạch lớn hơn 0: được hiểu là đơn vị đó không được giao kế hoạch (không đánh giá); ghi kế hoạch đã giao, hoặc để trống"))
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

    /// Total rows against the units' formula: the grand total against the province's, each
    /// subtotal against its own group's. A disagreement is named at both places — the total
    /// row, and the first unit row of the indicator that year.
    static func totals(_ metrics: Metrics, countsOnly: Bool = false) -> [Finding] {
        let table = metrics.table
        let en = NumberText(.en), vi = NumberText(.vi)
        // The formula's name as every page says it (the phrasebook's).
        let (enWords, viWords) = (FigureWords(metrics, .en), FigureWords(metrics, .vi))
        var firstUnitRow: [Int64: Int] = [:]
        for (i, row) in table.rows.enumerated() {
            let k = Metrics.key(row.indicator, row.year)
            if table.isEarlier(i, than: firstUnitRow[k] ?? -1) { firstUnitRow[k] = i }
        }
        var out: [Finding] = []
        func disagreement(_ total: TotalRow, formed: Double, group: String?) {
            let indicator = table.indicators[Int(total.indicator)]
            let (en0, vi0) = (enWords.formulaName(total.indicator), viWords.formulaName(total.indicator))
            let (enHow, viHow) = group.map { (en0 + " of \"\($0)\"", vi0 + " thuộc \"\($0)\"") } ?? (en0, vi0)
            let uses = metrics.profile(total.indicator).usesTotalRow
            let place = IndicatorRow(year: Int32(total.year), unit: -1, indicator: total.indicator, target: total.target, actual: total.actual,
                                     file: total.file, line: total.line)
            let enUse = uses ? "the figures use the total row" : "the figures use \(enHow), as the catalogue says"
            let viUse = uses ? "số liệu dùng dòng tổng" : "số liệu dùng \(viHow), theo danh mục"
            out.append(finding(.totalMismatch, table, place, .actual,
                en: "the total row \"\(total.name)\" gives \(en.number(total.actual, fractionDigits: 2)) for \"\(indicator)\" in \(total.year), but \(enHow) is \(en.number(formed, fractionDigits: 2)); \(enUse) — check the total or the units' rows",
                vi: "dòng tổng \"\(total.name)\" ghi \(vi.number(total.actual, fractionDigits: 2)) cho \"\(indicator)\" năm \(total.year), nhưng \(viHow) là \(vi.number(formed, fractionDigits: 2)); \(viUse) — kiểm tra dòng tổng hoặc số của các đơn vị"))
            if let first = firstUnitRow[Metrics.key(total.indicator, Int32(total.year))] {
                out.append(finding(.totalMismatch, table, table.rows[first], .actual,
                    en: "the units' rows of \"\(indicator)\" in \(total.year) give \(en.number(formed, fractionDigits: 2)) as \(enHow), not the \(en.number(total.actual, fractionDigits: 2)) of \"\(total.name)\" (\(table.files[Int(total.file)]) line \(total.line))",
                    vi: "các dòng đơn vị của \"\(indicator)\" năm \(total.year) cho \(vi.number(formed, fractionDigits: 2)) (\(viHow)), không phải \(vi.number(total.actual, fractionDigits: 2)) của \"\(total.name)\" (\(table.files[Int(total.file)]) dòng \(total.line))"))
            }
        }
        let formulas = metrics.interpretation.indicators.map(\.formula)
        // Each total against the units' own figure of its scope: the province's, or its group's.
        var byLevel: [Int32: [Int64: Double]] = [:]
        func formed(level: Int32?) -> [Int64: Double] {
            let key = level ?? -1
            if let known = byLevel[key] { return known }
            let rows = ProvinceRollup.rows(of: table, formulas: formulas, levelIDs: level.map { [$0] })
            let values = Dictionary(rows.map { (Metrics.key($0.row.indicator, $0.row.year), $0.row.actual) }, uniquingKeysWith: { a, _ in a })
            byLevel[key] = values
            return values
        }
        for total in metrics.interpretation.totals where total.indicator >= 0 && total.period == metrics.period {
            if total.isSubtotal && total.level < 0 || countsOnly && !formulas[Int(total.indicator)].isSum { continue }
            let level: Int32? = total.isSubtotal ? total.level : nil
            guard let value = formed(level: level)[Metrics.key(total.indicator, Int32(total.year))] else { continue }
            guard abs(total.actual - value) > PublishedTotals.tolerance(formulas[Int(total.indicator)], value) else { continue }
            disagreement(total, formed: value, group: level.map { table.levels[Int($0)] })
        }
        return out
    }
}
