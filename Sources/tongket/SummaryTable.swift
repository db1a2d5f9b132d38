import Foundation
import TongKetAnalytics
import TongKetData

/// The figures of one year laid out for a person at a terminal: the ranking of units, the
/// province, then each unit's indicators. Long names are cut with "…"; the CSV has them whole.
struct SummaryTable {
    let metrics: Metrics
    let year: Int
    let previousYear: Int
    let numbers: NumberText
    let words: Words

    init(metrics: Metrics, year: Int?, language: Language) {
        self.metrics = metrics
        self.year = year ?? metrics.years.last ?? 0
        self.previousYear = self.year - 1
        self.numbers = NumberText(language)
        self.words = Words(language)
    }

    var text: String {
        let phrases = FigureWords(metrics, numbers.language)
        var out = words.title(when: phrases.when(year), before: phrases.before(year), files: metrics.table.files) + "\n\n"
        out += ranking() + "\n"
        out += section(title: words.province + " · " + scoreText(Scorecard.province(metrics, year: year)), figures: provinceFigures())
        if !metrics.meanIndicators.isEmpty { out += "  * " + words.meanNote + "\n" }
        if let level = metrics.level { out += "  " + words.levelNote(level) + "\n" }
        out += assumptions()
        out += "\n"
        let rowsByUnit = Dictionary(grouping: metrics.table.rows.indices.filter { Int(metrics.table.rows[$0].year) == year },
                                    by: { metrics.table.rows[$0].unit })
        for card in Scorecard.units(metrics, year: year).sorted(by: { unitName($0.unit) < unitName($1.unit) }) {
            let figures = (rowsByUnit[card.unit] ?? []).map(metrics.unitFigures(at:))
            out += section(title: unitName(card.unit) + " · " + scoreText(card), figures: figures) + "\n"
        }
        return out
    }

    private func unitName(_ id: Int32) -> String { metrics.table.units[Int(id)] }

    /// What the figures above assumed rather than read: the footnote every summary carries.
    private func assumptions() -> String {
        let interpretation = metrics.interpretation
        let names = { (ids: [Int32]) in ids.map { "\"" + self.metrics.table.indicators[Int($0)] + "\"" }.joined(separator: ", ") }
        var lines: [String] = []
        if !interpretation.assumedCeilings.isEmpty { lines.append(words.assumedCeilings(names(interpretation.assumedCeilings))) }
        if !interpretation.assumedFormulas.isEmpty { lines.append(words.assumedMeans(names(interpretation.assumedFormulas))) }
        let totals = Array(Set(interpretation.totals.map(\.name))).sorted()
        if !totals.isEmpty { lines.append(words.totalsSetAside(totals.map { "\"" + $0 + "\"" }.joined(separator: ", "))) }
        if interpretation.units.contains(where: { if case .inferred = $0.groupBasis { return true } else { return false } }) { lines.append(words.groupsInferred) }
        guard !lines.isEmpty else { return "" }
        return lines.map { "  † " + $0 + "\n" }.joined() + "  " + words.howToConfirm + "\n"
    }

    private func scoreText(_ card: Scorecard) -> String {
        guard let ratio = card.ratio else { return words.noTargets }
        return words.met(card.met, of: card.defined) + " (" + numbers.percent(ratio) + ")"
    }

    /// One ranking per group (departments, district offices …): like compared with like, each
    /// unit with the number of indicators it is scored on.
    private func ranking() -> String {
        var out = ""
        for (group, cards) in Ranking.groups(metrics, year: year) {
            var rows = [[" #", words.unit, words.targetsMet, words.share, words.meanCompletion]]
            for (i, card) in cards.enumerated() {
                rows.append([
                    String(i + 1), unitName(card.unit), "\(card.met)/\(card.defined)",
                    card.ratio.map(numbers.percent) ?? numbers.undefined,
                    card.meanCompletion.map(numbers.percent) ?? numbers.undefined,
                ])
            }
            out += words.rankingTitle + (group.map { " — " + $0 } ?? "") + "\n" + TextGrid(rows: rows, rightAligned: [0, 2, 3, 4], maxWidths: [3, 40, 12, 10, 12]).text
        }
        return out
    }

    /// In the office's order: the catalogue's "thứ tự", then the files'.
    private func provinceFigures() -> [FigureRow] {
        let figures = Dictionary(metrics.provinceRows.indices.filter { Int(metrics.provinceRows[$0].year) == year }.map(metrics.provinceFigures(at:)).map { ($0.indicator, $0) },
                                 uniquingKeysWith: { a, _ in a })
        return metrics.inOfficeOrder(Array(figures.keys)).compactMap { figures[$0] }
    }

    private func section(title: String, figures: [FigureRow]) -> String {
        var rows = [[words.indicator, words.target, words.actual, words.completion, words.status,
                     words.change(metrics.table.period.isWholeYear ? String(previousYear) : numbers.language == .vi ? "cùng kỳ \(previousYear)" : "\(previousYear)")]]
        let phrases = FigureWords(metrics, numbers.language)
        for f in figures {
            // A part stands indented under its whole, as the office's form writes it.
            var name = String(repeating: "  ", count: metrics.itemDepth(f.indicator)) + metrics.indicatorName(f)
            // The office's own total row is no mean, whatever would cross-check it.
            let formed = metrics.isMean(f) && !f.published
            if formed { name += " *" }
            if f.direction == .lower { name += words.ceilingMark }
            if metrics.profile(f.indicator).directionBasis.isAssumed && f.direction == .lower || formed && metrics.profile(f.indicator).formulaBasis.isAssumed { name += " †" }
            // A rate or a ceiling shows how far it stands from its target, never a completion of it.
            let against = phrases.isRate(f) || f.direction == .lower
                ? phrases.signedGap(f) ?? numbers.undefined
                : f.completion.map(numbers.completion) ?? numbers.undefined
            rows.append([
                name,
                phrases.target(f) ?? numbers.undefined,
                phrases.actual(f),
                against,
                phrases.status(f),
                phrases.change(f),
            ])
        }
        return "  " + title + "\n" + TextGrid(rows: rows, rightAligned: [1, 2, 3, 5], maxWidths: [52, 16, 28, 14, 16, 30]).text
    }
}

/// Columns padded to the widest cell, cut with "…" at a maximum width.
struct TextGrid {
    let rows: [[String]]
    let rightAligned: Set<Int>
    let maxWidths: [Int]

    var text: String {
        let cut = rows.map { row in row.enumerated().map { i, cell in Self.truncate(cell, to: i < maxWidths.count ? maxWidths[i] : 40) } }
        let columns = cut.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in cut.map { $0.count > c ? $0[c].count : 0 }.max() ?? 0 }
        return cut.map { row in
            "  " + row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return rightAligned.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }

    static func truncate(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
