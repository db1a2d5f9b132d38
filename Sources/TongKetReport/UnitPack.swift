import Foundation
import TongKetAnalytics
import TongKetCairo
import TongKetCharts
import TongKetData
import TongKetOffice
import TongKetOutput
import TongKetVideo

/// Each unit's own summary ("báo cáo tóm tắt kết quả đạt được"), as its leader presents it at
/// the conference: under units/<slug>/ a deck of at most 8 pages as PDF and as the province
/// deck's editable .pptx — its title page, its headline tiles, its indicators against their
/// targets, its change on last year, where it stands in its group, what it missed, its next
/// year's targets, closing — with summary.vi.md / summary.en.md (and a captioned video with
/// --video); units/index.pdf lists every unit with its share of targets met and its pages.
///
/// A unit's figures are `Metrics(unit:)`: its own rows in the province's place, so every page
/// is the province deck's page of the same kind, worded for the unit.
enum UnitPack {
    static let maxPages = 8

    /// One page of a unit's deck: its chart as data, and the sentence that says it.
    struct Page {
        var spec: ChartSpec
        var alt: String
        /// The video's line for the page: its one finding, short enough to read while it holds.
        var caption: String
    }

    /// One unit's summary as planned: its figures and its deck's pages, made once for both the
    /// frames the run's progress counts and the files.
    struct Plan {
        var unit: Int32
        var slug: String
        var own: Metrics
        var charts: [Page]
    }

    /// The units' plans, in the order given (the office's).
    static func plans(_ metrics: Metrics, units: [Int32], options o: ReportOptions) -> [Plan] {
        var slugs = Slug.Registry()
        return units.compactMap { unit in
            // With no level a unit's figures cannot fail to form.
            guard let own = try? Metrics(metrics.interpretation, level: nil, period: metrics.period, unit: unit) else { return nil }
            return Plan(unit: unit, slug: slugs.unique(metrics.table.units[Int(unit)]), own: own,
                        charts: pages(metrics, own: own, unit: unit, year: o.year, language: o.language))
        }
    }

    /// `progress`: video 0 is the pack's, the plans' videos follow in their order.
    static func write(_ metrics: Metrics, plans: [Plan], options o: ReportOptions, progress: RunProgress? = nil, in folder: URL) throws(ReportError) -> [ManifestEntry] {
        let chosen = plans.map { (unit: $0.unit, slug: $0.slug) }
        let results = UnitResults(count: plans.count)
        DispatchQueue.concurrentPerform(iterations: min(2, max(chosen.count, 1))) { worker in
            do {
                let renderer = try ChartRenderer()
                for index in stride(from: worker, to: plans.count, by: 2) {
                    let (files, pages) = try one(metrics, plans[index], options: o, renderer: renderer, in: folder) { progress?.update(index + 1, $0) }
                    results.set(index, files: files, pages: pages)
                }
            } catch {
                results.fail(error)
            }
        }
        if let failure = results.failure {
            if let failure = failure as? ReportError { throw failure }
            if let failure = failure as? VideoError { throw .video(failure) }
            throw .render(failure as? RenderError ?? .cairo("\(failure)"))
        }
        var files = results.files.flatMap { $0 }
        files.append(try index(metrics, units: chosen, pages: results.pages, options: o, in: folder))
        return files
    }

