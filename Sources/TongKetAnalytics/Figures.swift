import TongKetData

/// Whose figures a row holds: one unit, or the whole province.
public enum Scope: String, Sendable {
    case unit, province
}

/// One row of the metrics table (DESIGN §6): every figure for a (scope, year, unit, indicator).
public struct FigureRow: Sendable, Equatable {
    public var scope: Scope
    public var year: Int
    /// The unit's id in the table; -1 for the province.
    public var unit: Int32
    public var indicator: Int32
    public var measure: Int32
    public var direction: Direction
    public var target: Double?
    public var actual: Double
    public var completion: Double?
    public var status: Status
    public var previousActual: Double?
    public var yoyDelta: Double?
    public var yoyPercent: Double?
    public var completionChangePoints: Double?
    /// What metrics.csv's `flags` says of the row: `estimate` for a result given as "Ước TH",
    /// `published` for a province figure taken from the office's total row, `check` for a value
    /// `check` flags (marked "⚠ cần kiểm tra" wherever it is shown).
    public var estimated = false
    public var published = false
    public var flagged = false
    /// A part of the year against the whole year's target: the completion is progress, not a verdict.
    public var progress = false
    /// The target as stated against the year before ("giảm ít nhất 5 % so với cùng kỳ"); `target` is then
    /// its value resolved from `previousActual`, nil when there is none.
    public var relativeTarget: RelativeTarget?
    /// The row's index in the table's rows, or in the province rows (`Metrics.targets(of:)` finds its other targets by it).
    /// The figure stays plain values: a million of them are encoded for metrics.csv.
    public var index: Int32 = -1

    /// False when the catalogue says the indicator is not judged by its change ("đánh giá theo cùng kỳ: không").
    public var changeJudged = true

    /// A count with a direction and no target, judged by its change against cùng kỳ.
    public var changeStatus: ChangeStatus {
        guard changeJudged else { return .undefined }
        return ChangeStatus.of(target: target, actual: actual, previous: previousActual, direction: direction)
    }

    /// A change from a base at or below zero ("(1.234)" the year before): its delta stands, its percent is
    /// "không so sánh được".
    public var changeHasNoBase: Bool {
        guard let previousActual else { return false }
        return previousActual < 0 || (previousActual == 0 && actual < 0)
    }

    /// Where the previous figure is not the year before's own row: `cung-ky`, the form's own "Cùng kỳ" where another
    /// file states that year otherwise; `merger`, the sum of the units merged into this one.
    public var previousSource: PreviousSource = .ownRow

    public enum PreviousSource: Sendable, Equatable { case ownRow, officeColumn, predecessors }

    /// metrics.csv's `flags`: "estimate;published;check;cung-ky;merger", the ones that hold.
    public var flags: String {
        [(estimated, "estimate"), (published, "published"), (flagged, "check"), (previousSource == .officeColumn, "cung-ky"),
         (previousSource == .predecessors, "merger")].filter(\.0).map(\.1).joined(separator: ";")
    }

    /// The previous figure from elsewhere than the row of the year before (nil: none to compare with); the changes follow it.
    mutating func takePrevious(_ value: Double?, from source: PreviousSource) {
        previousSource = source
        previousActual = value
        yoyDelta = YearOverYear.delta(actual: actual, previous: value)
        yoyPercent = YearOverYear.percent(actual: actual, previous: value)
        // The other figure carries no target of its own: no change of completion to state.
        completionChangePoints = nil
    }

    /// Figures of `rows[index]` in a series sorted by (entity, indicator, year): the year
    /// before is the row just above when it is the same entity and indicator and year − 1.
    static func of(_ rows: [IndicatorRow], at index: Int, scope: Scope) -> FigureRow {
        let row = rows[index]
        var previous: IndicatorRow?
        if index > 0 {
            let above = rows[index - 1]
            if above.unit == row.unit, above.indicator == row.indicator, above.year == row.year - 1 { previous = above }
        }
        let completion = Completion.ratio(target: row.target, actual: row.actual)
        let previousCompletion = previous.flatMap { Completion.ratio(target: $0.target, actual: $0.actual) }
        var figures = FigureRow(
            scope: scope, year: Int(row.year), unit: scope == .province ? -1 : row.unit, indicator: row.indicator,
            measure: row.measure, direction: row.direction, target: row.target, actual: row.actual,
            completion: completion,
            status: Completion.status(target: row.target, actual: row.actual, direction: row.direction),
            previousActual: previous?.actual,
            yoyDelta: YearOverYear.delta(actual: row.actual, previous: previous?.actual),
            yoyPercent: YearOverYear.percent(actual: row.actual, previous: previous?.actual),
            completionChangePoints: YearOverYear.completionChangePoints(current: completion, previous: previousCompletion))
        figures.estimated = row.estimated
        return figures
    }
}
