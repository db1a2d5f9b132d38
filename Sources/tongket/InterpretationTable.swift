import TongKetAnalytics
import TongKetData

/// `check`'s first table: for every indicator, what the figures take as given — its direction,
/// how the province figure is formed, its measure — and where each came from (the file's
/// column, the targets, the total row, the catalogue, the name, or the default), defaults
/// included, so a default "cao" on a ceiling-like name is there to be seen.
struct InterpretationTable {
    let metrics: Metrics

    var text: String {
        let pick = MessageLanguage.pick
        var rows = [[pick("Chỉ tiêu", "Indicator"), pick("Chiều", "Direction"), pick("Toàn tỉnh", "Province figure"),
                     pick("Đơn vị tính", "Measure"), pick("Đánh giá theo", "Judged by")]]
        for (id, name) in metrics.table.indicators.enumerated() {
            let profile = metrics.interpretation.indicators[id]
            let direction: String
            switch profile.direction {
            case .higher: direction = pick("cao", "higher")
            case .lower: direction = pick("thấp (trần)", "lower (ceiling)")
            case .neutral: direction = pick("không", "none")
            }
            let measure = metrics.provinceRows.firstIndex { $0.indicator == Int32(id) }.map { metrics.measureName(metrics.provinceFigures(at: $0)) }
                ?? profile.measure ?? ""
            rows.append([name, direction + " ← " + Self.source(profile.directionBasis), province(Int32(id), profile),
                         (measure.isEmpty ? "—" : measure)
                            + (profile.isRate ? pick(" (tỷ lệ", " (rate") + " ← " + Self.source(profile.rateBasis) + ")" : ""),
                         judgedBy(Int32(id))])
        }
        return pick("Cách hiểu từng chỉ tiêu (← nguồn của mỗi quyết định):", "How each indicator is read (← where each decision came from):") + "\n"
            + TextGrid(rows: rows, rightAligned: [], maxWidths: [48, 34, 52, 30, 64]).text
            + "  " + pick("Chiều quyết định theo thứ tự: ", "Directions are decided in this order: ")
            + DirectionRule.orderWords(vietnamese: MessageLanguage.isVietnamese) + pick("; toàn tỉnh: dòng tổng → danh mục → đơn vị tính / tên → tổng.", "; province figure: total row → catalogue → measure / name → sum.") + "\n"
    }

    /// What the province's latest figure is judged against: its targets by name (the headline first), a
    /// target against cùng kỳ, its change (a count with a direction and no target), or nothing.
    private func judgedBy(_ id: Int32) -> String {
        let pick = MessageLanguage.pick
        guard let index = metrics.provinceRows.indices.filter({ metrics.provinceRows[$0].indicator == id })
            .max(by: { metrics.provinceRows[$0].year < metrics.provinceRows[$1].year }) else { return "—" }
        let f = metrics.provinceFigures(at: index)
        if f.direction == .neutral { return pick("không đánh giá", "not judged") }
        if let relative = f.relativeTarget {
            let amount = NumberText(MessageLanguage.isVietnamese ? .vi : .en).signed(relative.amount)
            return pick("mục tiêu so với cùng kỳ (\(amount)\(relative.points ? " điểm %" : " %"))",
                        "a goal against last year (\(amount)\(relative.points ? " pp" : "%"))")
        }
        if f.target != nil {
            let names = metrics.targets(of: f).map(\.name)
            let targets = names.count > 1
                ? pick("kế hoạch: ", "targets: ") + names[0] + pick(" (chính), ", " (headline), ")
                    + names.dropFirst().joined(separator: ", ")
                : pick("kế hoạch", "its target")
            return targets + (f.progress ? pick(" (tiến độ năm)", " (the year's progress)") : "")
        }
        if !f.changeJudged { return pick("không (danh mục: đánh giá theo cùng kỳ: không)", "nothing (the catalogue says so)") }
        return pick("thay đổi so với cùng kỳ", "its change on last year")
    }

    private func province(_ id: Int32, _ profile: IndicatorProfile) -> String {
        let pick = MessageLanguage.pick
        let bases = metrics.provinceRows.indices.filter { metrics.provinceRows[$0].indicator == id }.map { metrics.provinceBases[$0] }
        let formula: String
        switch profile.formula {
        case .sum: formula = pick("tổng", "sum")
        case .mean: formula = pick("trung bình", "mean")
        case .weightedMean: formula = pick("trung bình có trọng số", "weighted mean")
        case .ratio: formula = pick("tỷ lệ chung", "overall ratio")
        case .none: return pick("không tính", "none") + " ← " + Self.source(profile.formulaBasis)
        }
        let formed = formula + " ← " + Self.source(profile.formulaBasis)
        if let total = bases.lazy.compactMap({ basis -> String? in if case let .totalRow(name, _, _) = basis.figure { name } else { nil } }).first {
            return pick("dòng tổng \"\(total)\" (đối chiếu: \(formed))", "total row \"\(total)\" (cross-check: \(formed))")
        }
        if let last = bases.last, case let .singleUnit(unit) = last.figure {
            return pick("số của \(metrics.table.units[Int(unit)]) (đơn vị duy nhất)", "\(metrics.table.units[Int(unit)])'s figure (the only unit)")
        }
        return formed
    }

    static func source(_ basis: Basis) -> String {
        let pick = MessageLanguage.pick
        switch basis {
        case .data: return pick("tệp", "file")
        case .catalogue: return pick("danh mục", "catalogue")
        case .proposed: return pick("danh mục, chưa xác nhận", "catalogue, unconfirmed")
        case let .inferred(words): return pick("tên: \"\(words)\"", "name: \"\(words)\"")
        case let .measure(measure): return pick("ĐVT \"\(measure)\"", "measure \"\(measure)\"")
        case let .targets(words): return words
        case let .totalRow(name): return pick("dòng tổng \"\(name)\"", "total row \"\(name)\"")
        case .standard: return pick("mặc định", "default")
        }
    }
}
