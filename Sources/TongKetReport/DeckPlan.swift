import TongKetAnalytics
import TongKetCharts
import TongKetData

/// The deck a review conference is held on, at most `maxPages` pages with its title and
/// closing pages, in the order a review goes: the headline tiles, the units' scorecard, one
/// section per field (the catalogue's, else the unit groups') with its overview page and the
/// indicator charts that earn a page — an indicator at least three units report, or a
/// headline — then "so với cùng kỳ", then what was not met ("tồn tại, hạn chế"), then next
/// year's targets when the files carry them ("phương hướng, nhiệm vụ"). Everything else stays
/// in the pack's charts/ folder.
///
/// Importance, when the pages run out: a headline the province missed keeps its page
/// always; then the indicator pages go in the headlines' order until the budget ends; of the
/// fixed pages the last overviews give way first (an overview that shows a missed headline too
/// few units report for a page of its own, only after the shortfalls page), then the cùng kỳ
/// table, next year's targets, the scorecard, the shortfalls page and last of all the headline tiles.
public struct DeckPlan: Sendable {
    /// A field of the review and its indicators.
    public struct Section: Sendable, Equatable {
        /// nil when the deck has one section and no field to name.
        public var title: String?
        public var indicators: [Int32]
    }

    public let sections: [Section]
    /// The chart pages in order; the title page comes before, the closing page after.
    public let pages: [ChartRequest]

