import TongKetAnalytics
import TongKetData

/// The conference charts: the six of DESIGN §4, and the deck's overview (bullet), its
/// shortfalls page, the units' small multiples, the "so với cùng kỳ" table (comparison) and
/// next year's targets ("phương hướng, nhiệm vụ năm tới", plan).
public enum ChartKind: String, Sendable, CaseIterable {
    case scorecard, completion, yoy, trend, heatmap, kpi, bullet, shortfalls, multiples, comparison, plan

    /// Kinds drawn for one indicator.
    public var needsIndicator: Bool { self == .completion || self == .yoy || self == .trend || self == .multiples }

    /// Headline tiles a slide holds legibly.
    public static let headlineTiles = KPIChart.maximumTiles
    /// Rows of the "so với cùng kỳ" table a slide holds legibly; a longer one takes two pages.
    public static let comparisonRows = ComparisonChart.rowsPerPage
    /// Small charts a slide holds legibly.
    public static let panelLimit = SmallMultiplesChart.maximumPanels
}

/// What to draw: a kind, the year (and the one before it), and the indicator for the kinds
/// that show one.
public struct ChartRequest: Sendable, Equatable {
    public var kind: ChartKind
    public var year: Int
    public var indicator: Int32?
    /// For bullet, heatmap, comparison and plan: these indicators only, in this order (empty: all).
    public var indicators: [Int32]
    /// For bullet: the section the page is about, its title.
    public var section: String?

    public init(kind: ChartKind, year: Int, indicator: Int32? = nil, indicators: [Int32] = [], section: String? = nil) {
        self.kind = kind
        self.year = year
        self.indicator = indicator
        self.indicators = indicators
        self.section = section
    }
}

package enum Charts {
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
        case .heatmap: return HeatmapChart(data: data, year: request.year, indicators: request.indicators, section: request.section).spec(words)
        case .kpi: return KPIChart(data: data, year: request.year).spec(words)
        case .bullet:
            let all = request.indicators.isEmpty ? data.indicatorsReported(year: request.year) : request.indicators
            return BulletChart(data: data, indicators: all, year: request.year, section: request.section).spec(words)
        case .shortfalls: return ShortfallChart(data: data, year: request.year).spec(words)
        case .multiples: return SmallMultiplesChart(data: data, indicator: indicator, year: request.year).spec(words)
        case .comparison: return ComparisonChart(data: data, year: request.year, indicators: request.indicators, section: request.section).spec(words)
        case .plan: return PlanChart(data: data, year: request.year, indicators: request.indicators, section: request.section).spec(words)
        }
    }

    /// The chart as a ChartScene: the only entry point the backends and the report need.
    public static func scene(_ request: ChartRequest, metrics: Metrics, context: ChartContext) -> ChartScene {
        ChartLayout.scene(spec(request, metrics: metrics, language: context.language), context: context)
    }
}
