import TongKetAnalytics
import TongKetCharts
import TongKetData

/// What a summary video shows and how it looks.
public struct VideoOptions: Sendable {
    public var size: CanvasSize
    public var fps: Int
    public var theme: Theme
    public var language: Language
    public var pacing: Pacing
    /// The chart kinds, in order; the per-indicator kinds repeat for each indicator.
    public var kinds: [ChartKind]
    /// The indicators the per-indicator kinds show; empty: the headline one.
    public var indicators: [Int32]
    public var title: String?
    public var organisation: String
    public var date: String
    public var source: String?
    public var logo: String?
    /// Each chart's sentence burned in as a lower third (the .srt carries them either way).
    public var captions = true

    public static let defaultKinds: [ChartKind] = [.kpi, .scorecard, .completion, .yoy, .trend, .heatmap]

    public init(size: CanvasSize = .slide, fps: Int = 30, theme: Theme = .dark, language: Language = .vi, pacing: Pacing = Pacing(),
                kinds: [ChartKind] = VideoOptions.defaultKinds, indicators: [Int32] = [], title: String? = nil, organisation: String = "",
                date: String, source: String? = nil, logo: String? = nil) {
        self.size = size
        self.fps = fps
        self.theme = theme
        self.language = language
        self.pacing = pacing
        self.kinds = kinds
        self.indicators = indicators
        self.title = title
        self.organisation = organisation
        self.date = date
        self.source = source
        self.logo = logo
    }
}

/// The slides of a year's summary video: a title card, the charts the data supports (the
/// same rules as the pack's), an end card.
package enum VideoPlan {
    public static func timeline(_ metrics: Metrics, year: Int, options o: VideoOptions, measurer: any TextMeasurer) -> Timeline {
        let words = FigureWords(metrics, o.language)
        let narrative = Narrative(metrics: metrics, year: year, language: o.language)
        let pages = requests(metrics, year: year, options: o)
            .map { (spec: Charts.spec($0, metrics: metrics, language: o.language), caption: narrative.caption(for: $0)) }
        return timeline(pages, title: o.title ?? words.reviewTitle(year), when: words.When(year), date: words.dateWords(o.date), options: o, measurer: measurer)
    }

    /// A video of these charts, each with its caption (burned in unless `captions` is off),
    /// between the title card and the end card.
    static func timeline(_ pages: [(spec: ChartSpec, caption: String)], title: String, when: String, date: String, options o: VideoOptions, measurer: any TextMeasurer) -> Timeline {
        let context = ChartContext(size: o.size, theme: o.theme, language: o.language, measurer: measurer, source: o.source, logoPath: o.logo)
        var slides = [Timeline.Slide(scene: TitleSlide.scene(title: title, organisation: o.organisation, when: when, date: date, context: context), isCard: true)]
        for page in pages {
            let scene = o.captions ? Caption.scene(page.caption, context: context) { ChartLayout.scene(page.spec, context: $0) } : ChartLayout.scene(page.spec, context: context)
            slides.append(.init(scene: scene, isCard: false, caption: page.caption))
        }
        let thanks = o.language == .vi ? "Cảm ơn quý vị đã theo dõi" : "Thank you for watching"
        slides.append(.init(scene: TitleSlide.scene(title: thanks, organisation: o.organisation.isEmpty ? title : o.organisation, when: when, date: date, context: context), isCard: true))
        return Timeline(slides: slides, fps: o.fps, pacing: o.pacing, language: o.language)
    }

    /// The charts in the order asked, each kind once or once per chosen indicator, left out
    /// where the data does not support it (no target, no year before, fewer than 3 years).
    public static func requests(_ metrics: Metrics, year: Int, options o: VideoOptions) -> [ChartRequest] {
        // Every chart the pack could make, the deck's own kinds (bullet, shortfalls, multiples) too.
        let deck = DeckPlan(metrics: metrics, year: year, language: o.language, maxPages: Int.max)
        let supported = ReportPlan(metrics: metrics, year: year, language: o.language, deck: deck).entries.map(\.request)
        let indicators = o.indicators.isEmpty ? headline(metrics, year: year).map { [$0] } ?? [] : o.indicators
        var requests: [ChartRequest] = []
        for kind in o.kinds {
            let candidates = kind.needsIndicator ? indicators.map { ChartRequest(kind: kind, year: year, indicator: $0) } : [ChartRequest(kind: kind, year: year)]
            // The pack's own chart of that kind (a heatmap: its first section's).
            for request in candidates {
                if let match = supported.first(where: { $0.kind == request.kind && $0.indicator == request.indicator }) { requests.append(match) }
            }
        }
        return requests
    }

    /// The indicator a video leads with: the first headline (`Headlines`) that has every
    /// chart the video shows, else the first headline with any.
    public static func headline(_ metrics: Metrics, year: Int) -> Int32? {
        let requests = ReportPlan(metrics: metrics, year: year).entries.map(\.request)
        var charts: [Int32: Int] = [:]
        for request in requests { if let indicator = request.indicator { charts[indicator, default: 0] += 1 } }
        let ranked = Headlines.ranked(metrics, year: year).filter { charts[$0] != nil }
        let most = ranked.map { charts[$0] ?? 0 }.max() ?? 0
        return ranked.first { charts[$0] == most } ?? ranked.first
    }
}