    /// The unit's pages, in the order it is presented, at most `maxPages` with the title and
    /// closing pages: what gives way first is next year's targets, then a second overview
    /// page, then the change on last year.
    static func pages(_ metrics: Metrics, own: Metrics, unit: Int32, year: Int, language: Language) -> [Page] {
        let narrative = Narrative(metrics: own, year: year, language: language)
        let figures = own.figureRows(year: year).filter { $0.scope == .province }
        guard !figures.isEmpty else { return [] }
        func page(_ request: ChartRequest) -> Page {
            Page(spec: Charts.spec(request, metrics: own, language: language), alt: narrative.alt(for: request),
                 caption: narrative.caption(for: request))
        }
        var charts: [(page: Page, gives: Int)] = [(page(ChartRequest(kind: .kpi, year: year)), 0)]
        // Its indicators against their targets, eight a page shared evenly, two pages at most.
        let ids = own.inOfficeOrder(figures.map(\.indicator))
        let perPage = ids.count > DeckPlan.bulletRows ? (ids.count + 1) / 2 : ids.count
        // A unit given no targets has nothing to set against them: its tiles and cùng kỳ say it.
        let targeted = figures.contains { $0.target != nil }
        for (i, start) in stride(from: 0, to: targeted ? min(ids.count, 2 * DeckPlan.bulletRows) : 0, by: max(perPage, 1)).enumerated() {
            let chunk = Array(ids[start..<min(start + perPage, ids.count)])
            charts.append((page(ChartRequest(kind: .bullet, year: year, indicators: chunk)), i == 0 ? 0 : 2))
        }
        if figures.contains(where: { $0.previousActual != nil }) { charts.append((page(ChartRequest(kind: .comparison, year: year)), 1)) }
        if let standing = standing(metrics, unit: unit, year: year, language: language) { charts.append((standing, 0)) }
        if figures.contains(where: own.isShortfall) { charts.append((page(ChartRequest(kind: .shortfalls, year: year)), 0)) }
        if own.table.period.isWholeYear, !own.plannedTargets(year: year + 1).isEmpty { charts.append((page(ChartRequest(kind: .plan, year: year)), 3)) }
        for level in [3, 2, 1] {
            while charts.count > maxPages - 2, let last = charts.lastIndex(where: { $0.gives == level }) { charts.remove(at: last) }
        }
        return charts.map(\.page)
    }

    /// "Vị trí trong nhóm": the scorecard of the unit's group, the unit marked.
    static func standing(_ metrics: Metrics, unit: Int32, year: Int, language: Language) -> Page? {
        // Standing needs targets: a unit with none is not ranked against the others.
        guard let group = Ranking.groups(metrics, year: year).first(where: { $0.cards.contains { $0.unit == unit } }), group.cards.count >= 2,
              group.cards.first(where: { $0.unit == unit })?.ratio != nil else { return nil }
        var spec = Charts.spec(ChartRequest(kind: .scorecard, year: year), metrics: metrics, language: language)
        guard case var .bars(plot) = spec.plot else { return nil }
        let members = Set(group.cards.map { metrics.table.units[Int($0.unit)] })
        let name = metrics.table.units[Int(unit)]
        plot.rows = plot.rows.filter { !$0.heading && members.contains($0.label) }.map { row in
            var row = row
            if row.label == name { row.label = "▶ " + name }
            return row
        }
        spec.plot = .bars(plot)
        // The province's assumptions are not the unit's page's.
        spec.note = nil
        let words = FigureWords(metrics, language)
        let label = group.group.map { UnitGroup.label($0, language) } ?? (language == .vi ? "các đơn vị" : "the units")
        let among = FigureWords.midSentence(label)
        spec.title = language == .vi ? "Vị trí trong \(among)" : "Standing among \(among)"
        let met = group.cards.reduce(0) { $0 + $1.met }, defined = group.cards.reduce(0) { $0 + $1.defined }
        let n = NumberText(language)
        let share = defined > 0 ? " (\(n.percent(Double(met) / Double(defined))))" : ""
        let standing = Self.standing(of: unit, in: group.cards, language: language)
        spec.subtitle = words.When(year) + (language == .vi
            ? " · \(name) \(standing) · cả nhóm đạt \(met)/\(defined) chỉ tiêu" + share
            : " · \(name) \(standing) · the group met \(met) of \(defined) targets" + share)
        return Page(spec: spec, alt: language == .vi
                        ? "\(name) \(standing) trong \(among); cả nhóm đạt \(met)/\(defined) chỉ tiêu\(share)."
                        : "\(name) \(standing) among \(among); the group met \(met) of \(defined) targets\(share).",
                    caption: language == .vi ? "\(name) \(standing) trong \(among)." : "\(name) \(standing) among \(among).")
    }

