import TongKetData

/// One target of a figure whose files state several ("Dự toán pháp lệnh", "Dự toán HĐND tỉnh
/// giao"), with its own completion and status; the headline's are also the figure's own.
public struct TargetFigure: Sendable, Equatable {
    public var name: String
    /// Nil for a target against the year before with no previous figure to resolve it from.
    public var target: Double?
    public var completion: Double?
    public var status: Status
    /// A part of the year against the whole year's target: progress, not a verdict.
    public var progress: Bool
    public var headline: Bool
}

extension Metrics {
    /// The figures formed against one other target, as the headline's are formed against the headline.
    public struct OtherTargetMetrics: Sendable {
        public let name: String
        public let metrics: Metrics
    }

    /// Every target of a figure, the headline first, when its files state more than one; empty otherwise.
    public func targets(of f: FigureRow) -> [TargetFigure] {
        guard !others.isEmpty, f.index >= 0 else { return [] }
        let index = Int(f.index)
        if f.scope == .unit {
            return targets(of: f, headlineName: table.targetName(of: table.rows[index])) { $0.unitFigures(at: index) }
        }
        let key = Self.key(f.indicator, Int32(f.year))
        return targets(of: f, headlineName: headlineTargetName(indicator: f.indicator)) { other in
            other.provinceIndex[key].map(other.provinceFigures(at:))
        }
    }

    private func targets(of f: FigureRow, headlineName: String?, other: (Metrics) -> FigureRow?) -> [TargetFigure] {
        var out: [TargetFigure] = []
        for o in others {
            guard let g = other(o.metrics), g.target != nil || g.relativeTarget != nil else { continue }
            out.append(TargetFigure(name: o.name, target: g.target, completion: g.completion, status: g.status, progress: g.progress,
                                    headline: false))
        }
        guard !out.isEmpty else { return [] }
        if let target = f.target {
            // An unnamed headline is the plan, as offices write it.
            let name = headlineName ?? "KH"
            let headline = TargetFigure(name: name, target: target, completion: f.completion, status: f.status, progress: f.progress,
                                        headline: true)
            out.insert(headline, at: 0)
        }
        return out
    }

    /// A "tồn tại, hạn chế": a target missed (the headline or another the files state), or a count with no
    /// target that went the wrong way on cùng kỳ.
    public func isShortfall(_ f: FigureRow) -> Bool {
        f.status == .notMet || f.changeStatus == .worse || targets(of: f).contains { $0.status == .notMet }
    }

    /// The headline target's name for a province figure: the name the files of its units give it.
    func headlineTargetName(indicator: Int32) -> String? {
        guard let row = table.rows.first(where: { $0.indicator == indicator && $0.target != nil }) else { return nil }
        return table.targetName(of: row)
    }
}

extension [TargetFigure] {
    /// metrics.csv's `targets`: "name=value" pairs joined by " | ", a name holding "|", "=" or a quote
    /// written as CSV text ("\"KH = A\"=5"); empty when the files state one target (it is `target`).
    public var text: String {
        map { t in
            let name = t.name.contains(where: { $0 == "|" || $0 == "=" || $0 == "\"" })
                ? "\"" + t.name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : t.name
            guard let target = t.target else { return name + "=" }
            let value = target == target.rounded(.towardZero) && abs(target) < 1e15 ? String(Int64(target)) : target.description
            return name + "=" + value
        }.joined(separator: " | ")
    }
}
