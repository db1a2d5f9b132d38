import TongKetData

/// The indicators a review leads with (the KPI tiles, the video): those the catalogue marks
/// "trọng tâm", else by a stated rule, never by alphabetical order —
/// 1. marked headline in the catalogue (and never one marked "không");
/// 2. the office's work before its internal affairs (emulation awards, internal plans and rules: `isInternal`);
/// 3. reported by more units in the year (what the whole province did, not one office's work);
/// 4. with a province target (so the tile can say "đạt … kế hoạch");
/// 5. the catalogue's order, then the files' — never a large % change on a small base.
package enum Headlines {
    /// The first `count` headlines, in the order of their weight: the work the whole province did leads.
    public static func shown(_ metrics: Metrics, year: Int, count: Int) -> [Int32] {
        Array(ranked(metrics, year: year).prefix(count))
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
        func key(_ id: Int32) -> (Int, Int, Int, Int, Int) {
            let profile = metrics.profile(id)
            return (profile.headline == true ? 0 : 1, isInternal(metrics, id) ? 1 : 0, -reporters[Int(id)],
                    province[id]?.target == nil ? 1 : 0, profile.order ?? Int.max)
        }
        return candidates.sorted { a, b in
            let (x, y) = (key(a), key(b))
            if x != y { return x < y }
            return a < b
        }
    }

    /// An office's internal affairs, which a review reports last: a field (the catalogue's, or the form's heading) or a
    /// name about internal work or emulation and awards ("Xây dựng ngành, nội bộ", "Công tác thi đua, khen thưởng"),
    /// or a name that counts plans, rules or documents ("Số kế hoạch, quy chế …").
    public static func isInternal(_ metrics: Metrics, _ id: Int32) -> Bool {
        let clues = [" thi dua", " khen thuong", " danh hieu", " noi bo"]
        if let field = metrics.profile(id).field, clues.contains(where: (" " + HeaderName.fold(field)).contains) { return true }
        let name = metrics.table.indicators[Int(id)].lowercased()
        // "kế hoạch" alone is the target of many a name ("Tỷ lệ thu so với kế hoạch"): only a count of plans is internal,
        // and "số" keeps its accent here ("so kế hoạch" is "against the plan").
        return clues.contains(where: (" " + HeaderName.fold(name) + " ").contains)
            || ["số kế hoạch", "số văn bản", "số quy chế"].contains(where: name.hasPrefix)
    }
}
