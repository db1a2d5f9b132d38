import Foundation

/// The part of a reporting year a row covers: the whole year (by default), or a part of it —
/// "6 tháng đầu năm", "9 tháng", "quý III", a date range — read from a period column, a sheet's
/// name or a title line. A whole year that does not run January–December (a procuracy's runs
/// 1 December – 30 November) keeps its dates as written.
/// How the files' years run: calendar years, school years ("Năm học 2023 – 2024", placed at their
/// end year), or a reporting year that starts on another day (a procuracy's 1 December).
public enum YearSpan: Sendable, Equatable {
    case calendar
    case school
    case from(day: Int, month: Int)

    /// The dates of `year` as the files state them, for a year that is not a calendar one:
    /// "01/12/2023 – 30/11/2024"; nil for calendar and school years.
    public func dates(of year: Int) -> String? {
        guard case let .from(day, month) = self else { return nil }
        let startYear = month == 1 && day == 1 ? year : year - 1
        // The day before the next year's start.
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let (endDay, endMonth) = day > 1 ? (day - 1, month) : (month == 1 ? 31 : lengths[month - 2], month == 1 ? 12 : month - 1)
        let endYear = endMonth >= month && day == 1 ? startYear : startYear + 1
        return String(format: "%02d/%02d/%d – %02d/%02d/%d", day, month, startYear, endDay, endMonth, endYear)
    }
}

/// The span a result covers: the whole year, 6 or 9 months, a quarter.
public struct ReportingPeriod: Hashable, Sendable, CustomStringConvertible {
    /// Which part of the year.
    public enum Part: Hashable, Sendable {
        case wholeYear, firstHalf, nineMonths
        case quarter(Int)
        /// Dates that make none of the above.
        case range
    }

    public var part: Part
    /// The dates as the file wrote them ("01/12/2023 – 30/11/2024"), when it gave dates.
    public var dates: String?

    public static let wholeYear = ReportingPeriod(part: .wholeYear)

    public init(part: Part, dates: String? = nil) {
        self.part = part
        self.dates = dates
    }

    public var isWholeYear: Bool { part == .wholeYear }

    /// "cả năm", "6 tháng đầu năm", "9 tháng", "quý III", or the range: the words the review uses,
    /// the value of metrics.csv's `period` column.
    public var label: String {
        switch part {
        case .wholeYear: "cả năm"
        case .firstHalf: "6 tháng đầu năm"
        case .nineMonths: "9 tháng"
        case let .quarter(n): "quý " + ["I", "II", "III", "IV"][max(0, min(3, n - 1))]
        case .range: dates ?? "kỳ báo cáo"
        }
    }

    public var description: String {
        guard let dates, part != .range else { return label }
        return "\(label) (\(dates))"
    }

    /// The month of the reporting year the period ends in (12 for the whole year and quý IV); 0
    /// for dates that name no part, which then come first.
    public var endMonth: Int {
        switch part {
        case .wholeYear: 12
        case let .quarter(n): 3 * n
        case .firstHalf: 6
        case .nineMonths: 9
        case .range: 0
        }
    }

    /// From the year's start: cả năm, 6 tháng, 9 tháng (a quarter is its own three months).
    public var isCumulative: Bool { part == .wholeYear || part == .firstHalf || part == .nineMonths }

    /// Which of two periods ends later: the one ending last, the cumulative one first when two
    /// end together (9 tháng before quý III, cả năm before quý IV).
    public static func endsBefore(_ a: ReportingPeriod, _ b: ReportingPeriod) -> Bool {
        (a.endMonth, a.isCumulative ? 1 : 0) < (b.endMonth, b.isCumulative ? 1 : 0)
    }

    /// The folder name's tail and the `--period` word: "" for the whole year (the folder stays
    /// "2024"), "6-thang", "9-thang", "quy-3", "ky-bao-cao".
    public var slug: String {
        switch part {
        case .wholeYear: ""
        case .firstHalf: "6-thang"
        case .nineMonths: "9-thang"
        case let .quarter(n): "quy-\(n)"
        case .range: "ky-bao-cao"
        }
    }

    /// The period of `year` as a title says it: "năm 2024", "6 tháng đầu năm 2024", "quý III năm
    /// 2024" (vi); "2024", "the first half of 2024", "Q3 2024" (en).
    public func of(_ year: Int, vietnamese: Bool, span: YearSpan = .calendar) -> String {
        switch part {
        case .wholeYear where span == .school: return vietnamese ? "năm học \(year - 1)–\(year)" : "the \(year - 1)–\(year) school year"
        case .wholeYear: return vietnamese ? "năm \(year)" : "\(year)"
        case .firstHalf: return vietnamese ? "6 tháng đầu năm \(year)" : "the first half of \(year)"
        case .nineMonths: return vietnamese ? "9 tháng năm \(year)" : "the first nine months of \(year)"
        case let .quarter(n): return vietnamese ? "quý \(["I", "II", "III", "IV"][max(0, min(3, n - 1))]) năm \(year)" : "Q\(n) \(year)"
        case .range: return vietnamese ? "kỳ báo cáo năm \(year)" : "the \(year) reporting period"
        }
    }

