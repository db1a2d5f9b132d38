import Foundation

/// What one cell holds, told from its text alone: the smallest piece of evidence about the row
/// and the column it stands in (Pytheas' cell rules). A figure is anything an office writes where
/// a value goes: a number, a percentage, a workbook's typed number, a target phrase ("≥ 90%",
/// "Không quá 20 ngày"), a sign ("-", "Không phát sinh"), a number with its unit word, a pair.
enum CellEvidence: Equatable {
    case empty
    case figure
    /// A year or a period with its year: "Năm 2023", "6 tháng đầu năm 2024", "Năm học 2021 – 2022".
    case period
    case text

    init(_ cell: String) {
        guard let first = cell.utf8.first else { self = .empty; return }
        // A workbook's typed number (SheetText's marker bytes).
        if first == SheetText.number || first == SheetText.percent { self = .figure; return }
        if PeriodCell.read(cell) != nil, cell.contains(where: \.isLetter) || cell.contains(where: { "-–—/".contains($0) }) {
            self = .period
            return
        }
        // A part of the year named without its year ("6 tháng đầu năm", "9 tháng") is words, not "6" of something.
        if let (period, _) = ReportingPeriod.read(cell), !period.isWholeYear, cell.contains(where: \.isLetter) {
            self = .text
            return
        }
        self = Self.isFigure(cell) ? .figure : .text
    }

    static func isFigure(_ cell: String) -> Bool {
        let bytes = Array(cell.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            if case .invalid = NumberParser.read(buffer) {} else { return true }
            if ValueWords.sign(buffer) != nil || ValueWords.numberBeforeWords(buffer) != nil || ValueWords.pair(buffer) != nil {
                return true
            }
            let field = CSVField(start: 0, end: buffer.count, isQuoted: false, hasEscapedQuotes: false)
            let (number, direction) = WrittenTarget.split(field, in: buffer)
            guard direction != nil else { return false }
            let rest = UnsafeBufferPointer(rebasing: buffer[number.start..<number.end])
            if case .invalid = NumberParser.read(rest) { return ValueWords.numberBeforeWords(rest) != nil }
            return true
        }
    }
}

/// A cell that names a year, or a part of one with its year: the row's own time, which wins over
/// a column heading, the sheet's name, the title and the file name.
enum PeriodCell {
    struct Reading: Equatable {
        var year: Int
        var period: ReportingPeriod
        /// "Năm học 2021 – 2022": placed at its end year.
        var school: Bool
    }

    static func read(_ cell: String) -> Reading? {
        guard cell.count <= 80, cell.contains(where: \.isNumber) else { return nil }
        let folded = HeaderName.fold(cell)
        if let school = schoolYear(folded) { return Reading(year: school, period: .wholeYear, school: true) }
        if let (period, year) = ReportingPeriod.read(cell), let year { return Reading(year: year, period: period, school: false) }
        // "Năm 2023", "Cả năm 2023", "2023", "Năm báo cáo 2023".
        let words = folded.split(separator: " ")
        guard let last = words.last, last.count == 4, let year = Int(last), (1990...2100).contains(year) else { return nil }
        let before = words.dropLast().joined(separator: " ")
        guard ["", "nam", "ca nam", "nam bao cao", "year"].contains(before) else { return nil }
        return Reading(year: year, period: .wholeYear, school: false)
    }

    /// "năm học 2021 – 2022", "nh 2021-2022", "2021-2022": the end year; the two years must follow.
    static func schoolYear(_ folded: String) -> Int? {
        let pattern = #"^(nam hoc |nh |school year )?(\d{4}) ?[-–—/] ?(\d{4})$"#
        guard let match = folded.range(of: pattern, options: .regularExpression) else { return nil }
        let digits = folded[match].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter { $0 >= 1000 }
        guard digits.count == 2, digits[1] == digits[0] + 1 else { return nil }
        return digits[1]
    }
}
