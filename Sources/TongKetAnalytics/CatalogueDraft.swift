import TongKetData

/// The starting catalogue `tongket init` writes: every indicator and unit of the data, in the
/// order the exports list them, with what the tool would otherwise assume filled in and marked
/// for review — a value ending in "?" is used but still stated as an assumption until the
/// analyst deletes the "?". Comma-separated UTF-8 with a BOM, so Excel opens it as it is and
/// the same reader loads it back.
public enum CatalogueDraft {
    public static let header = ["loại", "tên", "tên cũ", "tên ngắn", "chiều", "toàn tỉnh", "tử số", "mẫu số / trọng số",
                                "lĩnh vực / nhóm", "thứ tự", "trọng tâm", "dòng tổng", "cặp với", "kế hoạch chính",
                                "thuộc", "sáp nhập từ", "ghi chú"]

    public static func csv(_ metrics: Metrics) -> String {
        let table = metrics.table
        let interpretation = metrics.interpretation
        var lines = [header]
        // The order of the exports: by file, then line of first appearance.
        // Ties (the halves of one paired cell share a line) in the cell's order: its words
        // became measures in the order they were written.
        func firstSeen(_ key: (IndicatorRow) -> Int32) -> [Int32] {
            var first: [Int32: (Int32, Int32, Int32)] = [:]
            for row in table.rows {
                let place = (row.file, row.line, row.measure)
                if let seen = first[key(row)], seen <= place { continue }
                first[key(row)] = place
            }
            return first.keys.sorted { a, b in
                let (x, y) = (first[a]!, first[b]!)
                return (x.0, x.1, x.2, a) < (y.0, y.1, y.2, b)
            }
        }
        let year = metrics.years.last ?? 0
        let headlines = Set(Headlines.ranked(metrics, year: year).prefix(6))
        var reporters: [Int32: Set<Int32>] = [:]
        for row in table.rows { reporters[row.indicator, default: []].insert(row.unit) }
        let halves = table.pairedHalves()
        for (position, id) in firstSeen({ $0.indicator }).enumerated() {
            let name = table.indicators[Int(id)]
            let profile = interpretation.indicators[Int(id)]
            var notes: [String] = []
            let partner = profile.pair.map { table.indicators[Int($0)] } ?? ""
            if let pair = profile.pair, let words = pairWords(table, halves, id, pair) { notes.append("một nửa của ô ghép \"\(words)\" trong biểu, đọc thành hai chỉ tiêu") }
            let direction = profile.direction == .lower ? "thấp" : profile.direction == .neutral ? "không" : "cao"
            switch profile.directionBasis {
            case let .inferred(words): notes.append("chiều suy ra từ tên (\"\(words)\")")
            case let .targets(words): notes.append("chiều theo kế hoạch (\(words))")
            case .standard: notes.append("chiều mặc định: càng cao càng tốt")
            default: break
            }
            var rollup: String
            switch profile.formula {
            case .sum: rollup = "tổng"
            case .mean: rollup = "trung bình"
            case .weightedMean: rollup = "trung bình có trọng số"
            case .ratio: rollup = "tỷ lệ"
            case .none: rollup = "không"
            }
            var numerator = "", denominator = ""
            switch profile.formula {
            case let .weightedMean(by): denominator = table.indicators[Int(by)]
            case let .ratio(n, d): (numerator, denominator) = (table.indicators[Int(n)], table.indicators[Int(d)])
            default: break
            }
            // The office's own total row gives the figure: the catalogue says so; the formula stays its cross-check.
            let published = profile.usesTotalRow && interpretation.totals.contains { $0.indicator == id && !$0.isSubtotal }
            if published {
                notes.append("toàn tỉnh lấy từ dòng tổng của biểu; đối chiếu bằng cách tính \(rollup)")
                rollup = "dòng tổng"
            }
            switch profile.formulaBasis {
            case _ where published: break
            case let .inferred(words): notes.append("toàn tỉnh suy ra từ tên (\"\(words)\")")
            case let .measure(measure): notes.append("toàn tỉnh suy ra từ đơn vị tính \"\(measure)\"")
            case .standard: notes.append("toàn tỉnh mặc định: cộng các đơn vị")
            default: break
            }
            // An indicator one unit reports belongs to that unit's field (a department's own work).
            var field = profile.field ?? ""
            if field.isEmpty, let units = reporters[id], units.count == 1, let unit = units.first {
                field = table.units[Int(unit)]
                notes.append("lĩnh vực: đơn vị duy nhất báo cáo")
            }
            let headline = profile.headline.map { $0 ? "có" : "không" } ?? (headlines.contains(id) ? "có?" : "")
            // Several targets: the one taken as the headline, proposed, the others named in the note.
            let main = mainTarget(metrics, id)
            if let main { notes.append("các kế hoạch khác của biểu: " + main.others.joined(separator: ", ")) }
            lines.append(["chỉ tiêu", name, (interpretation.indicatorSpellings[name] ?? []).joined(separator: "; "), profile.label ?? "",
                          mark(direction, profile.directionBasis), published ? rollup : mark(rollup, profile.formulaBasis), numerator, denominator,
                          field, String(profile.order ?? position + 1), headline, "", partner, main.map { $0.headline + "?" } ?? "",
                          profile.parent.map { table.indicators[Int($0)] + "?" } ?? "", "", notes.joined(separator: "; ")])
        }
        var levelOf: [Int32: Int32] = [:]
        for row in table.rows where row.level >= 0 && levelOf[row.unit] == nil { levelOf[row.unit] = row.level }
        for id in firstSeen({ $0.unit }) {
            let profile = interpretation.units[Int(id)]
            var notes: [String] = []
            if case .inferred = profile.groupBasis { notes.append("nhóm suy ra từ tên") }
            if let level = levelOf[id], table.sectionLevels.contains(level), profile.group == table.levels[Int(level)] {
                notes.append("nhóm theo đề mục của biểu")
            }
            if let old = interpretation.likelyRenamedUnits[table.units[Int(id)]] {
                notes.append("có lẽ là \"\(old)\" đổi tên: nếu đúng, ghi \"\(old)\" vào cột tên cũ để so sánh qua các năm")
            }
            // A merger the names or a note showed, proposed:
            // "Chi cục Thuế huyện Tam Nông; Chi cục Thuế huyện Thanh Bình (2025)?".
            let merger = interpretation.lineages.first { $0.unit == id && $0.kind == .merger && $0.basis != .catalogue }.map { lineage in
                lineage.predecessors.filter { $0 != id }.map { table.units[Int($0)] }.joined(separator: "; ") + " (\(lineage.year))?"
            }
            lines.append(["đơn vị", table.units[Int(id)], (interpretation.unitSpellings[table.units[Int(id)]] ?? []).joined(separator: "; "), profile.shortName ?? "", "", "", "", "",
                          profile.group.map { mark($0, profile.groupBasis) } ?? "", "", "", "", "", "", "", merger ?? "",
                          notes.joined(separator: "; ")])
        }
        for name in Set(interpretation.totals.map(\.name)).sorted() {
            lines.append(["đơn vị", name, "", "", "", "", "", "", "", "", "", "có?", "", "", "", "",
                          "dòng tổng (suy ra từ tên): chỉ dùng để đối chiếu số toàn tỉnh"])
        }
        return "\u{FEFF}" + lines.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// "vụ/bị can" when `id` and `pair` are the halves of one paired cell (their measures in
    /// the cell's order); nil for a pair only the catalogue makes.
    static func pairWords(_ table: IndicatorTable, _ pairs: [(Int32, Int32)], _ id: Int32, _ pair: Int32) -> String? {
        guard let halves = pairs.first(where: { [$0.0, $0.1].contains(id) && [$0.0, $0.1].contains(pair) }) else { return nil }
        let measures = [halves.0, halves.1].compactMap { half in table.rows.first { $0.indicator == half }.map { table.measures[Int($0.measure)] } }
        return measures.count == 2 ? measures.joined(separator: "/") : nil
    }

    /// The headline target's name and the others', for an indicator whose files state more than one.
    static func mainTarget(_ metrics: Metrics, _ id: Int32) -> (headline: String, others: [String])? {
        let table = metrics.table
        guard !table.otherTargets.isEmpty, let row = table.rows.first(where: { $0.indicator == id && $0.target != nil }),
              let headline = table.targetName(of: row) else { return nil }
        let others = table.otherTargets.filter { other in
            other.values.keys.contains { $0.indicator == id } || other.relative.keys.contains { $0.indicator == id }
        }
        return others.isEmpty ? nil : (headline, others.map(\.name))
    }

    /// A value with "?" when the tool assumed it.
    static func mark(_ value: String, _ basis: Basis) -> String { basis.isAssumed ? value + "?" : value }

    static func cell(_ text: String) -> String { String(decoding: CSVField.neutralised(Array(text.utf8)), as: UTF8.self) }
}
