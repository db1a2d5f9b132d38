import Foundation

/// What a column holds, as table understanding decides it.
enum ColumnRole: String, Equatable, Sendable {
    case serial, unit, indicator, measure, year, period, level, direction
    case target, actual, estimate
    /// The office's own previous figure ("Cùng kỳ 2024", "Năm trước"), kept for the comparison.
    case previous
    /// The office's own completion or change ("Tỷ lệ %", "So sánh", "Tăng (+), giảm (−)"): checked, never used.
    case comparison
    case code, note

    var isValue: Bool { [.target, .actual, .estimate, .previous, .comparison].contains(self) }

    var english: String {
        switch self {
        case .serial: "row number"
        case .unit: "unit"
        case .indicator: "indicator"
        case .measure: "measure"
        case .year: "year"
        case .period: "period"
        case .level: "level"
        case .direction: "direction"
        case .target: "target"
        case .actual: "actual"
        case .estimate: "estimate"
        case .previous: "the office's cùng kỳ"
        case .comparison: "the office's comparison (checked, not used)"
        case .code: "code"
        case .note: "notes"
        }
    }

    var vietnamese: String {
        switch self {
        case .serial: "số thứ tự"
        case .unit: "đơn vị"
        case .indicator: "chỉ tiêu"
        case .measure: "đơn vị tính"
        case .year: "năm"
        case .period: "kỳ báo cáo"
        case .level: "cấp"
        case .direction: "chiều"
        case .target: "kế hoạch"
        case .actual: "thực hiện"
        case .estimate: "ước thực hiện"
        case .previous: "cùng kỳ của đơn vị"
        case .comparison: "so sánh của đơn vị (đối chiếu, không dùng)"
        case .code: "mã"
        case .note: "ghi chú"
        }
    }
}

/// The words of a header cell, read as a rule table: each rule a role with the phrases that name it
/// and how a phrase must stand in the cell; the first rule that matches wins, so the order is the
/// precedence ("Đơn vị tính" is a measure before it could be a unit, "Chỉ tiêu giao" a target before
/// an indicator, "Đơn vị thực hiện" a unit before an actual).
enum HeaderWords {
    enum Match { case whole, prefix, phrase, suffix }

    struct Rule {
        var role: ColumnRole
        var match: Match
        var phrases: [String]
    }

    static let rules: [Rule] = [
        Rule(role: .measure, match: .phrase, phrases: ["don vi tinh", "dvt", "unit of measure"]),
        Rule(role: .measure, match: .whole, phrases: ["measure"]),
        Rule(role: .serial, match: .whole, phrases: ["stt", "tt", "so tt", "so thu tu", "no", "no."]),
        Rule(role: .note, match: .prefix, phrases: ["ghi chu", "note", "chu thich"]),
        Rule(role: .code, match: .prefix, phrases: ["ma ", "code"]),
        Rule(role: .code, match: .whole, phrases: ["ma", "ma so"]),
        Rule(role: .comparison, match: .phrase, phrases: [
            "ty le %", "ti le %", "ty le (%)", "ti le (%)", "% hoan thanh", "ty le hoan thanh", "ti le hoan thanh", "so sanh",
            "tang (+)", "tang, giam", "tang giam", "chenh lech", "% th/kh", "ty le th/kh", "th/kh", "th/ck", "th/dt", "so voi", "% so",
        ]),
        Rule(role: .comparison, match: .whole, phrases: ["ty le", "ti le", "%", "dat (%)", "dat %", "(+/-)", "±",
                                                         // "+/-", "+ / -", "+, -" as they stand once a trailing dash is trimmed
                                                         "+/", "+ /", "+,",
                                                         "(+), (-)", "tang/giam", "(+) (-)", "so voi ck", "ss"]),
        // "TH/DTPL", "TH/DT HĐND tỉnh (%)", "% TH/KH": a result over a target or cùng kỳ, as the office works it out.
        Rule(role: .comparison, match: .prefix, phrases: ["th/", "% th/", "tl th/"]),
        Rule(role: .previous, match: .phrase, phrases: ["cung ky", "ky truoc", "nam truoc", "same period"]),
        Rule(role: .period, match: .whole, phrases: ["ky bao cao", "ky", "thoi ky", "ky tong hop", "nam hoc", "thoi gian", "period",
                                                     "nien khoa", "giai doan", "nam hoc / ky"]),
        Rule(role: .year, match: .whole, phrases: ["nam", "year", "nam bao cao", "nam thuc hien"]),
        Rule(role: .level, match: .whole, phrases: ["cap", "level", "cap don vi"]),
        Rule(role: .direction, match: .whole, phrases: ["chieu", "direction"]),
        Rule(role: .unit, match: .prefix, phrases: ["don vi", "ten don vi", "co quan", "ten co quan", "unit"]),
        Rule(role: .estimate, match: .phrase, phrases: ["uoc thuc hien", "uoc th", "uoc tinh", "uoc dat"]),
        Rule(role: .target, match: .phrase, phrases: [
            "kh", "ke hoach", "chi tieu giao", "chi tieu duoc giao", "du toan", "phan dau", "muc tieu", "target", "plan",
            "chi tieu ke hoach", "nghi quyet giao", "chi tieu nam", "chi tieu 6 thang", "chi tieu 9 thang", "chi tieu quy",
            "phap lenh", "chi tieu phan dau", "chi tieu de ra", "muc tieu de ra", "de ra", "dt nam", "dtpl",
        ]),
        // "Chỉ tiêu Ngành giao", "KH Tỉnh giao": what was assigned, by whom.
        Rule(role: .target, match: .suffix, phrases: [" giao"]),
        Rule(role: .actual, match: .phrase, phrases: [
            "th", "thuc hien", "ket qua", "ky nay", "luy ke", "actual", "so lieu", "dat duoc", "thuc te", "result",
        ]),
        Rule(role: .indicator, match: .prefix, phrases: ["chi tieu", "noi dung", "ten chi tieu", "tieu chi", "nhiem vu", "indicator",
                                                         "danh muc", "linh vuc", "khoan thu", "noi dung chi tieu"]),
    ]

