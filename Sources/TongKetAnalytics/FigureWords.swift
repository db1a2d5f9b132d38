import TongKetData

/// The phrasebook of figures: every verdict word and figure phrase, in both languages, spelled
/// once here and used by the charts, the narrative, the tables and the Office files alike, so a
/// figure reads the same wherever it is shown (DESIGN §3):
/// - a rate keeps its "%", is judged against its threshold, and misses or passes it by points
///   ("vượt 6,4 điểm %"), never by a ratio of two rates;
/// - a ceiling reads as its value against its limit ("trong giới hạn", "vượt trần"), never as a
///   completion;
/// - a count reads as its completion ("đạt 105,7 % kế hoạch");
/// - an indicator with no direction is never judged;
/// - decimals are enough that a value not meeting its target never prints equal to it or past it;
/// - a value `check` flags carries "⚠ cần kiểm tra"; an estimate "(ước)".
package struct FigureWords: Sendable {
    public let metrics: Metrics
    public let language: Language
    public let numbers: NumberText

    public init(_ metrics: Metrics, _ language: Language) {
        self.metrics = metrics
        self.language = language
        numbers = NumberText(language)
    }

    func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    // MARK: Verdict words

    public var met: String { pick("đạt", "met") }
    public var notMet: String { pick("không đạt", "not met") }
    public var withinCeiling: String { pick("trong giới hạn", "within the ceiling") }
    public var aboveCeiling: String { pick("vượt trần", "above the ceiling") }
    public var noTarget: String { pick("không có kế hoạch", "no target") }
    public var notJudged: String { pick("không đánh giá", "not judged") }
    /// After a value `check` flags, wherever it is shown.
    public var checkMark: String { pick(" ⚠ cần kiểm tra", " ⚠ to verify") }

    /// One word for the status: đạt / không đạt / trong giới hạn / vượt trần / không có kế hoạch.
    public func status(_ f: FigureRow) -> String {
        if f.progress, f.status == .undefined { return f.direction == .lower ? withinCeiling : pick("tiến độ", "progress") }
        switch (f.direction, f.status) {
        case (.lower, .met): return withinCeiling
        case (.lower, .notMet): return aboveCeiling
        case (_, .met): return met
        case (_, .notMet): return notMet
        case (.neutral, .undefined): return notJudged
        case (_, .undefined): return noTarget
        }
    }

    // MARK: Figures

    public func isRate(_ f: FigureRow) -> Bool { ProvinceRollup.isRate(metrics.measureName(f)) }

    /// Decimals for `f`'s value and target: the catalogue's (at least), else one, and more
    /// until a value that misses its target no longer prints equal to it or past it.
    public func digits(_ f: FigureRow) -> Int {
        let least = metrics.profile(f.indicator).decimals ?? 1
        guard f.status == .notMet, let target = f.target else { return least }
        var digits = least
        while digits < 4 {
            let scale = pow10(digits)
            let a = (f.actual * scale).rounded(), t = (target * scale).rounded()
            let apart = f.direction == .lower ? a > t : a < t
            if apart { break }
            digits += 1
        }
        return digits
    }

    /// A value of `f` with its measure, at `f`'s decimals: "74 vụ", "99,77 %".
    public func value(_ v: Double, _ f: FigureRow) -> String {
        numbers.value(v, measure: metrics.measureName(f), fractionDigits: digits(f))
    }

    /// The number alone, at `f`'s decimals (a tile writes the measure apart).
    public func number(_ f: FigureRow) -> String { numbers.number(f.actual, fractionDigits: digits(f)) }

    /// The result, marked when it is an estimate or `check` flags it.
    public func actual(_ f: FigureRow) -> String { value(f.actual, f) + marks(f) }

    /// Before a flagged value where space is short (a tile, a bar, a cell): "⚠ ", the footnote says the rest.
    public func flagPrefix(_ f: FigureRow) -> String { f.flagged ? "⚠ " : "" }

    /// A chart label's result: "⚠ 741 tin (ước)" — the short flag, the value, the estimate mark.
    public func shortActual(_ f: FigureRow) -> String { flagPrefix(f) + value(f.actual, f) + (f.estimated ? numbers.estimateMark : "") }

    /// The footnote of a chart that shows a flagged value.
    public var flagNote: String {
        pick("⚠ số liệu cần đối chiếu lại trước khi trình bày", "⚠ figures to verify before they are presented")
    }

    /// " (ước)", " ⚠ cần kiểm tra", both, or nothing.
    public func marks(_ f: FigureRow) -> String { (f.estimated ? numbers.estimateMark : "") + (f.flagged ? checkMark : "") }

    public func target(_ f: FigureRow) -> String? { f.target.map { value($0, f) } }

    /// A value of `f` without its measure, for a table that says the measure once: "74", "99,77".
    public func bare(_ v: Double, _ f: FigureRow) -> String { numbers.number(v, fractionDigits: digits(f)) }

    /// `shortActual` without the measure: "⚠ 741 (ước)".
    public func bareActual(_ f: FigureRow) -> String { flagPrefix(f) + bare(f.actual, f) + (f.estimated ? numbers.estimateMark : "") }

    /// A distance in points, to the first digit that is not zero: "6,4 điểm %", "0,03 điểm %".
    public func points(_ amount: Double, atLeast least: Int = 1) -> String {
        let a = abs(amount)
        var digits = least
        while digits < 4, a > 0, (a * pow10(digits)).rounded() == 0 { digits += 1 }
        return numbers.number(a, fractionDigits: digits) + pick(" điểm %", " pp")
    }

    /// How far `f` stands from its target, signed (above is "+"): "+6,4 điểm %", "–0,03 điểm %" for a
    /// rate, "+1 vụ" for a count or a ceiling; nil without a target.
    public func signedGap(_ f: FigureRow) -> String? {
        guard let target = f.target else { return nil }
        let gap = f.actual - target
        return sign(gap) + (isRate(f) ? points(gap) : value(abs(gap), f))
    }

    /// "+" above 0, the en dash below (see `NumberText.signed`), nothing at 0.
    func sign(_ value: Double) -> String { value > 0 ? "+" : value < 0 ? "\u{2013}" : "" }

    /// How far `f` stands from its target: "6,4 điểm %" for a rate, "12 vụ" for a count.
    public func distance(_ f: FigureRow) -> String? {
        guard let target = f.target else { return nil }
        let amount = abs(f.actual - target)
        return isRate(f) ? points(amount) : value(amount, f)
    }

    /// The verdict after a value, as a tile, a bar label or a table says it:
    /// rates "vượt 6,4 điểm % so với mức 90 %" / "thiếu 0,03 điểm % so với mức 99,8 %";
    /// ceilings "trong giới hạn (trần 20 ngày)" / "vượt trần 1 vụ (trần 0 vụ)"; counts "đạt 105,7 % kế hoạch"
    /// (with "· không đạt" when missed); "không có kế hoạch"; "không đánh giá" for a workload count.
    public func verdict(_ f: FigureRow) -> String {
        if let relative = f.relativeTarget { return relativeVerdict(f, relative) }
        if f.direction == .neutral { return notJudged + pick(" (không giao kế hoạch)", " (no target assigned)") }
        // A part of the year against the year's target: how far along, not a verdict.
        if f.progress, let target = f.target {
            let limit = value(target, f)
            if f.direction == .lower {
                return f.status == .notMet ? aboveCeiling + " " + (distance(f) ?? "") + pick(" (trần năm \(limit))", " (the year's ceiling \(limit))")
                    : withinCeiling + pick(" (trần năm \(limit))", " (the year's ceiling \(limit))")
            }
            return f.completion.map { pick("đạt \(numbers.percent($0)) kế hoạch năm", "\(numbers.percent($0)) of the year's target") } ?? noTarget
        }
        guard let target = f.target, f.status != .undefined else { return noTarget }
        let limit = value(target, f)
        if f.direction == .lower {
            // "vượt trần 1 vụ (trần 0 vụ)": by how much, then the limit.
            return f.status == .met ? withinCeiling + pick(" (trần \(limit))", " (ceiling \(limit))")
                : aboveCeiling + " " + (distance(f) ?? "") + pick(" (trần \(limit))", " (ceiling \(limit))")
        }
        if isRate(f) {
            if f.actual == target { return pick("đạt mức \(limit)", "at the \(limit) threshold") }
            let gap = points(f.actual - target)
            return f.status == .met ? pick("vượt \(gap) so với mức \(limit)", "\(gap) above the \(limit) threshold")
                : pick("thiếu \(gap) so với mức \(limit), \(notMet)", "\(gap) below the \(limit) threshold, \(notMet)")
        }
        guard let completion = f.completion else { return noTarget }
        return pick("đạt \(numbers.completion(completion)) kế hoạch", "\(numbers.completion(completion)) of target")
            + (f.status == .notMet ? ", " + notMet : "")
    }

    /// A target against the year before, in its own terms first, the resolved value second: "đạt mục tiêu
    /// giảm ít nhất 5 % so với cùng kỳ (không quá 74,1 vụ)"; with no previous figure, that it cannot be judged.
    /// (The change itself is said beside it, by `change`.)
    public func relativeVerdict(_ f: FigureRow, _ relative: RelativeTarget) -> String {
        let size = relative.points ? points(relative.amount) : numbers.percent(abs(relative.amount) / 100)
        let goal: String
        if relative.amount == 0 {
            goal = relative.direction == .lower ? pick("không cao hơn \(before)", "no higher than \(before)")
                : pick("không thấp hơn \(before)", "no lower than \(before)")
        } else {
            goal = relative.amount < 0 ? pick("giảm ít nhất \(size) so với \(before)", "down at least \(size) on \(before)")
                : pick("tăng ít nhất \(size) so với \(before)", "up at least \(size) on \(before)")
        }
        guard let target = f.target, f.previousActual != nil else {
            let unjudged = "chưa có số \(before) để đánh giá mục tiêu \(goal)"
            return pick(unjudged, "no figure for \(before) to judge the goal \(goal) by")
        }
        let limit = (f.direction == .lower ? pick("không quá ", "at most ") : pick("ít nhất ", "at least ")) + value(target, f)
        let verdict = f.status == .met ? pick("đạt mục tiêu", "meets the goal") : pick("không đạt mục tiêu", "misses the goal")
        return "\(verdict) \(goal) (\(limit))"
    }

    private var before: String { period.isWholeYear ? pick("năm trước", "the year before") : pick("cùng kỳ", "the same period") }

    /// A target missed that the files name beside the headline, said with its name: "đạt 97,9 % Dự toán HĐND
    /// tỉnh giao (2.350/2.400 tỷ đồng) · không đạt", "thiếu 1,5 điểm % so với KH 6 tháng (90 %)".
    public func againstNamed(_ f: FigureRow, name: String) -> String {
        guard let target = f.target else { return noTarget }
        let limit = value(target, f)
        if f.direction == .lower {
            let over = distance(f) ?? ""
            return pick("vượt \(over) so với \(name) (trần \(limit))", "\(over) above \(name) (ceiling \(limit))")
        }
        if isRate(f) {
            let gap = points(f.actual - target)
            return pick("thiếu \(gap) so với \(name) (\(limit))", "\(gap) below \(name) (\(limit))")
        }
        let completion = f.completion.map { numbers.completion($0) } ?? ""
        let pair = "\(numbers.number(f.actual, fractionDigits: digits(f)))/\(limit)"
        return pick("đạt \(completion) \(name) (\(pair)), \(notMet)", "\(completion) of \(name) (\(pair)), \(notMet)")
    }

    /// The verdict where a line holds about 30 characters (a tile, a bar's label): a rate as its
    /// points against the threshold ("+6,4 điểm % so với mức 90 %"), a workload count unjudged.
    public func shortVerdict(_ f: FigureRow) -> String {
        if f.direction == .neutral { return notJudged }
        // A goal against cùng kỳ in a tile: "không đạt mục tiêu –5 %".
        if let relative = f.relativeTarget {
            guard f.target != nil, f.previousActual != nil else { return pick("chưa có số cùng kỳ", "no figure last year") }
            let goal = relative.points ? numbers.points(relative.amount) : numbers.signedPercent(relative.amount / 100)
            let verdict = f.status == .met ? pick("đạt mục tiêu ", "meets the goal ")
                : pick("không đạt mục tiêu ", "misses the goal ")
            return verdict + goal
        }
        if f.progress { return verdict(f) }
        guard let target = f.target, f.status != .undefined else { return noTarget }
        if f.direction == .higher, isRate(f) {
            return (signedGap(f) ?? "") + pick(" so với mức ", " against ") + value(target, f)
        }
        return verdict(f)
    }

    /// The change on last year: "+6 (+8,8 %)" for counts, "+1,2 điểm %" for rates.
    public func change(_ f: FigureRow) -> String {
        guard let delta = f.yoyDelta else { return numbers.undefined }
        // As many decimals as the figure itself needs: 99,5 → 99,77 is "+0,27 điểm %".
        if isRate(f) { return sign(delta) + points(delta, atLeast: digits(f)) }
        return numbers.signed(delta) + numbers.percentOfChange(f)
    }

    // MARK: The period

    var period: ReportingPeriod { metrics.table.period }

    /// "năm 2024", "6 tháng đầu năm 2024", "quý III năm 2024".
    public func when(_ year: Int) -> String { period.of(year, vietnamese: language == .vi, span: metrics.table.yearSpan) }

    /// The dates of a reporting year that is not a calendar one ("01/12/2023 – 30/11/2024"), for
    /// the title page and the narrative's first line; nil for calendar and school years and parts.
    public func dates(_ year: Int) -> String? { period.isWholeYear ? metrics.table.yearSpan.dates(of: year) : nil }

    /// What a year is compared with: "năm 2023", or for a part of the year "cùng kỳ năm 2023".
    public func before(_ year: Int) -> String {
        if metrics.table.yearSpan == .school, period.isWholeYear { return period.of(year - 1, vietnamese: language == .vi, span: .school) }
        return period.isWholeYear ? pick("năm \(year - 1)", "\(year - 1)") : pick("cùng kỳ năm \(year - 1)", "the same period of \(year - 1)")
    }

    /// A name inside a sentence: its first letter small ("Các đơn vị cấp huyện" → "các đơn vị cấp huyện"), a heading
    /// the form writes in capitals in sentence case ("CÁC CHI CỤC THUẾ" → "các chi cục thuế"), an abbreviation
    /// as it is ("VKSND huyện …").
    public static func midSentence(_ name: String) -> String {
        let letters = name.filter(\.isLetter)
        if letters.count > 1, letters == letters.uppercased() { return name.lowercased() }
        guard let first = name.first, let second = name.dropFirst().first, !second.isUppercase else { return name }
        return first.lowercased() + name.dropFirst()
    }

    /// `when` at the start of a line: "Năm 2024", "6 tháng đầu năm 2024", "The first half of 2024".
    public func When(_ year: Int) -> String { let text = when(year); return text.prefix(1).uppercased() + text.dropFirst() }

    /// Whose figures the province's place holds: "toàn tỉnh", or the unit's name in its own summary.
    public var scope: String { metrics.unit.map { metrics.table.units[Int($0)] } ?? pick("toàn tỉnh", "the province") }
    /// `scope` at the start of a line: "Toàn tỉnh", "The province", the unit's name.
    public var Scope: String { metrics.unit.map { metrics.table.units[Int($0)] } ?? pick("Toàn tỉnh", "The province") }

    /// "Phương hướng, nhiệm vụ năm 2025": the heading of next year's targets, on its page and in the report.
    public func planTitle(_ year: Int) -> String { pick("Phương hướng, nhiệm vụ năm \(year)", "Next year: the targets for \(year)") }

    /// The period after the reviewed one, that a review's directions and tasks are for: "năm 2025" after a
    /// year, "6 tháng cuối năm 2024" after its first half; nil after a quarter or nine months.
    public func nextWhen(_ year: Int) -> String? {
        switch period.part {
        case .wholeYear where metrics.table.yearSpan == .school: return period.of(year + 1, vietnamese: language == .vi, span: .school)
        case .wholeYear: return pick("năm \(year + 1)", "\(year + 1)")
        case .firstHalf: return pick("6 tháng cuối năm \(year)", "the second half of \(year)")
        default: return nil
        }
    }

    /// "Phương hướng, nhiệm vụ năm 2025", "… 6 tháng cuối năm 2024": the heading of what follows the review.
    public func directionsTitle(_ year: Int) -> String {
        nextWhen(year).map { pick("Phương hướng, nhiệm vụ ", "Directions and tasks for ") + $0 } ?? planTitle(year + 1)
    }

    /// "Tổng kết năm 2024", "Sơ kết 6 tháng đầu năm 2024", "Review of 2024", "Review of the first half of 2024".
    public func reviewTitle(_ year: Int) -> String { period.review(vietnamese: language == .vi) + " " + when(year) }

    /// A date as the office writes it: "2024-12-20" → "ngày 20 tháng 12 năm 2024" / "20 December
    /// 2024"; anything that is not an ISO date is left as it is. Nghị định 30/2020 writes a 0 before
    /// a day under 10 and before the months 1 and 2 only: "ngày 05 tháng 01", "tháng 3".
    public func dateWords(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return iso }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let day = (parts[2] < 10 ? "0" : "") + String(parts[2]), month = (parts[1] < 3 ? "0" : "") + String(parts[1])
        return pick("ngày \(day) tháng \(month) năm \(parts[0])", "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])")
    }

    /// The date line of a review no date was given for: the day and month left for the clerk to write,
    /// in the year the review of `year` is held (a calendar year's review early the next year).
    public func blankDate(_ year: Int) -> String {
        let held = period.isWholeYear && metrics.table.yearSpan == .calendar ? year + 1 : year
        return pick("ngày      tháng      năm \(held)", "________ \(held)")
    }

    /// The pack's folder: "2024", "2024-6-thang".
    public static func folderName(_ year: Int, _ period: ReportingPeriod) -> String { period.isWholeYear ? String(year) : "\(year)-\(period.slug)" }

    // MARK: How the province figure was formed

    /// What a page or tile that shows a province figure says of how it was formed, or nil when
    /// it is a plain sum of every unit's values and targets:
    /// "số tổng hợp của đơn vị: 167, cộng các đơn vị: 266", "số của Phòng 7",
    /// "KH: tổng 5/6 đơn vị được giao", "KH: mức chung của các đơn vị".
    /// `attribution`: say "số của Phòng 7" for a one-unit figure (a page that says it once in its subtitle does not).
    public func basisNote(_ f: FigureRow, attribution: Bool = true) -> String? {
        guard let basis = metrics.basis(f) else { return nil }
        var parts: [String] = []
        switch basis.figure {
        case .totalRow:
            if let units = basis.unitsFigure {
                parts.append(pick("số tổng hợp của đơn vị: \(value(f.actual, f)), \(formulaName(f)): \(value(units, f))",
                                  "the office's total: \(value(f.actual, f)), \(formulaName(f)): \(value(units, f))"))
            }
        case let .singleUnit(unit) where unit != metrics.unit && attribution:
            parts.append(pick("số của ", "the figure of ") + metrics.table.units[Int(unit)])
        case .singleUnit: break
        case .formula: break
        }
        switch basis.target {
        case let .assigned(units, of): parts.append(pick("KH: tổng \(units)/\(of) đơn vị được giao", "target: sum of the \(units) of \(of) units assigned one"))
        case let .sharedThreshold(units, of) where units < of:
            parts.append(pick("KH: mức chung của \(units)/\(of) đơn vị", "target: the threshold \(units) of \(of) units share"))
        case let .meanOfTargets(units, of): parts.append(pick("KH: trung bình kế hoạch của \(units)/\(of) đơn vị", "target: mean of \(units) of \(of) units' targets"))
        case .catalogue: parts.append(pick("KH toàn tỉnh theo danh mục", "province target from the catalogue"))
        default: break
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// "cộng các đơn vị", "trung bình các đơn vị" …: the units' formula, as the cross-check names it.
    func formulaName(_ f: FigureRow) -> String { formulaName(f.indicator) }

    func formulaName(_ indicator: Int32) -> String {
        switch metrics.profile(indicator).formula {
        case .sum, .none: return pick("cộng các đơn vị", "sum of the units")
        case .mean: return pick("trung bình các đơn vị", "mean of the units")
        case .weightedMean: return pick("trung bình có trọng số", "weighted mean of the units")
        case .ratio: return pick("tỷ lệ chung của các đơn vị", "the units' overall ratio")
        }
    }

    /// How a province figure formed by a formula other than a sum was formed, or nil.
    public func formulaWords(_ f: FigureRow) -> String? {
        metrics.profile(f.indicator).formula.isSum || metrics.profile(f.indicator).formula == .none ? nil : formulaName(f)
    }
}

private func pow10(_ digits: Int) -> Double {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    return scale
}
