import TongKetData

/// How one province figure and its target were formed (DESIGN §3), so that every output can
/// say it: the office's total row, the units' formula, or the one unit that reports it; and
/// the target the total row gave, the catalogue stated, or the units' targets make.
public struct ProvinceBasis: Sendable, Equatable {
    /// Where the province's figure came from: the units' rows, one unit, or the office's total row.
    public enum Figure: Sendable, Equatable {
        /// The units' formula (sum, mean, weighted mean, ratio).
        case formula
        /// The office's own total row ("Tổng cộng", "Toàn tỉnh"), where it stands in the files.
        case totalRow(name: String, file: Int32, line: Int32)
        /// The only unit that reports the indicator: its value is the province's.
        case singleUnit(Int32)
    }

    /// Where the province's target came from.
    public enum Target: Sendable, Equatable {
        case none
        /// The total row's own target.
        case totalRow
        /// The catalogue's "KH toàn tỉnh".
        case catalogue
        /// Every unit counted has a target; the formula combines them.
        case everyUnit
        /// Only `units` of `of` units have one: the targets assigned, summed (or weighted).
        case assigned(units: Int, of: Int)
        /// The threshold the units with a target share (a rate "≥ 90 %").
        case sharedThreshold(units: Int, of: Int)
        /// The units' thresholds differ: their mean, labelled.
        case meanOfTargets(units: Int, of: Int)
    }

    public var figure: Figure
    public var target: Target
    /// Where the total row's figure is used and the units' formula gives another: the units'
    /// figure, shown beside the published one ("cộng các đơn vị: 266").
    public var unitsFigure: Double?

    public init(figure: Figure, target: Target, unitsFigure: Double? = nil) {
        self.figure = figure
        self.target = target
        self.unitsFigure = unitsFigure
    }

    /// The figure is the office's own total row (metrics.csv's flag `published`).
    public var isPublished: Bool {
        if case .totalRow = figure { return true }
        return false
    }
}
