import TongKetAnalytics
import TongKetCharts
import TongKetData

/// Which charts a year's pack holds, in the order of the deck: the headline tiles, the
/// units' scorecard, the heatmap, then for each indicator its completion (when it has
/// targets), its year-over-year change (when the year before is there) and its trend
/// (with three years or more).
public struct ReportPlan {
    public struct Entry: Sendable {
        public var request: ChartRequest
        /// "04-completion-so-vu-phuc-tham": the file name without extension.
        public var name: String
    }

    public let entries: [Entry]

    public init(metrics: Metrics, year: Int) {
        var requests: [(ChartRequest, String)] = [
            (ChartRequest(kind: .kpi, year: year), "kpi"),
            (ChartRequest(kind: .scorecard, year: year), "scorecard"),
            (ChartRequest(kind: .heatmap, year: year), "heatmap"),
        ]
        let table = metrics.table
        let indicators = table.indicators.indices.sorted { table.indicators[$0] < table.indicators[$1] }
        var slugs = Slug.Registry()
        for index in indicators {
            let id = Int32(index)
            let rows = table.rows.filter { $0.indicator == id }
            let thisYear = rows.filter { Int($0.year) == year }
            guard !thisYear.isEmpty else { continue }
            let slug = slugs.unique(table.indicators[index])
            if thisYear.contains(where: { Completion.ratio(target: $0.target, actual: $0.actual) != nil }) {
                requests.append((ChartRequest(kind: .completion, year: year, indicator: id), "completion-" + slug))
            }
            if rows.contains(where: { Int($0.year) == year - 1 }) {
                requests.append((ChartRequest(kind: .yoy, year: year, indicator: id), "yoy-" + slug))
            }
            if Set(rows.map(\.year)).filter({ Int($0) <= year }).count >= 3 {
                requests.append((ChartRequest(kind: .trend, year: year, indicator: id), "trend-" + slug))
            }
        }
        let width = max(2, String(requests.count).count)
        entries = requests.enumerated().map { i, pair in
            let number = String(i + 1)
            return Entry(request: pair.0, name: String(repeating: "0", count: width - number.count) + number + "-" + pair.1)
        }
    }
}