    /// "xếp thứ 2/4", or for units with the same share of targets met "đồng hạng nhất (3/4 đơn vị cùng đạt 100 %)":
    /// a tie is never announced as a rank the order of the bars happened to give.
    static func standing(of unit: Int32, in cards: [Scorecard], language: Language) -> String {
        func share(_ card: Scorecard) -> Double { card.ratio ?? -1 }
        let mine = cards.first { $0.unit == unit }.map(share) ?? -1
        let above = cards.filter { share($0) > mine + 1e-9 }.count
        let tied = cards.filter { abs(share($0) - mine) <= 1e-9 }.count
        let percent = NumberText(language).percent(max(mine, 0))
        let vi = language == .vi
        guard tied > 1 else { return vi ? "xếp thứ \(above + 1)/\(cards.count)" : "ranks \(above + 1) of \(cards.count)" }
        if above == 0 {
            return vi ? "đồng hạng nhất (\(tied)/\(cards.count) đơn vị cùng đạt \(percent))"
                      : "shares first place (\(tied) of \(cards.count) units at \(percent))"
        }
        return vi ? "đồng hạng \(above + 1)/\(cards.count) (\(tied) đơn vị cùng đạt \(percent))"
                  : "shares place \(above + 1) of \(cards.count) (\(tied) units at \(percent))"
    }

    /// The frames of a unit's video, counted before any is made: the cards and its deck's pages.
    static func frameCount(_ plan: Plan, video: VideoOptions) -> Int {
        let charts = plan.charts.count
        let blank = ChartScene(width: 1, height: 1, background: ChartColor(hex: 0))
        let slides = [true] + Array(repeating: false, count: charts) + [true]
        return Timeline(slides: slides.map { Timeline.Slide(scene: blank, isCard: $0) }, fps: video.fps, pacing: video.pacing, language: video.language).frameCount
    }

    private static func one(_ metrics: Metrics, _ plan: Plan, options o: ReportOptions, renderer: ChartRenderer, in folder: URL,
                            progress: (Int) -> Void) throws -> (files: [ManifestEntry], pages: Int) {
        let (unit, slug, own, charts) = (plan.unit, plan.slug, plan.own, plan.charts)
        let name = metrics.table.units[Int(unit)]
        let base = "units/\(slug)/"
        let here = folder.appendingPathComponent(base)
        if let reason = AtomicFile.makeFolder(here.path) { throw ReportError.filesystem("\(here.path): \(reason)") }
        let words = FigureWords(metrics, o.language)
        let vi = o.language == .vi
        let slide = ChartContext(size: .slide, theme: o.theme, language: o.language, measurer: renderer.measurer, source: o.source, logoPath: o.logo)
        let line = words.When(o.year) + (words.dates(o.year).map { " (\($0))" } ?? "")
        let lead = vi ? "Báo cáo tóm tắt kết quả đạt được" : "Summary of results"
        let byline = [lead, o.organisation].filter { !$0.isEmpty }.joined(separator: " · ")
        let scenes = [TitleSlide.scene(title: name, organisation: byline, when: line, date: words.dateWords(o.date), context: slide)]
            + charts.map { ChartLayout.scene($0.spec, context: slide) }
            + [TitleSlide.closing(organisation: name, when: line, context: slide)]
        let numbered = scenes.enumerated().map { i, scene in i == 0 ? scene : scene.numbered(i + 1, of: scenes.count, context: slide) }
        try renderer.pdf(numbered, info: .init(title: name, subject: byline), to: here.appendingPathComponent("deck.pdf").path)
        let dated = line + (o.date.isEmpty ? "" : " · " + words.dateWords(o.date))
        var slides = [DeckPresentation.Slide(title: name, content: .cover(title: name, lines: [byline, dated]), alt: name, notes: [])]
        for (i, page) in charts.enumerated() {
            slides.append(.init(title: page.spec.title, content: .chart(page.spec, source: o.source ?? ChartContext.sourceLine(o.language)),
                                alt: page.alt, notes: [page.alt], number: "\(i + 2) / \(scenes.count)"))
        }
        slides.append(.init(title: name, content: .cover(title: vi ? "Xin trân trọng cảm ơn!" : "Thank you", lines: [name, line]), alt: name, notes: [], number: "\(scenes.count) / \(scenes.count)"))
        var files = [ManifestEntry(path: base + "deck.pdf", kind: "unit-deck", title: name, alt: (vi ? "Báo cáo tóm tắt \(scenes.count) trang của " : "The \(scenes.count)-page summary of ") + name + ".")]
        if o.office {
            let deck = DeckPresentation.data(slides, title: name, lang: vi ? "vi-VN" : "en-GB", theme: o.theme, measurer: renderer.measurer)
            try AtomicFile.write(deck, to: here.appendingPathComponent("deck.pptx").path)
            files.append(ManifestEntry(path: base + "deck.pptx", kind: "unit-deck", title: name, alt: vi ? "Như deck.pdf, dạng PowerPoint sửa được." : "As deck.pdf, as an editable PowerPoint."))
        }
        for language in [Language.vi, .en] {
            let path = base + "summary.\(language.rawValue).md"
            // The leadership's tasks for next year are every unit's; in the summary of the language they were written in.
            let tasks = language == o.language ? o.leadership[.directions] : []
            let text = summary(metrics, own: own, unit: unit, year: o.year, language: language, tasks: tasks).markdown
            try AtomicFile.write(Array(text.utf8), to: folder.appendingPathComponent(path).path)
            files.append(ManifestEntry(path: path, kind: "unit-summary", title: name, alt: language == .vi ? "Tóm tắt kết quả của \(name)." : "\(name)'s results summarised."))
        }
        if var video = o.video {
            // The deck's own pages, each with its sentence as the caption.
            video.organisation = byline
            let timeline = VideoPlan.timeline(charts.map { (spec: $0.spec, caption: $0.caption) }, title: name, when: line,
                                              date: words.dateWords(o.date), options: video, measurer: renderer.measurer)
            try VideoWriter.mp4(timeline, size: video.size, to: here.appendingPathComponent("video.mp4").path) { done, _ in progress(done) }
            files.append(ManifestEntry(path: base + "video.mp4", kind: "unit-video", title: name,
                                       alt: (vi ? "Video tóm tắt \(Int(timeline.duration.rounded())) giây của " : "A \(Int(timeline.duration.rounded()))-second summary video of ") + name + "."))
            files.append(ManifestEntry(path: base + "video.srt", kind: "captions", title: name, alt: vi ? "Phụ đề của video." : "The video's captions."))
        }
        return (files, scenes.count)
    }