    /// What the meeting is: a year-end review (tổng kết) or a part-year one (sơ kết).
    public func review(vietnamese: Bool) -> String {
        isWholeYear ? (vietnamese ? "Tổng kết" : "Review of") : (vietnamese ? "Sơ kết" : "Review of")
    }

    /// The period a user typed after `--period`: a slug ("6-thang", "quy-3", "ca-nam") or words
    /// ("6 tháng", "quý III", "cả năm"); nil when it names none.
    public static func named(_ text: String) -> ReportingPeriod? {
        let folded = HeaderName.fold(text.replacingOccurrences(of: "-", with: " "))
        if ["ca nam", "nam", "whole year", "year"].contains(folded) { return .wholeYear }
        return read(folded)?.period
    }

    /// Order within a year: the whole year first, then the parts by how far they reach.
    var rank: Int {
        switch part {
        case .wholeYear: 0
        case let .quarter(n): n
        case .firstHalf: 5
        case .nineMonths: 6
        case .range: 7
        }
    }

    /// The period a text names, and the year it gives (the end year of a range): "6 tháng đầu năm
    /// 2024", "Quý III/2024", "9 tháng năm 2024", "(Từ ngày 01/12/2023 đến ngày 31/5/2024)". Nil when
    /// the text names no period (a plain "Năm 2024" is a whole year, said by saying nothing).
    public static func read(_ text: String) -> (period: ReportingPeriod, year: Int?)? {
        let folded = HeaderName.fold(text)
        if let range = dateRange(folded) {
            // From the 1st, to a month's end; from another day, to the day before it ("15/12/2022 – 14/12/2023"
            // is twelve months, as a police's statistical year runs).
            let months = (range.end.year - range.start.year) * 12 + range.end.month - range.start.month + (range.start.day == 1 ? 1 : 0)
            let dates = String(format: "%02d/%02d/%d – %02d/%02d/%d", range.start.day, range.start.month, range.start.year,
                               range.end.day, range.end.month, range.end.year)
            let part: Part
            switch months {
            case 12: part = .wholeYear
            case 6: part = .firstHalf
            case 9: part = .nineMonths
            default: part = .range
            }
            return (ReportingPeriod(part: part, dates: dates), range.end.year)
        }
        let year = lastYear(folded)
        if folded.range(of: #"\b6 thang\b"#, options: .regularExpression) != nil { return (ReportingPeriod(part: .firstHalf), year) }
        if folded.range(of: #"\b9 thang\b"#, options: .regularExpression) != nil { return (ReportingPeriod(part: .nineMonths), year) }
        if let quarter = folded.range(of: #"\bquy (iv|iii|ii|i|[1-4])\b"#, options: .regularExpression) {
            let mark = folded[quarter].dropFirst(4)
            let n = ["i": 1, "ii": 2, "iii": 3, "iv": 4][String(mark)] ?? Int(mark) ?? 1
            // "lũy kế": from the year's start to the quarter's end — 6 tháng, 9 tháng, the whole year.
            if folded.contains("luy ke"), n > 1 { return ([ReportingPeriod(part: .firstHalf), ReportingPeriod(part: .nineMonths), .wholeYear][n - 2], year) }
            return (ReportingPeriod(part: .quarter(n)), year)
        }
        if folded.range(of: #"\bca nam\b"#, options: .regularExpression) != nil { return (.wholeYear, year) }
        return nil
    }

    private struct Day { var day, month, year: Int }

    /// "tu ngay 01/12/2023 den ngay 30/11/2024" (folded), or "01/12/2023 - 30/11/2024".
    private static func dateRange(_ folded: String) -> (start: Day, end: Day)? {
        let pattern = #"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\D+?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"#
        guard folded.contains("den") || folded.contains("-") || folded.contains("–"),
              let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: folded, range: NSRange(folded.startIndex..., in: folded)) else { return nil }
        let n = (1...6).map { i -> Int in
            guard let range = Range(match.range(at: i), in: folded) else { return 0 }
            return Int(folded[range]) ?? 0
        }
        let start = Day(day: n[0], month: n[1], year: n[2]), end = Day(day: n[3], month: n[4], year: n[5])
        guard (1...12).contains(start.month), (1...12).contains(end.month), (1990...2100).contains(end.year),
              (start.year, start.month) <= (end.year, end.month) else { return nil }
        return (start, end)
    }

    private static func lastYear(_ folded: String) -> Int? {
        guard let regex = try? NSRegularExpression(pattern: #"(19|20)\d{2}"#) else { return nil }
        let matches = regex.matches(in: folded, range: NSRange(folded.startIndex..., in: folded))
        guard let last = matches.last, let range = Range(last.range, in: folded) else { return nil }
        return Int(folded[range])
    }
}
