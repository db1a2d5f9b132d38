import TongKetData

/// The indicators a review leads with (the KPI tiles, the video): those the catalogue marks
/// "trọng tâm", else by a stated rule, never by alphabetical order —
/// 1. marked headline in the catalogue (and never one marked "không");
/// 2. reported by more units in the year (what the whole province did, not one office's work);
/// 3. with a province target (so the tile can say "đạt … kế hoạch");
/// 4. the bigger change against the year before (|percent|, undefined last);
/// 5. the catalogue's order, then the name.
package enum Headlines {
    /// The first `count` headlines, shown in the office's order (the catalogue's "thứ tự", then
    /// the files'): importance chooses which, the office's order how they are laid out.
    public static func shown(_ metrics: Metrics, year: Int, count: Int) -> [Int32] {
        metrics.inOfficeOrder(Array(ranked(metrics, year: year).prefix(count)))
    }

    public static func ranked(_ metrics: Metrics, year: Int) -> [Int32] {
        let table = metrics.table
        var reporters = [Int](repeating: 0, count: table.indicators.count)
        for row in table.rows where Int(row.year) == year { reporters[Int(row.indicator)] += 1 }
        var province: [Int32: FigureRow] = [:]
        for i in metrics.provinceRows.indices where Int(metrics.provinceRows[i].year) == year {
            province[metrics.provinceRows[i].indicator] = metrics.provinceFigures(at: i)
        }
        let candidates = table.indicators.indices.map { Int32($0) }.filter {
            reporters[Int($0)] > 0 && province[$0] != nil && metrics.profile($0).headline != false
        }
        func key(_ id: Int32) -> (Int, Int, Int, Double, Int) {
            let profile = metrics.profile(id)
            let f = province[id]
            return (profile.headline == true ? 0 : 1, -reporters[Int(id)], f?.target == nil ? 1 : 0,
                    -(f?.yoyPercent.map(abs) ?? -1), profile.order ?? Int.max)
        }
        return candidates.sorted { a, b in
            let (x, y) = (key(a), key(b))
            if x != y { return x < y }
            return NameOrder.precedes(table.indicators[Int(a)], table.indicators[Int(b)])
        }
    }
}