    /// What one header cell says: its role (if a rule names one), a year and a period it names, and
    /// the cell itself when it names neither a role nor a time (a unit's or an indicator's name).
    struct Reading: Equatable {
        var role: ColumnRole?
        var year: Int?
        var period: ReportingPeriod?
        var school = false
        var name: String?
    }

    static func read(_ cell: String) -> Reading {
        let folded = HeaderName.fold(cell.replacingOccurrences(of: "\n", with: " "))
        var reading = Reading()
        let time = PeriodCell.read(cell) ?? timeInside(folded)
        reading.year = time?.year
        reading.school = time?.school ?? false
        if let period = time?.period, !period.isWholeYear { reading.period = period }
        else if let (period, _) = ReportingPeriod.read(cell), !period.isWholeYear { reading.period = period }
        reading.role = role(folded, cell: cell, time: time)
        // A kind of unit alone over the units' names ("VKSND", "Chi cục Thuế", "Công an"), not one unit's name ("Phòng 1");
        // "Số" folds as "Sở" does, and is a number's heading far more often.
        if reading.role == nil, time == nil, folded != "so", FileReader.unitWords.contains(folded) { reading.role = .unit }
        // A unit's name over its column is a name, whatever words it holds ("Phòng Kế hoạch - Tài chính").
        if let found = reading.role, [.target, .actual, .estimate].contains(found), time == nil, ColumnPlan.looksLikeUnit(cell) {
            reading.role = nil
        }
        // (a part of the year without its year, "6 tháng đầu năm", is a time too, no name)
        if reading.role == nil, time == nil, reading.period == nil, !folded.isEmpty, folded.contains(where: \.isLetter) {
            reading.name = cell
        }
        return reading
    }

    static func role(_ folded: String, cell: String, time: PeriodCell.Reading?) -> ColumnRole? {
        // The words with the time taken out: "KH 2024" is "kh", "Năm 2023" is "nam", "Năm học 2022 – 2023" nothing.
        let stripped = strippedOfTime(folded)
        // A heading that is only a time over values ("Năm 2022", "6 tháng đầu năm 2023", "Quý III/2024") is its result.
        if time != nil, stripped.split(separator: " ").allSatisfy({ timeWords.contains(String($0)) }) { return .actual }
        for rule in rules {
            for phrase in rule.phrases where matches(stripped, phrase, rule.match) { return rule.role }
        }
        return nil
    }

    static func matches(_ text: String, _ phrase: String, _ match: Match) -> Bool {
        switch match {
        case .whole: return text == phrase
        case .suffix: return text.hasSuffix(phrase)
        case .prefix: return text == phrase || text.hasPrefix(phrase.hasSuffix(" ") || phrase.hasSuffix("/") ? phrase : phrase + " ")
            || (phrase.hasSuffix(" ") && text.hasPrefix(phrase))
        case .phrase:
            guard let range = text.range(of: phrase) else { return false }
            let before = range.lowerBound == text.startIndex || !text[text.index(before: range.lowerBound)].isLetter
            let after = range.upperBound == text.endIndex || !text[range.upperBound].isLetter
            if before && after { return true }
            // A later occurrence may stand alone ("Thực hiện (TH)").
            return text[range.upperBound...].contains(phrase) && matches(String(text[range.upperBound...]), phrase, match)
        }
    }

    /// The words of a period with its year, and nothing else.
    static let timeWords: Set<String> = ["nam", "hoc", "nh", "ca", "6", "9", "thang", "dau", "cuoi", "quy", "i", "ii", "iii", "iv",
                                         "1", "2", "3", "4", "luy", "ke", "so", "ket", "tong"]

    /// A year or a school year inside a heading ("Kết quả thực hiện năm 2024", "TH 2023", "KH 6 tháng 2025").
    static func timeInside(_ folded: String) -> PeriodCell.Reading? {
        let words = folded.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," })
        for (i, word) in words.enumerated() {
            if let school = PeriodCell.schoolYear(String(word)) {
                return PeriodCell.Reading(year: school, period: .wholeYear, school: true)
            }
            if i + 2 < words.count, words[i + 1].count == 1, "-–—/".contains(words[i + 1]),
               let school = PeriodCell.schoolYear(word + "-" + words[i + 2]) {
                return PeriodCell.Reading(year: school, period: .wholeYear, school: true)
            }
            // "2024", "/2024" (Quý III/2024); not inside a date (05/12/2024).
            let digits = word.split(separator: "/").last.map(String.init) ?? ""
            if digits.count == 4, let year = Int(digits), (1990...2100).contains(year), word.split(separator: "/").count <= 2 {
                return PeriodCell.Reading(year: year, period: .wholeYear, school: false)
            }
        }
        return nil
    }

    /// The heading without its years and school years.
    static func strippedOfTime(_ folded: String) -> String {
        var text = folded.replacingOccurrences(of: #"\d{4} ?[-–—/] ?\d{4}"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"/?\b(19|20)\d{2}\b"#, with: " ", options: .regularExpression)
        return text.split(separator: " ").joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " -–:"))
    }
}
