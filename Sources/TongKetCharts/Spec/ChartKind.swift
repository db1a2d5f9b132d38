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
    /// The chart as data: what it shows and says, in `language`. Lay it out with `ChartLayout`.
    public static func spec(_ request: ChartRequest, metrics: Metrics, language: Language) -> ChartSpec {
        let data = ChartData(metrics: metrics)
        let words = ChartWords(language)
        let indicator = request.indicator ?? 0
        switch request.kind {
        case .scorecard: return ScorecardChart(data: data, year: request.year).spec(words)
        case .completion: return CompletionChart(data: data, indicator: indicator, year: request.year).spec(words)
        case .yoy: return YearOverYearChart(data: data, indicator: indicator, year: request.year).spec(words)
        case .trend: return TrendChart(data: data, indicator: indicator, year: request.year).spec(words)
        case .heatmap: return HeatmapChart(data: data, year: request.year).spec(words)
        case .kpi: return KPIChart(data: data, year: request.year).spec(words)
        }
    }

    /// The chart as a Scene: the only entry point the backends and the report need.
    public static func scene(_ request: ChartRequest, metrics: Metrics, context: ChartContext) -> Scene {
        ChartLayout.scene(spec(request, metrics: metrics, language: context.language), context: context)
    }
}
