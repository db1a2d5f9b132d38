import TongKetAnalytics
import TongKetCharts
import TongKetData

/// The summary a report writer would otherwise type, per unit and for the province, in the
/// phrasing of these reports: "74 vụ, tăng 6 vụ (8,8 %) so với cùng kỳ; đạt 105,7 % kế
/// hoạch". Ceilings read as ceilings; undefined figures are left out, never invented.
public struct Narrative {
    let metrics: Metrics
    let year: Int
    let language: Language
    /// The leadership's own paragraphs (`--text`), placed in their sections.
    var leadership = LeadershipText()

    public init(metrics: Metrics, year: Int, language: Language, leadership: LeadershipText = .init()) {
        self.metrics = metrics
        self.year = year
        self.language = language
        self.leadership = leadership
    }

    var n: NumberText { NumberText(language) }
    var words: FigureWords { FigureWords(metrics, language) }
    func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    /// The review in the deck's order, as a review conference is held: the headlines, the
    /// units' scorecard, each section's province figures and its units' figures (kết quả đạt
    /// được), the year against the last (so với cùng kỳ), then what was not met (tồn tại, hạn
    /// chế) and next year's targets (phương hướng, nhiệm vụ). The notes on the figures are review.md's.
    public var document: ReviewDocument {
        var lead: [String] = []
        if let dates = words.dates(year) { lead.append(pick("Kỳ báo cáo: \(dates).", "Reporting period: \(dates).")) }
        let province = figures(scope: .province)
        let byIndicator = Dictionary(province.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
        var sections: [ReviewDocument.Section] = []
        let highlights = Headlines.shown(metrics, year: year, count: ChartKind.headlineTiles).compactMap { byIndicator[$0] }
        sections.append(.init(heading: ReviewHeadings.highlights(language), part: .highlights, blocks: items(highlights)))

        var byUnit: [ReviewDocument.Block] = overall.map { [.paragraph($0)] } ?? []
        // The units in the office's order (the scorecard chart ranks them).
        let cards = Dictionary(Ranking.units(metrics, year: year).map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
        for card in metrics.unitsInOfficeOrder(Array(cards.keys)).compactMap({ cards[$0] }) {
            let name = metrics.table.units[Int(card.unit)]
            guard let ratio = card.ratio else { byUnit.append(.item(name + pick(": không có chỉ tiêu được giao kế hoạch.", ": no assigned targets."))); continue }
            byUnit.append(.item(name + ": " + (ratio >= 1
                ? pick("hoàn thành 100 % chỉ tiêu được giao (\(card.met)/\(card.defined)).", "met all \(card.defined) assigned targets.")
                : pick("đạt \(card.met)/\(card.defined) chỉ tiêu được giao (\(n.percent(ratio))).", "met \(card.met) of \(card.defined) assigned targets (\(n.percent(ratio)))."))))
        }
        sections.append(.init(heading: ReviewHeadings.byUnit(language), part: .byUnit, blocks: byUnit))

        let unitFigures = figures(scope: .unit)
        let sole = soleReporters
        for section in DeckPlan.sections(metrics, year: year, only: nil, language: language) {
            let members = Set(section.indicators)
            var blocks: [ReviewDocument.Block] = []
            // The province's figures once, in the table; the sentences are the units'.
            if let table = fieldTable(section.indicators.compactMap { byIndicator[$0] }) { blocks.append(.table(table)) }
            for unit in metrics.unitsInOfficeOrder(Array(Set(unitFigures.map(\.unit)))) {
                let mine = unitFigures.filter { $0.unit == unit && members.contains($0.indicator) && sole[$0.indicator] != unit }
                guard !mine.isEmpty else { continue }
                let byIndicator = Dictionary(mine.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
                blocks.append(.subheading(metrics.table.units[Int(unit)]))
                blocks += items(metrics.inOfficeOrder(Array(byIndicator.keys)).compactMap { byIndicator[$0] })
            }
            sections.append(.init(heading: ReviewHeadings.section(section, language), part: .field(section), blocks: blocks))
        }
        if let comparison = comparison(province) { sections.append(comparison) }
        func written(_ part: LeadershipText.Part, as kind: ReviewDocument.Part) {
            guard !leadership[part].isEmpty else { return }
            sections.append(.init(heading: part.heading(language), part: kind, blocks: leadership[part].map(Self.block)))
        }
        written(.assessment, as: .assessment)
        sections.append(.init(heading: ReviewHeadings.shortfalls(language), part: .shortfalls, blocks: shortfalls))
        written(.causes, as: .causes)
        var plan = plan() ?? .init(heading: words.directionsTitle(year), part: .plan, blocks: [])
        plan.blocks += leadership[.directions].map(Self.block)
        if !plan.blocks.isEmpty { sections.append(plan) }
        written(.proposals, as: .proposals)
        // How the figures were formed and what the reading assumed are the analyst's (review.md), not the room's.
        return ReviewDocument(title: words.reviewTitle(year), lead: lead, sections: sections)
    }

    /// The indicators one unit alone reports, and that unit: its figure is the province's, said once, as the province's.
    var soleReporters: [Int32: Int32] {
        var out: [Int32: Int32] = [:]
        for f in figures(scope: .province) { if case let .singleUnit(unit)? = metrics.basis(f)?.figure { out[f.indicator] = unit } }
        return out
    }

    /// "Toàn tỉnh đạt 18/20 chỉ tiêu được giao (90 %).": the review in one sentence; nil with no target.
    var overall: String? {
        let scorecard = Scorecard.province(metrics, year: year)
        guard let ratio = scorecard.ratio else { return nil }
        return pick("Toàn tỉnh đạt \(scorecard.met)/\(scorecard.defined) chỉ tiêu được giao (\(n.percent(ratio))).",
                    "The province met \(scorecard.met) of \(scorecard.defined) assigned targets (\(n.percent(ratio))).")
    }

    /// A leadership paragraph as a block: an item keeps its dash in the report, a list in Markdown.
    static func block(_ text: String) -> ReviewDocument.Block { text.hasPrefix("- ") ? .item(String(text.dropFirst(2))) : .paragraph(text) }

    /// The summaries' text: the document as Markdown.
    public var markdown: String { document.markdown }

    /// The table of a field's province figures: indicator, target, actual, the verdict, the change.
    private func fieldTable(_ figures: [FigureRow]) -> ReviewDocument.Table? {
        guard !figures.isEmpty else { return nil }
        let headers = [pick("Kế hoạch", "Target"), pick("Thực hiện", "Actual"), pick("So với kế hoạch", "Against the target"),
                       againstLastYear]
        return figureTable(figures, headers: headers) { f in
            // A table cell is narrow: the short verdict.
            [f.target.map { words.bare($0, f) } ?? "—", words.bareActual(f), words.shortVerdict(f), words.change(f)]
        }
    }

    /// The heading of a table's change column: "So với năm trước", "So với cùng kỳ".
    var againstLastYear: String {
        metrics.table.period.isWholeYear ? pick("So với năm trước", "On last year")
            : pick("So với cùng kỳ", "On the same period last year")
    }

    /// A table of figures with each indicator's measure said once: above the table when every row
    /// shares it ("Đơn vị tính: vụ"), else in a column of its own ("ĐVT"), never in every cell.
    func figureTable(_ figures: [FigureRow], headers: [String], cells: (FigureRow) -> [String]) -> ReviewDocument.Table {
        let measures = figures.map { metrics.measureName($0) }
        let shared = Set(measures).count == 1 ? measures.first : nil
        let name = pick("Chỉ tiêu", "Indicator")
        if let shared {
            return .init(headers: [name] + headers, rows: figures.map { [metrics.indicatorName($0)] + cells($0) },
                         measureLine: shared.isEmpty ? nil : pick("Đơn vị tính: ", "Unit: ") + shared)
        }
        return .init(headers: [name, pick("ĐVT", "Unit")] + headers,
                     rows: zip(figures, measures).map { [metrics.indicatorName($0), $1] + cells($0) })
    }

    /// "So với cùng kỳ": how many indicators went the better way, and the table of the
    /// province's figures this year against last (the deck's page).
    private func comparison(_ province: [FigureRow]) -> ReviewDocument.Section? {
        let both = metrics.inOfficeOrder(province.filter { $0.previousActual != nil }.map(\.indicator)).compactMap { id in province.first { $0.indicator == id } }
        guard !both.isEmpty else { return nil }
        let judged = both.filter { $0.direction != .neutral && ($0.yoyDelta ?? 0) != 0 }
        let better = judged.filter { (($0.yoyDelta ?? 0) > 0) == ($0.direction == .higher) }.count
        let lead = pick("So với \(words.before(year)), \(better)/\(both.count) chỉ tiêu của toàn tỉnh chuyển biến tốt, \(judged.count - better) chỉ tiêu chưa tốt, \(both.count - judged.count) chỉ tiêu không đổi hoặc không đánh giá.",
                        "Against \(words.before(year)), \(better) of the province's \(both.count) indicators moved the better way, \(judged.count - better) the worse, \(both.count - judged.count) did not change or are not judged.")
        let before = metrics.table.period.isWholeYear ? pick("Năm \(year - 1)", "\(year - 1)")
            : pick("Cùng kỳ \(year - 1)", "Same period \(year - 1)")
        let table = figureTable(both, headers: [before, words.When(year), pick("Tăng, giảm", "Change")]) { f in
            [f.previousActual.map { words.bare($0, f) } ?? "—", words.bareActual(f), words.change(f)]
        }
        return .init(heading: ReviewHeadings.comparison(language), part: .comparison, blocks: [.paragraph(lead), .table(table)])
    }

    /// "Phương hướng, nhiệm vụ năm 2025": next year's targets, when the files carry them.
    private func plan() -> ReviewDocument.Section? {
        guard metrics.table.period.isWholeYear else { return nil }
        let plan = metrics.plannedTargets(year: year + 1)
        guard !plan.isEmpty else { return nil }
        var blocks: [ReviewDocument.Block] = [.paragraph(pick(
            "Năm \(year + 1), toàn tỉnh được giao \(plan.count) chỉ tiêu kế hoạch (tổng kế hoạch giao các đơn vị; tỷ lệ: mức chung của các đơn vị):",
            "For \(year + 1) the province has \(plan.count) targets (the sum of those assigned to the units; rates: the units' shared level):"))]
        blocks += plan.map { .item(planSentence($0)) }
        return .init(heading: words.planTitle(year + 1), part: .plan, blocks: blocks)
    }

    /// "Tồn tại, hạn chế": how many targets were missed, then each — the breaches of a ceiling
    /// of 0 named with their units first, then the province's misses, then the units' — with
    /// its gap (for a ceiling, how far above its limit).
    var shortfalls: [ReviewDocument.Block] {
        let sole = soleReporters
        let everyMiss = metrics.figureRows(year: year).filter { $0.status == .notMet }
        // A unit's miss that is the province's own figure is said once, as the province's.
        let missed = everyMiss.filter { !($0.scope == .unit && sole[$0.indicator] == $0.unit) }.sorted { a, b in
            a.scope != b.scope ? a.scope == .province : (metrics.unitName(a), metrics.indicatorName(a)) < (metrics.unitName(b), metrics.indicatorName(b))
        }
        guard !missed.isEmpty else {
            guard otherTargetMisses.isEmpty else { return otherTargetMisses + worseThanBefore }
            let allMet = pick("Tất cả các chỉ tiêu được giao đều đạt kế hoạch.", "Every assigned target was met.")
            return [.paragraph(allMet)] + worseThanBefore
        }
        let provinceMissed = missed.filter { $0.scope == .province }.count
        let units = Set(everyMiss.filter { $0.scope == .unit }.map(\.unit)).count
        var out: [ReviewDocument.Block] = [.paragraph(pick("\(words.When(year)), toàn tỉnh còn \(provinceMissed) chỉ tiêu chưa đạt kế hoạch; \(units) đơn vị có chỉ tiêu chưa đạt.",
                                                           "In \(year) the province missed \(provinceMissed) targets; \(units) units missed at least one."))]
        // First what must not happen at all and did: a ceiling of 0 broken, named with its units.
        for (_, breaches) in zeroCeilingBreaches(missed) {
            let total = breaches.reduce(0) { $0 + $1.actual }
            let list = breaches.map { metrics.unitName($0) + " (" + words.value($0.actual, $0) + ")" }.joined(separator: ", ")
            out.append(.item(pick("\(words.value(total, breaches[0])) — \(metrics.indicatorName(breaches[0])), chỉ tiêu không được để xảy ra: \(list).",
                                  "\(words.value(total, breaches[0])) — \(metrics.indicatorName(breaches[0])), which must not happen at all: \(list).")))
        }
        for f in missed {
            let who = f.scope == .province ? pick("Toàn tỉnh", "Province") : metrics.unitName(f)
            out.append(.item(who + " — " + sentence(f) + gapNote(f)))
        }
        return out + otherTargetMisses + worseThanBefore
    }

    /// A target the files state beside the headline and missed while the headline was not ("Dự toán HĐND
    /// tỉnh giao" above "Dự toán pháp lệnh"): the province's, then the units'.
    var otherTargetMisses: [ReviewDocument.Block] {
        let figures = metrics.figureRows(year: year).filter { f in
            f.status != .notMet && metrics.targets(of: f).contains { !$0.headline && $0.status == .notMet }
        }
        guard !figures.isEmpty else { return [] }
        var out: [ReviewDocument.Block] = [.paragraph(pick("Chưa đạt theo kế hoạch khác được giao:",
                                                           "Missed against another target set:"))]
        func place(_ f: FigureRow) -> (Int, String) { (f.scope == .province ? 0 : 1, metrics.unitName(f)) }
        for f in figures.sorted(by: { place($0) < place($1) }) {
            let who = f.scope == .province ? pick("Toàn tỉnh", "Province") : metrics.unitName(f)
            for t in metrics.targets(of: f) where !t.headline && t.status == .notMet {
                var against = f
                (against.target, against.completion, against.status) = (t.target, t.completion, t.status)
                out.append(.item(who + " — " + metrics.indicatorName(f) + ": " + words.againstNamed(against, name: t.name) + "."))
            }
        }
        return out
    }

    /// The counts with no target that the office judges by their change and that went the wrong way
    /// (fires, accidents, crime up on cùng kỳ): the province's each, then per indicator the units'.
    var worseThanBefore: [ReviewDocument.Block] {
        let worse = metrics.figureRows(year: year).filter { $0.changeStatus == .worse }
        guard !worse.isEmpty else { return [] }
        var out: [ReviewDocument.Block] = [.paragraph(pick(
            "Các chỉ tiêu không giao kế hoạch diễn biến xấu hơn cùng kỳ:",
            "Indicators with no target that went the wrong way on the same period last year:"))]
        for f in worse where f.scope == .province { out.append(.item(pick("Toàn tỉnh", "Province") + " — " + sentence(f))) }
        let units = Dictionary(grouping: worse.filter { $0.scope == .unit }, by: \.indicator)
        for id in units.keys.sorted(by: { (metrics.profile($0).order ?? .max, $0) < (metrics.profile($1).order ?? .max, $1) }) {
            let rows = (units[id] ?? []).sorted { metrics.unitName($0) < metrics.unitName($1) }
            let list = rows.map { metrics.unitName($0) + " (" + (change($0) ?? "") + ")" }.joined(separator: ", ")
            let worseIn = pick(" xấu hơn cùng kỳ ở \(rows.count) đơn vị: ", " worse than last year in \(rows.count) units: ")
            out.append(.item(metrics.indicatorName(rows[0]) + worseIn + list + "."))
        }
        return out
    }

    /// The units' breaches of a ceiling of 0, by indicator in the catalogue's order then the files'.
    func zeroCeilingBreaches(_ missed: [FigureRow]) -> [(Int32, [FigureRow])] {
        let breaches = missed.filter { $0.scope == .unit && $0.direction == .lower && $0.target == 0 }
        let grouped = Dictionary(grouping: breaches, by: \.indicator)
        return grouped.keys.sorted { (metrics.profile($0).order ?? .max, $0) < (metrics.profile($1).order ?? .max, $1) }.map { ($0, grouped[$0] ?? []) }
    }

    /// " Còn thiếu 12 vụ.": the distance a missed count leaves (a rate's and a ceiling's verdict says its own).
    func gapNote(_ f: FigureRow) -> String {
        guard f.direction == .higher, !words.isRate(f), let distance = words.distance(f) else { return "" }
        return pick(" Còn thiếu \(distance).", " \(distance) short.")
    }

    /// The analyst's notes (review.md): how province figures were formed and everything the figures
    /// assume or that the review found suspicious, so the analyst knows what to verify.
    public var notes: [String] {
        let interpretation = metrics.interpretation
        let table = metrics.table
        func names(_ ids: [Int32]) -> String { ids.map { "\"" + table.indicators[Int($0)] + "\"" }.joined(separator: ", ") }
        var lines: [String] = []
        // Means the office's total row replaces are no means on any page.
        let means = metrics.meanIndicators.filter { id in
            metrics.provinceRows.indices.contains { metrics.provinceRows[$0].indicator == id && Int(metrics.provinceRows[$0].year) == year && !metrics.provinceBases[$0].isPublished }
        }
        if !means.isEmpty {
            lines.append(pick("Số liệu toàn tỉnh của \(names(means)) không phải là tổng mà là trung bình cộng (không trọng số) của các đơn vị, hoặc theo cách tính ghi trong danh mục chỉ tiêu.",
                              "The province figures of \(names(means)) are not totals but the unweighted mean of the units, or the catalogue's formula."))
        }
        if !interpretation.assumedCeilings.isEmpty {
            lines.append(pick("Được coi là chỉ tiêu trần (càng thấp càng tốt) theo tên, chưa xác nhận trong danh mục chỉ tiêu: \(names(interpretation.assumedCeilings)).",
                              "Taken as ceilings (lower is better) from their names, not confirmed in the indicator catalogue: \(names(interpretation.assumedCeilings))."))
        }
        let totals = Array(Set(interpretation.totals.map(\.name))).sorted()
        if !totals.isEmpty {
            lines.append(pick("Dòng tổng của tệp (\(totals.joined(separator: ", "))) không được tính như một đơn vị; số toàn tỉnh lấy từ dòng tổng chung (số đơn vị đã báo cáo), số của các đơn vị dùng để đối chiếu.",
                              "The files' total rows (\(totals.joined(separator: ", "))) are not counted as units; the province's figures are the grand total's (what the office published), the units' figures cross-check them."))
        }
        for f in figures(scope: .province) where f.flagged {
            guard let basis = words.basisNote(f), metrics.basis(f)?.unitsFigure != nil else { continue }
            lines.append(pick("Cần kiểm tra: ", "To verify: ") + metrics.indicatorName(f) + " — " + basis + ".")
        }
        let suspicious = Review.findings(metrics).filter { ($0.kind == .jump || $0.kind == .percentOver100) }
        for finding in suspicious.prefix(10) {
            lines.append(pick("Cần kiểm tra: ", "To verify: ") + (language == .vi ? finding.diagnostic.vietnamese ?? finding.diagnostic.message : finding.diagnostic.message)
                         + " (" + (finding.diagnostic.file.split(separator: "/").last.map(String.init) ?? "") + ":\(finding.diagnostic.line ?? 0))")
        }
        return lines
    }

    func figures(scope: Scope) -> [FigureRow] {
        metrics.figureRows(year: year).filter { $0.scope == scope }
    }

    /// "Số vụ …: 74 vụ, tăng 6 vụ (8,8 %) so với cùng kỳ; đạt 105,7 % kế hoạch."
    public func sentence(_ f: FigureRow) -> String {
        var parts = [metrics.indicatorName(f) + ": " + words.actual(f) + formulaNote(f)]
        if let change = change(f) {
            parts[0] += change.isEmpty ? pick(", bằng cùng kỳ", ", the same as last year")
                : ", " + change + pick(" so với cùng kỳ", metrics.table.period.isWholeYear ? " on last year" : " on the same period last year")
        }
        // (a target against cùng kỳ with no figure then says that it cannot be judged)
        if f.target != nil || f.direction == .neutral || f.relativeTarget != nil { parts.append(words.verdict(f)) }
        if let basis = words.basisNote(f) { parts.append(basis) }
        return parts.joined(separator: "; ") + "."
    }

    /// A sentence per figure, in order; the two of a pair that are both here in one sentence,
    /// at the first one's place ("981 vụ/1.881 bị can").
    func items(_ figures: [FigureRow]) -> [ReviewDocument.Block] {
        let here = Dictionary(figures.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
        var said = Set<Int32>()
        return figures.compactMap { f in
            guard said.insert(f.indicator).inserted else { return nil }
            if let pair = metrics.profile(f.indicator).pair, let other = here[pair], said.insert(pair).inserted {
                // The halves of one cell in the cell's order (its words became measures in that order).
                let cellOrder = stem(metrics.indicatorName(f), metrics.indicatorName(other)) != nil && other.measure >= 0 && other.measure < f.measure
                return .item(cellOrder ? pairSentence(other, f) : pairSentence(f, other))
            }
            return .item(sentence(f))
        }
    }

    /// "Số vụ án, bị can đã truy tố: 981 vụ/1.881 bị can, tăng 32 vụ (3,4 %), 55 bị can (3 %) so
    /// với cùng kỳ; đạt 102,1 % kế hoạch (vụ); đạt 98 % kế hoạch, không đạt (bị can)." — as
    /// procuracy reports write a pair.
    func pairSentence(_ a: FigureRow, _ b: FigureRow) -> String {
        let (nameA, nameB) = (metrics.indicatorName(a), metrics.indicatorName(b))
        // "Số vụ án, bị can (vụ)" and "… (bị can)": their stem; otherwise the first one's name.
        var text = (stem(nameA, nameB) ?? nameA) + ": " + words.actual(a) + "/" + words.actual(b)
        let changes = [change(a), change(b)]
        if changes.allSatisfy({ $0 == "" }) {
            text += pick(", bằng cùng kỳ", ", the same as last year")
        } else if let first = changes[0] {
            var said = first.isEmpty ? measure(a) + pick(" không đổi", " unchanged") : first
            if let second = changes[1] {
                // "tăng 32 vụ (3,4 %), 55 bị can (3 %)": the word once when both went one way.
                let sameWay = !first.isEmpty && !second.isEmpty && ((a.yoyDelta ?? 0) > 0) == ((b.yoyDelta ?? 0) > 0)
                said += ", " + (second.isEmpty ? measure(b) + pick(" không đổi", " unchanged") : sameWay ? String(second.drop { $0 != " " }.dropFirst()) : second)
            }
            text += ", " + said + pick(" so với cùng kỳ", metrics.table.period.isWholeYear ? " on last year" : " on the same period last year")
        }
        let verdicts = [a, b].filter { $0.target != nil }.map { f in words.verdict(f) + " (" + measure(f) + ")" }
        return ([text] + verdicts).joined(separator: "; ") + "."
    }

    /// "Số vụ án, bị can" for "Số vụ án, bị can (vụ)" and "… (bị can)"; nil for two other names.
    private func stem(_ a: String, _ b: String) -> String? {
        guard let open = a.lastIndex(of: "("), b.hasPrefix(a[..<open]) else { return nil }
        return a[..<open].trimmingCharacters(in: .whitespaces)
    }

    /// What a figure counts ("vụ"), else its indicator's name.
    private func measure(_ f: FigureRow) -> String {
        let measure = metrics.measureName(f)
        return measure.isEmpty ? metrics.indicatorName(f) : measure
    }

    /// "tăng 6 vụ (8,8 %)", "giảm 0,7 điểm %"; empty for no change, nil with nothing to compare.
    private func change(_ f: FigureRow) -> String? {
        guard let delta = f.yoyDelta else { return nil }
        guard delta != 0 else { return "" }
        let rate = words.isRate(f)
        var change = (delta > 0 ? pick("tăng ", "up ") : pick("giảm ", "down ")) + (rate ? words.points(delta) : words.value(abs(delta), f))
        if !rate, let pct = f.yoyPercent { change += " (" + n.percent(abs(pct)) + ")" }
        if !rate, f.changeHasNoBase { change += " (" + n.notComparable + ")" }
        return change
    }

    /// "Số vụ án hình sự đã truy tố: 414 vụ, tăng 30 vụ (7,8 %) so với kết quả năm 2023 (384 vụ).";
    /// a ceiling's plan is a limit ("không quá 5 %", "không để xảy ra").
    func planSentence(_ p: PlannedTarget) -> String {
        let f = p.figures
        let amount = words.value(p.target, f)
        var text = metrics.indicatorName(f) + ": " + (f.direction != .lower ? amount : p.target == 0 ? pick("không để xảy ra", "none at all") : pick("không quá ", "at most ") + amount)
        if let current = f.previousActual, let change = change(f) {
            text += change.isEmpty ? pick(", bằng kết quả năm \(year)", ", as in \(year)")
                : ", " + change + pick(" so với kết quả năm \(year) (\(words.value(current, f)))", " on \(year)'s result (\(words.value(current, f)))")
        }
        return text + "."
    }

    /// How a province figure that is not a total was formed, after its value: nothing for the
    /// office's own total row or a plain sum (the basis note says the rest).
    func formulaNote(_ f: FigureRow) -> String {
        guard f.scope == .province, let basis = metrics.basis(f), case .formula = basis.figure, let formed = words.formulaWords(f) else { return "" }
        return " (" + formed + ")"
    }

    /// One sentence for a chart, for screen readers and video captions.
    public func alt(for request: ChartRequest) -> String {
        let table = metrics.table
        switch request.kind {
        case .scorecard:
            let p = Scorecard.province(metrics, year: year)
            return pick("Tỷ lệ chỉ tiêu được giao đã đạt của từng đơn vị \(words.when(year)); toàn tỉnh đạt \(p.met)/\(p.defined) chỉ tiêu.",
                        "Share of assigned targets met by each unit in \(year); the province met \(p.met) of \(p.defined).")
        case .heatmap:
            return pick("Tỷ lệ hoàn thành kế hoạch \(words.when(year)) theo đơn vị và chỉ tiêu.", "Completion of \(year) targets by unit and indicator.")
        case .kpi:
            return pick("Các kết quả nổi bật của \(words.scope) \(words.when(year)) so với \(words.before(year)).", "\(words.Scope)'s headline results for \(words.when(year)) against \(words.before(year)).")
        case .bullet:
            let ids = request.indicators
            let met = figures(scope: .province).filter { ids.contains($0.indicator) && $0.status == .met }.count
            return pick("Kết quả \(words.scope) \(words.when(year)) của \(ids.count) chỉ tiêu\(request.section.map { " (" + $0 + ")" } ?? "") so với kế hoạch; đạt \(met) chỉ tiêu.",
                        "\(words.Scope)'s \(year) result for \(ids.count) indicators\(request.section.map { " (" + $0 + ")" } ?? "") against their targets; \(met) met.")
        case .plan:
            let count = request.indicators.isEmpty ? metrics.plannedTargets(year: year + 1).count : request.indicators.count
            return pick("Chỉ tiêu kế hoạch năm \(year + 1) của toàn tỉnh (\(count) chỉ tiêu) so với kết quả năm \(year).",
                        "The province's \(year + 1) targets (\(count)) against the results of \(year).")
        case .comparison:
            let count = request.indicators.isEmpty ? figures(scope: .province).filter { $0.previousActual != nil }.count : request.indicators.count
            return pick("Kết quả \(words.scope) \(words.when(year)) của \(count) chỉ tiêu so với \(words.before(year)): số cùng kỳ, số năm nay và mức tăng, giảm.",
                        "\(words.Scope)'s \(year) figures for \(count) indicators against \(words.before(year)): last year's, this year's and the change.")
        case .shortfalls:
            // A unit's own summary holds its figures once, in the province's place.
            let missed = metrics.figureRows(year: year).filter { $0.status == .notMet && (metrics.unit == nil || $0.scope == .province) }.count
            return pick("Các chỉ tiêu chưa đạt kế hoạch \(words.when(year)) (\(missed)) và khoảng cách so với kế hoạch.", "The \(missed) targets missed in \(year) and how far each fell short.")
        case .completion, .yoy, .trend, .multiples:
            let id = request.indicator ?? 0
            let name = table.indicators[Int(id)]
            guard let f = figures(scope: .province).first(where: { $0.indicator == id }) else { return name }
            let lead = request.kind == .completion ? pick("Tỷ lệ hoàn thành kế hoạch theo đơn vị. ", "Completion by unit. ")
                : request.kind == .yoy ? pick("So sánh với \(words.before(year)) theo đơn vị. ", "Compared with \(words.before(year)) by unit. ")
                : request.kind == .multiples ? pick("Diễn biến của từng đơn vị qua các năm. ", "Each unit over the years. ")
                : pick("Diễn biến \(words.scope) qua các năm. ", "\(words.Scope) over the years. ")
            return lead + pick("\(words.Scope) \(words.when(year)) — ", "\(words.Scope) in \(words.when(year)): ") + sentence(f)
        }
    }
}
