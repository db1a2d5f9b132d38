import TongKetData

/// One indicator of next year's plan ("kế hoạch năm 2025") for the province: the target the
/// units were assigned, formed as the indicator's province target is (a sum's the sum, a
/// rate's the threshold the units share, else their mean), beside this year's result.
public struct PlannedTarget: Sendable, Equatable {
    public var indicator: Int32
    public var year: Int
    public var target: Double
    /// The units that carry a target for the year.
    public var units: Int
    /// The plan as a figure against this year's result: `actual` is the target, `previousActual`
    /// the province's result of the year before (nil when it has none), so a change reads as
    /// any change does ("+5 (+4,4 %)", "+0,5 điểm %"); `target` is nil.
    public var figures: FigureRow
}

extension Metrics {
    /// Next year's plan, province-wide, in the office's order: the targets of `year` when the
    /// files carry them for a year with no results yet (`IndicatorTable.plannedTargets`).
    public func plannedTargets(year: Int) -> [PlannedTarget] {
        let plan = table.plan(year: year)
        guard !plan.rows.isEmpty else { return [] }
        var levelIDs: Set<Int32>?
        if let level {
            let wanted = HeaderName.fold(level)
            levelIDs = Set(plan.levels.indices.filter { HeaderName.fold(plan.levels[$0]) == wanted }.map { Int32($0) })
        }
        var units: [Int32: Int] = [:]
        for row in plan.rows where levelIDs?.contains(row.level) ?? true { units[row.indicator, default: 0] += 1 }
        let formed = ProvinceRollup.rows(of: plan, formulas: interpretation.indicators.map(\.formula), levelIDs: levelIDs)
        let formedByIndicator = Dictionary(formed.compactMap { pair in pair.row.target == nil ? nil : (pair.row.indicator, pair.row) }, uniquingKeysWith: { a, _ in a })
        return inOfficeOrder(Array(formedByIndicator.keys)).compactMap { id -> PlannedTarget? in
            guard let row = formedByIndicator[id], let target = row.target else { return nil }
            let current = provinceIndex[Self.key(id, Int32(year - 1))].map { provinceRows[$0] }
            var plan = IndicatorRow(year: Int32(year), unit: -1, indicator: id, measure: current?.measure ?? row.measure,
                                    direction: current?.direction ?? row.direction, target: nil, actual: target)
            plan.period = current?.period ?? 0
            let figures = FigureRow.of(current.map { [$0, plan] } ?? [plan], at: current == nil ? 0 : 1, scope: .province)
            return PlannedTarget(indicator: id, year: year, target: target, units: units[id] ?? 0, figures: figures)
        }
    }
}