    /// `kinds`: only these kinds of chart (nil: all); `indicators`: only these (nil: all).
    public init(metrics: Metrics, year: Int, language: Language = .vi, maxPages: Int = 25, kinds: Set<ChartKind>? = nil, indicators: Set<Int32>? = nil) {
        func wanted(_ kind: ChartKind) -> Bool { kinds?.contains(kind) ?? true }
        func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
        let sections = Self.sections(metrics, year: year, only: indicators, language: language)
        self.sections = sections
        var opening: [ChartRequest] = []
        if wanted(.kpi) { opening.append(ChartRequest(kind: .kpi, year: year)) }
        if wanted(.scorecard) { opening.append(ChartRequest(kind: .scorecard, year: year)) }
        // "Tồn tại, hạn chế" comes after the achievements, as a review conference is held.
        var review: [ChartRequest] = []
        if wanted(.shortfalls), metrics.figureRows(year: year).contains(where: metrics.isShortfall) {
            review.append(ChartRequest(kind: .shortfalls, year: year))
        }
        // Each section's overview, eight indicators a page.
        var overviews: [[ChartRequest]] = sections.map { section in
            guard wanted(.bullet) else { return [] }
            // Pages shared evenly (9 indicators are 5 and 4, never 8 and a page of one).
            let count = section.indicators.count
            let size = (count + (count + Self.bulletRows - 1) / Self.bulletRows - 1) / max(1, (count + Self.bulletRows - 1) / Self.bulletRows)
            let chunks = stride(from: 0, to: count, by: max(size, 1)).map { Array(section.indicators[$0..<min($0 + size, count)]) }
            return chunks.enumerated().map { i, chunk in
                var title = section.title
                if i > 0 { title = ReviewHeadings.section(section, language) + pick(" (tiếp)", " (continued)") }
                return ChartRequest(kind: .bullet, year: year, indicators: chunk, section: title)
            }
        }
        // "So với cùng kỳ": the province this year against last, one page (two past 20 indicators).
        var comparison: [ChartRequest] = []
        if wanted(.comparison) {
            let covered = Set(sections.flatMap(\.indicators))
            let both = metrics.inOfficeOrder(metrics.figureRows(year: year).filter { $0.scope == .province && $0.previousActual != nil && covered.contains($0.indicator) }.map(\.indicator))
            for (i, rows) in Self.tablePages(both).enumerated() {
                comparison.append(ChartRequest(kind: .comparison, year: year, indicators: rows,
                                               section: i > 0 ? pick("So với cùng kỳ (tiếp)", "Against the same period last year (continued)") : nil))
            }
        }
        // "Phương hướng, nhiệm vụ năm tới": next year's targets, when the files carry them.
        var plan: [ChartRequest] = []
        if wanted(.plan), metrics.table.period.isWholeYear {
            let ids = metrics.plannedTargets(year: year + 1).map(\.indicator).filter { indicators?.contains($0) ?? true }
            for (i, rows) in Self.tablePages(ids).enumerated() {
                plan.append(ChartRequest(kind: .plan, year: year, indicators: rows,
                                         section: i > 0 ? FigureWords(metrics, language).planTitle(year + 1) + pick(" (tiếp)", " (continued)") : nil))
            }
        }
        // A headline the province missed keeps its page whatever the length: it is what the
        // leader asks about first. Its page is set aside before anything else gives way.
        let ranked = Headlines.ranked(metrics, year: year)
        let headlines = Set(ranked.prefix(ChartKind.headlineTiles))
        let inSections = Set(sections.flatMap(\.indicators))
        let figures = metrics.figureRows(year: year).filter { $0.scope == .unit }
        let missedHeadlines = ranked.filter { id in
            inSections.contains(id) && (metrics.profile(id).headline == true || headlines.contains(id))
                && metrics.figureRows(year: year).contains { $0.scope == .province && $0.indicator == id && $0.status == .notMet }
                && figures.filter { $0.indicator == id }.count >= 3
        }
        let reserved = max(0, min(missedHeadlines.count, maxPages - 3))
        var budget = maxPages - 2 - reserved - opening.count - review.count - comparison.count - plan.count - overviews.reduce(0) { $0 + $1.count }
        // A missed headline too few units report for a page of its own is shown on its section's overview: that
        // page stays whatever the length.
        let missedAlone = Set(ranked.filter { id in
            (metrics.profile(id).headline == true || headlines.contains(id)) && !missedHeadlines.contains(id)
                && metrics.figureRows(year: year).contains { $0.scope == .province && $0.indicator == id && $0.status == .notMet }
        })
        // Too many sections for the pages: the last overviews give way, then the cùng kỳ
        // table's second page and its first, next year's targets, then the opening's last pages (a deck of three
        // pages is the title, the headlines and the closing).
        func removable(_ page: ChartRequest) -> Bool { !page.indicators.contains(where: missedAlone.contains) }
        while budget < 0, let last = overviews.indices.last(where: { overviews[$0].contains(where: removable) }),
              let page = overviews[last].lastIndex(where: removable) {
            overviews[last].remove(at: page)
            budget += 1
        }
        while budget < 0, !comparison.isEmpty {
            comparison.removeLast()
            budget += 1
        }
        while budget < 0, !plan.isEmpty {
            plan.removeLast()
            budget += 1
        }
        // Then the scorecard, then what was missed; the headlines last of all.
        while budget < 0, opening.count > 1 {
            opening.removeLast()
            budget += 1
        }
        while budget < 0, !review.isEmpty {
            review.removeLast()
            budget += 1
        }
        // The overviews that show a missed headline, only when nothing else is left: the tiles name it too.
        while budget < 0, let last = overviews.indices.last(where: { !overviews[$0].isEmpty }) {
            overviews[last].removeLast()
            budget += 1
        }
        while budget < 0, !opening.isEmpty {
            opening.removeLast()
            budget += 1
        }
        // The indicator pages, by importance: the missed headlines first (on the pages set
        // aside for them), then the headlines' order, within the budget.
        budget += reserved
        var chosen: [Int32: [ChartRequest]] = [:]
        var years: [Int32: Set<Int32>] = [:]
        for row in metrics.table.rows where Int(row.year) <= year { years[row.indicator, default: []].insert(row.year) }
        let missed = Set(missedHeadlines)
        func earns(_ indicator: Int32) -> [ChartRequest] {
            Self.pages(for: indicator, figures: figures.filter { $0.indicator == indicator }, years: years[indicator]?.count ?? 0,
                       headline: metrics.profile(indicator).headline == true || headlines.contains(indicator), year: year, wanted: wanted,
                       paths: Self.paths(metrics, indicator: indicator, through: year), rate: metrics.profile(indicator).isRate)
        }
        // Each missed headline's first page before any second page: the pages set aside are one each.
        for indicator in missedHeadlines where inSections.contains(indicator) && budget > 0 {
            guard let first = earns(indicator).first else { continue }
            chosen[indicator] = [first]
            budget -= 1
        }
        for indicator in missedHeadlines + ranked.filter({ !missed.contains($0) }) where inSections.contains(indicator) && budget > 0 {
            for request in earns(indicator) where budget > 0 && !(chosen[indicator] ?? []).contains(request) {
                chosen[indicator, default: []].append(request)
                budget -= 1
            }
        }
        var pages = opening
        for (section, overview) in zip(sections, overviews) {
            // A section of one indicator that has its own page needs no overview of one bar.
            if section.indicators.count == 1, !(chosen[section.indicators[0]] ?? []).isEmpty {
                for indicator in section.indicators { pages += chosen[indicator] ?? [] }
                continue
            }
            pages += overview
            for indicator in section.indicators { pages += chosen[indicator] ?? [] }
        }
        self.pages = pages + comparison + review + plan
    }

    static let bulletRows = 8

    /// A table page's rows: one page, or two shared evenly past `ChartKind.comparisonRows`.
    static func tablePages(_ ids: [Int32]) -> [[Int32]] {
        let pages = ids.count > ChartKind.comparisonRows ? 2 : 1
        let size = max((ids.count + pages - 1) / pages, 1)
        return stride(from: 0, to: ids.count, by: size).map { Array(ids[$0..<min($0 + size, ids.count)]) }
    }

    /// The charts an indicator earns: its completion by unit (or, without targets, the change
    /// by unit) when at least three units report it, and for a headline its units' paths
    /// over the years when there are three years or more.
    /// Each unit's values of `indicator` over the years up to `year`, and the province's.
    static func paths(_ metrics: Metrics, indicator: Int32, through year: Int) -> (units: [[Double]], province: [Double]) {
        var units: [Int32: [Double]] = [:]
        for row in metrics.table.rows where row.indicator == indicator && Int(row.year) <= year { units[row.unit, default: []].append(row.actual) }
        let province = metrics.provinceRows.filter { $0.indicator == indicator && Int($0.year) <= year }.map(\.actual)
        return (Array(units.values), province)
    }

