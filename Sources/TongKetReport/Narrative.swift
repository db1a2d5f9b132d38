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

    public init(metrics: Metrics, year: Int, language: Language) {
        self.metrics = metrics
        self.year = year
        self.language = language
    }

    private var n: NumberText { NumberText(language) }
    private var words: FigureWords { FigureWords(metrics, language) }
    private func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    /// In the deck's order, as a review conference is held: the headlines, the units' scorecard,
    /// each section's province figures and its units' figures (kết quả đạt được), then what was
    /// not met (tồn tại, hạn chế), then the notes on the figures.
    public var markdown: String {
        var out = "# " + words.reviewTitle(year) + "\n\n"
        if let dates = words.dates(year) { out += pick("Kỳ báo cáo: \(dates).", "Reporting period: \(dates).") + "\n\n" }
        let province = figures(scope: .province)
        let byIndicator = Dictionary(province.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
        out += "## " + ReviewHeadings.highlights(language) + "\n\n"
        for id in Headlines.shown(metrics, year: year, count: ChartKind.headlineTiles) { if let f = byIndicator[id] { out += "- " + sentence(f) + "\n" } }

        out += "\n## " + ReviewHeadings.byUnit(language) + "\n\n"
        let scorecard = Scorecard.province(metrics, year: year)
        if let ratio = scorecard.ratio {
            out += pick("Toàn tỉnh đạt \(scorecard.met)/\(scorecard.defined) chỉ tiêu được giao (\(n.percent(ratio))).",
                        "The province met \(scorecard.met) of \(scorecard.defined) assigned targets (\(n.percent(ratio))).") + "\n\n"
        }
        // The units in the office's order (the scorecard chart ranks them).
        let cards = Dictionary(Ranking.units(metrics, year: year).map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
        for card in metrics.unitsInOfficeOrder(Array(cards.keys)).compactMap({ cards[$0] }) {
            let name = metrics.table.units[Int(card.unit)]
            guard let ratio = card.ratio else { out += "- " + name + pick(": không có chỉ tiêu được giao kế hoạch.", ": no assigned targets.") + "\n"; continue }
            out += "- " + name + ": " + (ratio >= 1
                ? pick("hoàn thành 100 % chỉ tiêu được giao (\(card.met)/\(card.defined)).", "met all \(card.defined) assigned targets.")
                : pick("đạt \(card.met)/\(card.defined) chỉ tiêu được giao (\(n.percent(ratio))).", "met \(card.met) of \(card.defined) assigned targets (\(n.percent(ratio))).")) + "\n"
        }

        for section in DeckPlan.sections(metrics, year: year, only: nil, language: language) {
            out += "\n## " + ReviewHeadings.section(section, language) + "\n\n"
            let members = Set(section.indicators)
            for id in section.indicators { if let f = byIndicator[id] { out += "- " + sentence(f) + "\n" } }
            let unitFigures = figures(scope: .unit)
            for unit in metrics.unitsInOfficeOrder(Array(Set(unitFigures.map(\.unit)))) {
                let mine = unitFigures.filter { $0.unit == unit && members.contains($0.indicator) }
                guard !mine.isEmpty else { continue }
                let byIndicator = Dictionary(mine.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
                out += "\n### " + metrics.table.units[Int(unit)] + "\n\n"
                for id in metrics.inOfficeOrder(Array(byIndicator.keys)) { if let f = byIndicator[id] { out += "- " + sentence(f) + "\n" } }
            }
        }
        out += "\n## " + ReviewHeadings.shortfalls(language) + "\n\n" + shortfalls
        return out + notes
    }

    /// "Tồn tại, hạn chế": how many targets were missed, then each, the province's first, with
    /// its gap — for a ceiling, how far above its limit.
    var shortfalls: String {
        let missed = metrics.figures(year: year).filter { $0.status == .notMet }.sorted { a, b in
            a.scope != b.scope ? a.scope == .province : (metrics.unitName(a), metrics.indicatorName(a)) < (metrics.unitName(b), metrics.indicatorName(b))
        }
        guard !missed.isEmpty else { return pick("Tất cả các chỉ tiêu được giao đều đạt kế hoạch.", "Every assigned target was met.") + "\n" }
        let provinceMissed = missed.filter { $0.scope == .province }.count
        let units = Set(missed.filter { $0.scope == .unit }.map(\.unit)).count
        var out = pick("\(words.When(year)), toàn tỉnh còn \(provinceMissed) chỉ tiêu chưa đạt kế hoạch; \(units) đơn vị có chỉ tiêu chưa đạt.",
                       "In \(year) the province missed \(provinceMissed) targets; \(units) units missed at least one.") + "\n\n"
        // First what must not happen at all and did: a ceiling of 0 broken, named with its units.
        for (_, breaches) in zeroCeilingBreaches(missed) {
            let total = breaches.reduce(0) { $0 + $1.actual }
            let list = breaches.map { metrics.unitName($0) + " (" + words.value($0.actual, $0) + ")" }.joined(separator: ", ")
            out += pick("- \(words.value(total, breaches[0])) — \(metrics.indicatorName(breaches[0])), chỉ tiêu không được để xảy ra: \(list).",
                        "- \(words.value(total, breaches[0])) — \(metrics.indicatorName(breaches[0])), which must not happen at all: \(list).") + "\n"
        }
        for f in missed {
            let who = f.scope == .province ? pick("Toàn tỉnh", "Province") : metrics.unitName(f)
            out += "- " + who + " — " + sentence(f) + gapNote(f) + "\n"
        }
        return out
    }

    /// The units' breaches of a ceiling of 0, by indicator in the catalogue's order then the files'.
    func zeroCeilingBreaches(_ missed: [Figures]) -> [(Int32, [Figures])] {
        let breaches = missed.filter { $0.scope == .unit && $0.direction == .lower && $0.target == 0 }
        let grouped = Dictionary(grouping: breaches, by: \.indicator)
        return grouped.keys.sorted { (metrics.profile($0).order ?? .max, $0) < (metrics.profile($1).order ?? .max, $1) }.map { ($0, grouped[$0] ?? []) }
    }

    /// " Còn thiếu 12 vụ.": the distance a missed count leaves (a rate's and a ceiling's verdict says its own).
    private func gapNote(_ f: Figures) -> String {
        guard f.direction == .higher, !words.isRate(f), let distance = words.distance(f) else { return "" }
        return pick(" Còn thiếu \(distance).", " \(distance) short.")
    }

    /// The closing note: how province figures were formed and everything the figures assume
    /// or that the review found suspicious, so a reader knows what to verify.
    var notes: String {
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
        guard !lines.isEmpty else { return "" }
        return "\n## " + ReviewHeadings.notes(language) + "\n\n" + lines.map { "- " + $0 + "\n" }.joined()
    }

    private func figures(scope: Scope) -> [Figures] {
        metrics.figures(year: year).filter { $0.scope == scope }
    }

    /// "Số vụ …: 74 vụ, tăng 6 vụ (8,8 %) so với cùng kỳ; đạt 105,7 % kế hoạch."
    func sentence(_ f: Figures) -> String {
        let rate = words.isRate(f)
        var parts = [metrics.indicatorName(f) + ": " + words.actual(f) + formulaNote(f)]
        if let delta = f.yoyDelta {
            let amount = rate ? words.points(delta) : words.value(abs(delta), f)
            if delta == 0 {
                parts[0] += pick(", bằng cùng kỳ", ", the same as last year")
            } else {
                var change = (delta > 0 ? pick("tăng ", "up ") : pick("giảm ", "down ")) + amount
                if !rate, let pct = f.yoyPercent { change += " (" + n.percent(abs(pct)) + ")" }
                parts[0] += ", " + change + pick(" so với cùng kỳ", metrics.table.period.isWholeYear ? " on last year" : " on the same period last year")
            }
        }
        if f.target != nil || f.direction == .neutral { parts.append(words.verdict(f)) }
        if let basis = words.basisNote(f) { parts.append(basis) }
        return parts.joined(separator: "; ") + "."
    }

    /// How a province figure that is not a total was formed, after its value: nothing for the
    /// office's own total row or a plain sum (the basis note says the rest).
    func formulaNote(_ f: Figures) -> String {
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
            return pick("Các kết quả nổi bật của toàn tỉnh \(words.when(year)) so với \(words.before(year)).", "The province's headline results for \(words.when(year)) against \(words.before(year)).")
        case .bullet:
            let ids = request.indicators
            let met = figures(scope: .province).filter { ids.contains($0.indicator) && $0.status == .met }.count
            return pick("Kết quả toàn tỉnh \(words.when(year)) của \(ids.count) chỉ tiêu\(request.section.map { " (" + $0 + ")" } ?? "") so với kế hoạch; đạt \(met) chỉ tiêu.",
                        "The province's \(year) result for \(ids.count) indicators\(request.section.map { " (" + $0 + ")" } ?? "") against their targets; \(met) met.")
        case .comparison:
            return pick("Kết quả toàn tỉnh \(words.when(year)) của \(request.indicators.count) chỉ tiêu so với \(words.before(year)): số cùng kỳ, số năm nay và mức tăng, giảm.",
                        "The province's \(year) figures for \(request.indicators.count) indicators against \(words.before(year)): last year's, this year's and the change.")
        case .shortfalls:
            let missed = metrics.figures(year: year).filter { $0.status == .notMet }.count
            return pick("Các chỉ tiêu chưa đạt kế hoạch \(words.when(year)) (\(missed)) và khoảng cách so với kế hoạch.", "The \(missed) targets missed in \(year) and how far each fell short.")
        case .completion, .yoy, .trend, .multiples:
            let id = request.indicator ?? 0
            let name = table.indicators[Int(id)]
            guard let f = figures(scope: .province).first(where: { $0.indicator == id }) else { return name }
            let lead = request.kind == .completion ? pick("Tỷ lệ hoàn thành kế hoạch theo đơn vị. ", "Completion by unit. ")
                : request.kind == .yoy ? pick("So sánh với \(words.before(year)) theo đơn vị. ", "Compared with \(words.before(year)) by unit. ")
                : request.kind == .multiples ? pick("Diễn biến của từng đơn vị qua các năm. ", "Each unit over the years. ")
                : pick("Diễn biến toàn tỉnh qua các năm. ", "The province over the years. ")
            return lead + pick("Toàn tỉnh \(words.when(year)) — ", "Province in \(words.when(year)): ") + sentence(f)
        }
    }
}
