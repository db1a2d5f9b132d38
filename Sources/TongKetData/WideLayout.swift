/// A wide table: one row per unit and indicator, a column per role and year ("Thực hiện 2021 |
/// Thực hiện 2022 | Kế hoạch 2024 | TH năm 2024"), unpivoted by the reader to one row per year.
struct WideLayout {
    struct Year {
        var year: Int
        var target: Int?
        var actual: Int
        /// Only an estimate ("Ước TH 2024") gives the year's result.
        var estimated = false
        /// The year's columns name a school year ("Năm học 2023 – 2024"), placed at its end year.
        var schoolYear = false
    }

    /// The years with a result column, in order; each with its target column when there is one.
    let years: [Year]
    /// The years after the last with a result column that have a target column ("KH 2025"):
    /// next year's plan. Their `actual` is unused.
    let plannedYears: [Year]
    /// The header map of the other columns (unit, indicator, measure …); target and actual
    /// point at the first year's, so messages about them name a real header.
    let map: HeaderMap
    private let headers: [String]

    init?(headers: [String], unitOptional: Bool = false) {
        var actual: [Int: Int] = [:], estimate: [Int: Int] = [:], target: [Int: Int] = [:]
        var school: Set<Int> = []
        var plain: [String] = []
        for (field, header) in headers.enumerated() {
            guard let found = Self.roleAndYear(header) else { plain.append(header); continue }
            plain.append("")
            if found.schoolYear { school.insert(found.year) }
            switch found.column {
            case .actual where found.estimate: if estimate[found.year] == nil { estimate[found.year] = field }
            case .actual: if actual[found.year] == nil { actual[found.year] = field }
            default: if target[found.year] == nil { target[found.year] = field }
            }
        }
        // A measured result wins over an estimate of the same year ("TH 2024" over "Ước TH 2024").
        let resultYears = Set(actual.keys).union(estimate.keys)
        guard !resultYears.isEmpty else { return nil }
        years = resultYears.sorted().map { year in
            Year(year: year, target: target[year], actual: actual[year] ?? estimate[year] ?? 0,
                 estimated: actual[year] == nil, schoolYear: school.contains(year))
        }
        let lastResult = resultYears.max() ?? .max
        plannedYears = target.keys.filter { $0 > lastResult }.sorted().map { Year(year: $0, target: target[$0], actual: -1, schoolYear: school.contains($0)) }
        guard let first = years.first else { return nil }
        var index: [InputColumn: Int] = [:]
        for (field, header) in plain.enumerated() {
            if let column = InputColumn.named(header), index[column] == nil { index[column] = field }
        }
        guard index[.unit] != nil || unitOptional, index[.indicator] != nil, index[.year] == nil, index[.target] == nil, index[.actual] == nil else { return nil }
        index[.actual] = first.actual
        index[.target] = first.target
        map = HeaderMap(headers: headers, index: index)
        self.headers = headers
    }

    /// "Thực hiện 2023" → actual 2023; "KH năm 2024" → target 2024; a bare "Năm 2022" → actual 2022;
    /// "Ước TH 2024" → an estimated actual; "Năm học 2022 – 2023", "NH 2022-2023", "2022-2023" → a
    /// school year, at its end year 2023.
    static func roleAndYear(_ header: String) -> (column: InputColumn, year: Int, estimate: Bool, schoolYear: Bool)? {
        let folded = HeaderName.fold(header).replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
        var words = folded.replacingOccurrences(of: "-", with: " - ").split(separator: " ").map(String.init)
        func year(_ word: String?) -> Int? {
            guard let word, word.count == 4, let value = Int(word), (1990...2100).contains(value) else { return nil }
            return value
        }
        guard let end = year(words.last) else { return nil }
        words.removeLast()
        var schoolYear = false
        if words.count >= 2, words.last == "-", let start = year(words[words.count - 2]) {
            guard start + 1 == end else { return nil }
            words.removeLast(2)
            schoolYear = true
        }
        if words.suffix(2) == ["nam", "hoc"] { words.removeLast(2); schoolYear = true }
        else if words.last == "nh" { words.removeLast(); schoolYear = true }
        else if words.last == "nam" { words.removeLast() }
        let role = words.joined(separator: " ")
        if role.isEmpty { return (.actual, end, false, schoolYear) }
        guard let column = InputColumn.named(folded: role), column == .target || column == .actual else { return nil }
        return (column, end, role.hasPrefix("uoc"), schoolYear)
    }

    func description(english: Bool) -> String {
        years.map { year in
            let school = year.schoolYear ? (english ? " (school year, at its end)" : " (năm học, tính vào năm kết thúc)") : ""
            let estimate = year.estimated ? (english ? " (estimate)" : " (ước)") : ""
            let actual = "\"\(headers[year.actual])\" → " + (english ? "actual \(year.year)" : "thực hiện \(year.year)") + estimate + school
            guard let target = year.target else { return actual }
            return "\"\(headers[target])\" → " + (english ? "target \(year.year)" : "kế hoạch \(year.year)") + ", " + actual
        }.joined(separator: ", ") + plannedYears.compactMap { year in
            year.target.map { ", \"\(headers[$0])\" → " + (english ? "next year's target \(year.year)" : "kế hoạch năm tới \(year.year)") }
        }.joined()
    }
}