    /// A page of paths earns its place only with something to see: small multiples when most
    /// panels move (not all zero, not flat) on the scale they share; a trend when the province's
    /// line changes at all.
    public static func readablePanels(_ units: [[Double]]) -> Bool {
        let top = units.flatMap { $0 }.map(abs).max() ?? 0
        guard top > 0 else { return false }
        let moving = units.filter { path in
            guard let low = path.min(), let high = path.max() else { return false }
            return high > 0 && (high - low) >= 0.05 * top
        }.count
        return moving * 2 > units.count
    }

    static func pages(for indicator: Int32, figures: [FigureRow], years: Int, headline: Bool, year: Int, wanted: (ChartKind) -> Bool,
                      paths: (units: [[Double]], province: [Double]) = ([], []), rate: Bool = false) -> [ChartRequest] {
        var out: [ChartRequest] = []
        if figures.count >= 3 {
            if figures.filter({ $0.target != nil }).count >= 3, wanted(.completion) {
                out.append(ChartRequest(kind: .completion, year: year, indicator: indicator))
            } else if figures.filter({ $0.previousActual != nil }).count >= 3, wanted(.yoy) {
                out.append(ChartRequest(kind: .yoy, year: year, indicator: indicator))
            }
        }
        if headline, years >= 3 {
            // One unit's few cases (5, 4, 6 awards) earn no page: its line must move by more than the noise of its counts.
            let changes = figures.count > 1 ? (paths.province.max() ?? 0) != (paths.province.min() ?? 0)
                : movesBeyondNoise(paths.province, rate: rate)
            if (4...ChartKind.panelLimit).contains(figures.count), wanted(.multiples), readablePanels(paths.units) {
                out.append(ChartRequest(kind: .multiples, year: year, indicator: indicator))
            } else if wanted(.trend), changes {
                out.append(ChartRequest(kind: .trend, year: year, indicator: indicator))
            }
        }
        return out
    }

    /// A path whose range exceeds twice the noise of counts of its size (√ of its mean): 5 → 4 → 6 does not,
    /// 580 → 522 → 640 does. A rate moves when its range is at least 5 points.
    static func movesBeyondNoise(_ path: [Double], rate: Bool) -> Bool {
        guard let low = path.min(), let high = path.max(), !path.isEmpty else { return false }
        if rate { return high - low >= 5 }
        let mean = path.reduce(0, +) / Double(path.count)
        return high - low > 2 * abs(mean).squareRoot()
    }

    /// The fields when any indicator has one (the catalogue's "lĩnh vực", else the files' section headings), else
    /// the unit groups (an indicator belongs to the group most of its units are in), else one section; indicators
    /// in the catalogue's order, then the files'.
    static func sections(_ metrics: Metrics, year: Int, only: Set<Int32>?, language: Language) -> [Section] {
        let other = language == .vi ? "Các chỉ tiêu khác" : "Other indicators"
        let reported = metrics.figureRows(year: year).filter { $0.scope == .unit }
        var present: [Int32] = []
        var seen = Set<Int32>()
        for f in reported where seen.insert(f.indicator).inserted && (only?.contains(f.indicator) ?? true) { present.append(f.indicator) }
        present.sort { (metrics.profile($0).order ?? Int.max, $0) < (metrics.profile($1).order ?? Int.max, $1) }
        var titles: [String] = []
        var members: [String: [Int32]] = [:]
        func add(_ title: String, _ indicator: Int32) {
            if members[title] == nil { titles.append(title) }
            members[title, default: []].append(indicator)
        }
        if present.contains(where: { metrics.profile($0).field != nil }) {
            for indicator in present { add(metrics.profile(indicator).field ?? other, indicator) }
        } else {
            let groups = metrics.interpretation.units.map(\.group)
            guard Set(groups.compactMap { $0 }).count > 1 else { return present.isEmpty ? [] : [Section(title: nil, indicators: present)] }
            for indicator in present {
                var counts: [String: Int] = [:]
                for f in reported where f.indicator == indicator { if let group = groups[Int(f.unit)] { counts[group, default: 0] += 1 } }
                let group = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
                add(group.map { groupTitle($0, language) } ?? other, indicator)
            }
        }
        return titles.map { Section(title: $0, indicators: members[$0] ?? []) }
    }

    /// A unit group as a section's title: "Các đơn vị cấp huyện" for "district" or "cấp huyện".
    static func groupTitle(_ group: String, _ language: Language) -> String {
        guard let level = UnitGroup.level(group) else { return language == .vi ? "Chỉ tiêu của nhóm \(group)" : "Indicators of the group \(group)" }
        return language == .vi ? "Chỉ tiêu của các đơn vị \(level.vi)" : "Indicators of \(level.en) units"
    }
}
