/// A whole whose name says its items add up to it ("TỔNG THU NSNN (A+B)"), checked in every unit, year and period
/// and in the agency's own rows: a disagreement is a finding at the whole's row. "Trong đó" items need not add up.
extension Interpretation {
    mutating func checkItemSums() {
        let id = Dictionary(table.indicators.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        let sums = table.itemSums.compactMap { whole, items -> (Int32, [Int32])? in
            guard let whole = id[whole] else { return nil }
            let parts = items.compactMap { id[$0] }
            return parts.count == items.count ? (whole, parts) : nil
        }.sorted { $0.0 < $1.0 }
        guard !sums.isEmpty else { return }
        // Each figure by (who, year, period, indicator): a unit's id, or -1 - the total row's name's place for the agency's.
        struct Key: Hashable { var who: Int64, year: Int32, period: UInt8, indicator: Int32 }
        var value: [Key: Double] = [:]
        var place: [Key: IndicatorRow] = [:]
        let wanted = Set(sums.flatMap { [$0.0] + $0.1 })
        for row in table.rows where wanted.contains(row.indicator) && !row.fromPreviousColumn {
            let key = Key(who: Int64(row.unit), year: row.year, period: row.period, indicator: row.indicator)
            value[key] = row.actual
            place[key] = row
        }
        var totalNames: [String: Int64] = [:]
        for total in totals where wanted.contains(total.indicator) && !total.fromPreviousColumn {
            let who = -1 - (totalNames[total.name] ?? {
                totalNames[total.name] = Int64(totalNames.count); return Int64(totalNames.count - 1)
            }())
            let key = Key(who: who, year: Int32(total.year), period: total.period, indicator: total.indicator)
            value[key] = total.actual
            place[key] = IndicatorRow(year: Int32(total.year), unit: -1, indicator: total.indicator, target: nil, actual: total.actual,
                                      file: total.file, line: total.line)
        }
        var said = 0
        for (whole, parts) in sums {
            for (key, figure) in value.sorted(by: { ($0.key.who, $0.key.year, $0.key.period) < ($1.key.who, $1.key.year, $1.key.period) })
            where key.indicator == whole {
                let items = parts.map { part -> Double? in var k = key; k.indicator = part; return value[k] }
                guard items.allSatisfy({ $0 != nil }) else { continue }
                let sum = items.reduce(0) { $0 + ($1 ?? 0) }
                guard abs(sum - figure) > max(0.5, 1e-4 * abs(figure)), said < 50, let row = place[key] else { continue }
                said += 1
                let name = table.indicators[Int(whole)], list = parts.map { "\"\(table.indicators[Int($0)])\"" }.joined(separator: " + ")
                findings.append(Finding(kind: .itemSum, diagnostic: table.warning(at: row, .actual,
                    "\"\(name)\" is \(FileReader.plain(figure)), but its items \(list) add up to \(FileReader.plain(sum)) "
                        + "as its name says they should; "
                        + "correct the one that is wrong",
                    vietnamese: "\"\(name)\" là \(FileReader.plain(figure)), "
                        + "nhưng các khoản \(list) cộng lại bằng \(FileReader.plain(sum)), "
                        + "trong khi tên chỉ tiêu ghi là tổng các khoản đó; sửa số sai")))
            }
        }
    }
}
