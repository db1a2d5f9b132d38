import TongKetAnalytics
import TongKetData

/// The six conference charts (DESIGN §4).
public enum ChartKind: String, Sendable, CaseIterable {
    case scorecard, completion, yoy, trend, heatmap, kpi

    /// Kinds drawn for one indicator.
    public var needsIndicator: Bool { self == .completion || self == .yoy || self == .trend }
}

/// What to draw: a kind, the year (and the one before it), and the indicator for the kinds
/// that show one.
public struct ChartRequest: Sendable {
    public var kind: ChartKind
    public var year: Int
    public var indicator: Int32?

    public init(kind: ChartKind, year: Int, indicator: Int32? = nil) {
        self.kind = kind
        self.year = year
        self.indicator = indicator
    }
}

public enum Charts {
    /// The chart as a Scene: the only entry point the backends and the report need.
    public static func scene(_ request: ChartRequest, metrics: Metrics, context: ChartContext) -> Scene {
        let data = ChartData(metrics: metrics)
        let indicator = request.indicator ?? 0
        switch request.kind {
        case .scorecard: return ScorecardChart(data: data, year: request.year).scene(context)
        case .completion: return CompletionChart(data: data, indicator: indicator, year: request.year).scene(context)
        case .yoy: return YearOverYearChart(data: data, indicator: indicator, year: request.year).scene(context)
        case .trend: return TrendChart(data: data, indicator: indicator, year: request.year).scene(context)
        case .heatmap: return HeatmapChart(data: data, year: request.year).scene(context)
        case .kpi: return KPIChart(data: data, year: request.year).scene(context)
        }
    }
}

extension Scene {
    init(context: ChartContext, frame: ChartFrame, items: [Primitive], title: String, subject: String) {
        self.init(width: context.size.width, height: context.size.height, background: context.theme.background,
                  items: frame.items + items, title: title, subject: subject)
    }
}
