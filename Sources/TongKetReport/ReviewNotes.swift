import TongKetAnalytics
import TongKetData

/// review.md, beside the pack: what the analyst reads before the room sees anything — how the province
/// figures were formed, what the reading assumed, and every finding `check` would state, each at its cell.
/// None of it is on a slide, a report page, a caption or a card: the room hears the office, not the tool.
enum ReviewNotes {
    static func markdown(_ metrics: Metrics, year: Int, language: Language) -> String {
        let vi = language == .vi
        let words = FigureWords(metrics, language)
        var out = "# " + (vi ? "Rà soát trước khi trình bày: " : "To check before presenting: ") + words.reviewTitle(year) + "\n\n"
        out += (vi ? "Dành cho người lập báo cáo; không trình chiếu. "
                   + "Mỗi mục chỉ rõ tệp, dòng hoặc ô cần xem lại."
                   : "For the analyst; not for the room. Each item names the file, line or cell to look at.") + "\n"
        let notes = Narrative(metrics: metrics, year: year, language: language).notes
        if !notes.isEmpty {
            out += "\n## " + ReviewHeadings.notes(language) + "\n\n" + notes.map { "- " + $0 + "\n" }.joined()
        }
        let marked = Set(Review.marked(metrics).map { $0.diagnostic.text(vietnamese: vi) })
        let findings = metrics.interpretation.findings + Review.findings(metrics)
        if !findings.isEmpty {
            out += "\n## " + (vi ? "Những điểm cần xem lại (`tongket check`)" : "What `tongket check` states") + "\n\n"
            for finding in findings {
                let text = finding.diagnostic.text(vietnamese: vi)
                // "⚠": shown on the pages of a draft, and refused by --final.
                out += "- " + (marked.contains(text) ? "⚠ " : "") + "`" + finding.kind.rawValue + "` " + text + "\n"
            }
        }
        return out
    }
}
