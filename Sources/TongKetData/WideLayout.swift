/// A wide table: one row per unit and indicator, a column per role and year ("Thực hiện 2021 |
/// Thực hiện 2022 | Kế hoạch 2024 | TH năm 2024"), unpivoted by the reader to one row per year.
struct WideLayout {
    struct Year {
        var year: Int
        var target: Int?
        var actual: Int
    }

    /// The years with a result column, in order; each with its target column when there is one.
    let years: [Year]
    /// The header map of the other columns (unit, indicator, measure …); target and actual
    /// point at the first year's, so messages about them name a real header.
    let map: HeaderMap
    private let headers: [String]

    init?(headers: [String]) {
        var actual: [Int: Int] = [:], target: [Int: Int] = [:]
        var plain: [String] = []
        for (field, header) in headers.enumerated() {
            guard let (role, year) = Self.roleAndYear(header) else { plain.append(header); continue }
            plain.append("")
            if role == .actual, actual[year] == nil { actual[year] = field } else if role == .target, target[year] == nil { target[year] = field }
        }
        guard !actual.isEmpty else { return nil }
        years = actual.keys.sorted().map { Year(year: $0, target: target[$0], actual: actual[$0] ?? 0) }
        guard let first = years.first else { return nil }
        var index: [InputColumn: Int] = [:]
        for (field, header) in plain.enumerated() {
            if let column = InputColumn.byFoldedName[HeaderName.fold(header)], index[column] == nil { index[column] = field }
        }
        guard index[.unit] != nil, index[.indicator] != nil, index[.year] == nil, index[.target] == nil, index[.actual] == nil else { return nil }
        index[.actual] = first.actual
        index[.target] = first.target
        map = HeaderMap(headers: headers, index: index)
        self.headers = headers
    }

    /// "Thực hiện 2023" → (actual, 2023); "KH năm 2024" → (target, 2024).
    static func roleAndYear(_ header: String) -> (InputColumn, Int)? {
        let words = HeaderName.fold(header).split(separator: " ").map(String.init)
        guard let last = words.last, last.count == 4, let year = Int(last), (1990...2100).contains(year) else { return nil }
        var role = Array(words.dropLast())
        if role.last == "nam" { role.removeLast() }
        guard let column = InputColumn.byFoldedName[role.joined(separator: " ")], column == .target || column == .actual else { return nil }
        return (column, year)
    }

    func description(english: Bool) -> String {
        years.map { year in
            let actual = "\"\(headers[year.actual])\" → " + (english ? "actual \(year.year)" : "thực hiện \(year.year)")
            guard let target = year.target else { return actual }
            return "\"\(headers[target])\" → " + (english ? "target \(year.year)" : "kế hoạch \(year.year)") + ", " + actual
        }.joined(separator: ", ")
    }
}
