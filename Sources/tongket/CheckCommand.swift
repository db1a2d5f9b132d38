import ArgumentParser
import TongKetAnalytics
import TongKetData

/// The analyst's review: errors (exit 65) and, for a file that loads, everything the figures
/// would assume or that looks wrong — each with its place in the files.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate exports and review them: every problem and every warning as file:line:column.",
        discussion: """
            Errors stop the figures (exit 65). Warnings — assumed ceilings and means, total rows, \
            renamed or misspelt names, values that jump, % above 100, missing targets — exit 0, \
            or 65 with --strict.
            """)

    @OptionGroup var input: InputOptions

    @Flag(help: "Exit 65 when there are warnings, not only errors.")
    var strict = false

    @Option(help: "Language of the messages: vi or en (default: the locale's).")
    var lang: Language?

    func run() throws {
        let metrics = try input.analyse(level: nil, notes: true)
        // Every row of every period: check reviews them all.
        let table = input.period == nil ? metrics.interpretation.table : metrics.table
        // Each period's values are reviewed against the same period's (a half-year beside a whole year is no jump).
        let findings = metrics.interpretation.findings + (input.period == nil ? Session.everyPeriod(metrics) : [metrics]).flatMap(Review.findings)
        let vietnamese = MessageLanguage.isVietnamese
        var out = "\n" + InterpretationTable(metrics: metrics).text
        for kind in Finding.Kind.allCases {
            let ofKind = findings.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            out += "\n" + CheckWords.heading(kind, count: ofKind.count) + "\n"
            for finding in ofKind { out += "  " + finding.diagnostic.text(vietnamese: vietnamese) + "\n" }
        }
        let years = table.years
        let span = years.count > 1 ? "\(years[0])–\(years[years.count - 1])" : years.map(String.init).joined()
        let files = table.files.joined(separator: ", ")
        let totals = Set(metrics.interpretation.totals.map(\.name)).count
        let planYears = Set(table.plannedTargets.map(\.year)).sorted()
        let plan = planYears.isEmpty ? ("", "") : (
            " (và kế hoạch năm \(planYears.map(String.init).joined(separator: ", ")): \(table.plannedTargets.count) dòng chỉ có kế hoạch)",
            " (and the plan for \(planYears.map(String.init).joined(separator: ", ")): \(table.plannedTargets.count) rows with targets only)")
        out += "\n" + MessageLanguage.pick(
            "\(files): \(table.rows.count) dòng, \(table.units.count) đơn vị, \(table.indicators.count) chỉ tiêu, năm \(span)" + plan.0
                + (totals > 0 ? " (và \(totals) dòng tổng để riêng)" : "") + ": không có lỗi; "
                + (findings.isEmpty ? "không có cảnh báo nào khác." : "\(findings.count) cảnh báo khi rà soát."),
            "\(files): \(table.rows.count) rows, \(table.units.count) units, \(table.indicators.count) indicators, years \(span)" + plan.1
                + (totals > 0 ? " (and \(totals) total row\(totals == 1 ? "" : "s") set aside)" : "") + ": no problems found; "
                + (findings.isEmpty ? "no other warnings." : "\(findings.count) review warning\(findings.count == 1 ? "" : "s").")) + "\n"
        out += CheckWords.checked(catalogue: input.catalogueFile) + "\n"
        Terminal.output(out.hasPrefix("\n") ? String(out.dropFirst()) : out)
        if strict && !findings.isEmpty { throw ExitStatus.dataError }
    }
}

/// The headings and closing line of `check`, in the user's language.
enum CheckWords {
    static func heading(_ kind: Finding.Kind, count: Int) -> String {
        let (vi, en): (String, String)
        switch kind {
        case .inferredCeiling: (vi, en) = ("Chỉ tiêu coi là trần (càng thấp càng tốt) — suy ra từ tên hoặc kế hoạch 0", "Taken as ceilings (lower is better) — inferred from the name or a target of 0")
        case .inferredMean: (vi, en) = ("Chỉ tiêu toàn tỉnh tính trung bình, không cộng dồn — suy ra", "Province value is a mean, not a sum — inferred")
        case .directionConflict: (vi, en) = ("Cột chiều trái với tên chỉ tiêu", "Direction column at odds with the name")
        case .totalRow: (vi, en) = ("Dòng tổng (không phải đơn vị)", "Total rows (not units)")
        case .totalMismatch: (vi, en) = ("Dòng tổng không khớp số của các đơn vị", "Total rows that disagree with the units' figures")
        case .spellingVariant: (vi, en) = ("Tên viết khác nhau, gộp làm một hoặc giữ riêng", "Spellings merged into one name, or kept apart")
        case .likelyRename: (vi, en) = ("Có lẽ đổi tên giữa các năm", "Likely renamed between years")
        case .jump: (vi, en) = ("Số liệu tăng/giảm đột biến", "Values that jump")
        case .percentOver100: (vi, en) = ("Tỷ lệ vượt 100 %", "Percentages above 100")
        case .partialTargets: (vi, en) = ("Thiếu kế hoạch ở một số đơn vị", "Targets missing for some units")
        case .singleUnit: (vi, en) = ("Chỉ tiêu chỉ một đơn vị báo cáo", "Indicators only one unit reports")
        case .lookAlike: (vi, en) = ("Tên có chữ Kirin hoặc Hy Lạp trông như chữ Latinh", "Names with Cyrillic or Greek letters that look Latin")
        case .mainTarget: (vi, en) = ("Kế hoạch chính theo danh mục", "The catalogue's headline targets")
        case .previousConflict: (vi, en) = ("Cùng kỳ của biểu khác số của chính kỳ đó",
                                            "A form's cùng kỳ that differs from that period's own figure")
        case .lineage: (vi, en) = ("Đơn vị sáp nhập, chia tách", "Units merged or split")
        case .itemSum: (vi, en) = ("Tổng không bằng các khoản cộng lại", "Wholes that their items do not add up to")
        }
        return MessageLanguage.pick(vi, en) + " (\(count)):"
    }

    static func checked(catalogue: String?) -> String {
        let source = catalogue.map { MessageLanguage.pick("danh mục \($0)", "catalogue \($0)") } ?? MessageLanguage.pick("không có danh mục chỉ tiêu (tạo bằng `tongket init`)", "no indicator catalogue (write one with `tongket init`)")
        return MessageLanguage.pick(
            "Đã kiểm tra: tiêu đề cột, số, dòng trùng, chiều và cách tính toàn tỉnh của từng chỉ tiêu, dòng tổng, tên viết khác, chữ trông giống nhau và đổi tên, số đột biến (gấp \(Int(Review.jumpFactor)) lần trở lên), tỷ lệ trên 100 %, kế hoạch thiếu, chỉ tiêu một đơn vị; \(source).",
            "Checked: headers, numbers, duplicates, each indicator's direction and province formula, total rows, spellings, look-alike letters and renames, jumps (\(Int(Review.jumpFactor))× or more), % above 100, missing targets, single-unit indicators; \(source).")
    }
}