    /// The unit's summary: its results (pairs in one sentence), where it stands in its group,
    /// what it missed, its next year's targets and the leadership's `tasks` for all units.
    static func summary(_ metrics: Metrics, own: Metrics, unit: Int32, year: Int, language: Language,
                        tasks: [String] = []) -> ReviewDocument {
        let vi = language == .vi
        let name = metrics.table.units[Int(unit)]
        let narrative = Narrative(metrics: own, year: year, language: language)
        let words = FigureWords(own, language)
        let figures = own.figureRows(year: year).filter { $0.scope == .province }
        let ordered = own.inOfficeOrder(figures.map(\.indicator)).compactMap { id in figures.first { $0.indicator == id } }
        var sections: [ReviewDocument.Section] = [.init(heading: vi ? "Kết quả đạt được" : "Results", part: .highlights, blocks: narrative.items(ordered))]
        if let card = Ranking.units(metrics, year: year).first(where: { $0.unit == unit }), let ratio = card.ratio {
            var text = vi ? "Đạt \(card.met)/\(card.defined) chỉ tiêu được giao (\(NumberText(language).percent(ratio)))." : "Met \(card.met) of \(card.defined) assigned targets (\(NumberText(language).percent(ratio)))."
            if let standing = standing(metrics, unit: unit, year: year, language: language) { text += " " + standing.alt }
            sections.append(.init(heading: vi ? "Vị trí trong nhóm" : "Standing in the group", part: .byUnit, blocks: [.paragraph(text)]))
        }
        let missed = ordered.filter { $0.status == .notMet }
        sections.append(.init(heading: ReviewHeadings.shortfalls(language), part: .shortfalls,
                              blocks: missed.isEmpty ? [.paragraph(vi ? "Tất cả các chỉ tiêu được giao đều đạt kế hoạch." : "Every assigned target was met.")]
                                  : missed.map { .item(narrative.sentence($0) + narrative.gapNote($0)) }))
        let plan = own.table.period.isWholeYear ? own.plannedTargets(year: year + 1) : []
        let planned = plan.map { ReviewDocument.Block.item(narrative.planSentence($0)) } + tasks.map(Narrative.block)
        if !planned.isEmpty {
            sections.append(.init(heading: words.directionsTitle(year), part: .plan, blocks: planned))
        }
        return ReviewDocument(title: name + " — " + (vi ? "Báo cáo tóm tắt kết quả đạt được " : "summary of results, ") + words.when(year),
                              lead: words.dates(year).map { [vi ? "Kỳ báo cáo: \($0)." : "Reporting period: \($0)."] } ?? [], sections: sections)
    }

