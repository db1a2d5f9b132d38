/// A rate that is, in every unit's row, one count over another ("Tỷ lệ giải quyết" = "Số vụ việc đã giải quyết" /
/// "Tổng số vụ việc thụ lý" × 100): the province's is then the units' counts pooled, as the office's own total row
/// makes it, never the mean of the units' rates.
enum RatioInference {
    /// Per indicator, the (numerator, denominator) its every row is, where at least three rows show it and none denies it.
    static func find(_ table: IndicatorTable) -> [Int32: (numerator: Int32, denominator: Int32)] {
        let count = table.indicators.count
        // (a million-row export with hundreds of indicators is no office's form: its rates are said in the catalogue)
        guard count >= 3, count <= 200, table.rows.count <= 200_000 else { return [:] }
        struct Place: Hashable { var unit: Int32, year: Int32, period: UInt8 }
        var values: [Place: [Int32: Double]] = [:]
        var rowsOf = [[Place]](repeating: [], count: count)
        for row in table.rows where !row.actual.isNaN {
            let place = Place(unit: row.unit, year: row.year, period: row.period)
            values[place, default: [:]][row.indicator] = row.actual
            rowsOf[Int(row.indicator)].append(place)
        }
        var out: [Int32: (numerator: Int32, denominator: Int32)] = [:]
        for rate in 0..<count where rowsOf[rate].count >= 3 {
            let places = rowsOf[rate]
            func holds(_ a: Int, _ b: Int, at place: Place) -> Bool? {
                guard let row = values[place], let r = row[Int32(rate)], let x = row[Int32(a)], let y = row[Int32(b)], y > 0 else {
                    return nil
                }
                return abs(x / y * 100 - r) <= max(0.06, 0.001 * abs(r))
            }
            search: for a in 0..<count where a != rate {
                for b in 0..<count where b != rate && b != a {
                    // Most pairs fail on the first row that has all three: only the rest are checked further.
                    var shown = 0
                    for place in places {
                        guard let ok = holds(a, b, at: place) else { continue }
                        if !ok { shown = -1; break }
                        shown += 1
                    }
                    if shown >= 3 {
                        out[Int32(rate)] = (Int32(a), Int32(b))
                        break search
                    }
                }
            }
        }
        return out
    }
}
