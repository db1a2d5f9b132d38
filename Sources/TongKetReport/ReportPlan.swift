import TongKetAnalytics
import TongKetCharts
import TongKetData

/// Which charts a year's pack holds in its charts/ folder: the headline tiles, the units'
/// scorecard, the heatmaps, then for each indicator its completion by unit (when it has
/// targets) and its year-over-year change by unit (when the year before is there) — both only
/// when two units or more report it — and its province trend (with three years or more);
/// then the deck's own pages. The deck shows a chosen few of them (`DeckPlan`).
package struct ReportPlan {
    public struct Entry: Sendable, Equatable {
        public var request: ChartRequest
        /// "04-completion-so-vu-phuc-tham": the file name without extension.
        public var name: String
    }

    public let entries: [Entry]
    static let heatmapRows = 12

    /// `kinds` and `indicators` narrow it (nil: every kind, every indicator); `deck`'s pages
    /// that are not among the charts are added after them.
    public init(metrics: Metrics, year: Int, language: Language = .vi, kinds: Set<ChartKind>? = nil, indicators: Set<Int32>? = nil, deck: DeckPlan? = nil) {
        func wanted(_ kind: ChartKind) -> Bool { kinds?.contains(kind) ?? true }
        var requests: [(ChartRequest, String)] = [
            (ChartRequest(kind: .kpi, year: year), "kpi"),
            (ChartRequest(kind: .scorecard, year: year), "scorecard"),
        ].filter { wanted($0.0.kind) }
        var slugs = Slug.Registry()
        // A heatmap per section, twelve indicators at most: rows a slide holds legibly.
        if wanted(.heatmap) {
            let sections = deck?.sections ?? DeckPlan.sections(metrics, year: year, only: indicators, language: language)
            var number = 0
            for section in sections {
                for start in stride(from: 0, to: section.indicators.count, by: Self.heatmapRows) {
                    number += 1
                    let chunk = Array(section.indicators[start..<min(start + Self.heatmapRows, section.indicators.count)])
                    // The number makes the name unique; the section's slug makes it readable.
                    let name = "heatmap-\(number)" + (section.title.map { "-" + Slug.make($0) } ?? "")
                    requests.append((ChartRequest(kind: .heatmap, year: year, indicators: chunk, section: section.title), name))
                }
            }
        }
        let table = metrics.table
        let indicators = table.indicators.indices.sorted { table.indicators[$0] < table.indicators[$1] }.filter { indicators?.contains(Int32($0)) ?? true }
        var slugOf: [Int32: String] = [:]
        for index in indicators {
            let id = Int32(index)
            let rows = table.rows.filter { $0.indicator == id }
            let thisYear = rows.filter { Int($0.year) == year }
            guard !thisYear.isEmpty else { continue }
            let slug = slugs.unique(table.indicators[index])
            slugOf[id] = slug
            // A chart by unit needs two units at least: one bar says nothing the section's
            // overview (bullet) does not, and costs a PNG and a PDF.
            let byUnit = Set(thisYear.map(\.unit)).count >= 2
            if wanted(.completion), byUnit, thisYear.contains(where: { Completion.ratio(target: $0.target, actual: $0.actual) != nil }) {
                requests.append((ChartRequest(kind: .completion, year: year, indicator: id), "completion-" + slug))
            }
            if wanted(.yoy), byUnit, rows.contains(where: { Int($0.year) == year - 1 }) {
                requests.append((ChartRequest(kind: .yoy, year: year, indicator: id), "yoy-" + slug))
            }
            if wanted(.trend), Set(rows.map(\.year)).filter({ Int($0) <= year }).count >= 3 {
                requests.append((ChartRequest(kind: .trend, year: year, indicator: id), "trend-" + slug))
            }
        }
        var overviews = 0
        for page in deck?.pages ?? [] where !requests.contains(where: { $0.0 == page }) {
            switch page.kind {
            case .bullet:
                overviews += 1
                requests.append((page, "bullet-\(overviews)" + (page.section.map { "-" + Slug.make($0) } ?? "")))
            case .multiples, .completion, .yoy, .trend:
                let id = page.indicator ?? 0
                requests.append((page, page.kind.rawValue + "-" + (slugOf[id] ?? slugs.unique(table.indicators[Int(id)]))))
            default:
                requests.append((page, page.kind.rawValue))
            }
        }
        let width = max(2, String(requests.count).count)
        entries = requests.enumerated().map { i, pair in
            let number = String(i + 1)
            return Entry(request: pair.0, name: String(repeating: "0", count: width - number.count) + number + "-" + pair.1)
        }
    }
}