    /// units/index.pdf: every unit, its group, its share of targets met and its pages, twenty a page.
    private static func index(_ metrics: Metrics, units: [(unit: Int32, slug: String)], pages: [Int], options o: ReportOptions, in folder: URL) throws(ReportError) -> ManifestEntry {
        let vi = o.language == .vi
        let cards = Dictionary(Ranking.units(metrics, year: o.year).map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
        let n = NumberText(o.language)
        let rows = zip(units, pages).map { pair, count -> TablePlot.Row in
            let unit = pair.unit
            let card = cards[unit]
            let group = metrics.interpretation.units[Int(unit)].group.map { UnitGroup.label($0, o.language) } ?? ""
            return .init(label: metrics.table.units[Int(unit)],
                         cells: [group, card.map { "\($0.met)/\($0.defined)" } ?? "—", card?.ratio.map { n.percent($0) } ?? "—", "\(count)"],
                         tones: [nil, nil, card?.ratio.map { $0 >= 1 ? .met : .notMet }, nil])
        }
        let words = FigureWords(metrics, o.language)
        do {
            let renderer = try ChartRenderer()
            let context = ChartContext(size: .slide, theme: o.theme, language: o.language, measurer: renderer.measurer, source: o.source, logoPath: o.logo)
            let scenes = stride(from: 0, to: max(rows.count, 1), by: ChartKind.comparisonRows).map { start in
                let plot = TablePlot(labelHeader: vi ? "Đơn vị" : "Unit", columns: vi ? ["Nhóm", "Chỉ tiêu đạt", "Tỷ lệ", "Số trang"] : ["Group", "Targets met", "Share", "Pages"],
                                     rows: Array(rows[start..<min(start + ChartKind.comparisonRows, rows.count)]))
                return ChartLayout.scene(ChartSpec(title: vi ? "Báo cáo tóm tắt của từng đơn vị" : "Each unit's summary",
                                                   subtitle: words.When(o.year) + (vi ? " · \(units.count) đơn vị · mỗi đơn vị một thư mục trong units/" : " · \(units.count) units · each in its folder under units/"), plot: .table(plot)), context: context)
            }
            try renderer.pdf(scenes, info: .init(title: vi ? "Báo cáo tóm tắt của từng đơn vị" : "Each unit's summary", subject: o.organisation),
                             to: folder.appendingPathComponent("units/index.pdf").path)
        } catch {
            throw .render(error)
        }
        return ManifestEntry(path: "units/index.pdf", kind: "unit-index", title: vi ? "Báo cáo tóm tắt của từng đơn vị" : "Each unit's summary",
                             alt: vi ? "Danh sách \(units.count) đơn vị: nhóm, tỷ lệ chỉ tiêu đạt, số trang báo cáo tóm tắt." : "The \(units.count) units: group, share of targets met, pages of their summary.")
    }
}

/// Each unit's files and page count, from both workers.
private final class UnitResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files: [[ManifestEntry]]
    private(set) var pages: [Int]
    private(set) var failure: Error?

    init(count: Int) {
        files = Array(repeating: [], count: count)
        pages = Array(repeating: 0, count: count)
    }

    func set(_ index: Int, files: [ManifestEntry], pages: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.files[index] = files
        self.pages[index] = pages
    }

    func fail(_ error: Error) {
        lock.lock()
        defer { lock.unlock() }
        if failure == nil { failure = error }
    }
}
