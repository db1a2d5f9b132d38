import Foundation

/// What a row below the header is, each with one meaning for the stages after reading.
enum RowKind: Equatable {
    case data
    /// The header again, further down (a printed page break).
    case repeatedHeader
    case numbering
    /// Text and no figure over blocks of rows: the units' group or the area of work ("I. CÁC PHÒNG
    /// NGHIỆP VỤ", "A. KHỐI CẤP TỈNH").
    case section(String)
    /// A unit's name alone above its indicators.
    case unitHeading(String)
    /// An item heading with no figure of its own ("Công tác kiểm sát điều tra:"); its items follow.
    case indicatorGroup
    /// "Ghi chú: …", "(*) …": a note, wherever it stands; the table goes on.
    case note
    /// The signature block, "Nơi nhận", the report's date line: the table has ended.
    case end
    /// An indicator with no value in any column: nothing reported.
    case noValue

    var isSkipped: Bool { self != .data }
}

/// The rules that decide a row's kind from its cells and the columns' roles, in order.
struct RowRules {
    let plan: ColumnPlan
    let band: HeaderBand
    let bandTexts: Set<String>
    let needsUnit: Bool

    init(plan: ColumnPlan, band: HeaderBand, grid: SheetGrid) {
        self.plan = plan
        self.band = band
        var texts = Set<String>()
        for index in band.rows { texts.formUnion(grid.rows[index].distinct) }
        bandTexts = texts
        needsUnit = plan.first(.unit) == nil && !plan.slots.contains { $0.unit != nil }
    }

    private var valueColumns: [Int] {
        plan.slots.flatMap { [$0.actual, $0.target].compactMap { $0 } }
    }

    /// `afterHeader`: the row follows the header or its repetition, where a numbering row stands.
    func kind(of row: SheetGrid.Row, afterHeader: Bool) -> RowKind {
        if afterHeader, ColumnNumbering.isNumbering(row.cells) { return .numbering }
        let distinct = row.distinct
        let figures = valueColumns.filter { CellEvidence(row.cell($0)) == .figure }
        if figures.isEmpty, distinct.filter(bandTexts.contains).count >= 2 { return .repeatedHeader }
        let indicator = plan.first(.indicator).map(row.cell) ?? ""
        // A value cell holding text that is not a heading's merged copy is a value the reader must judge.
        let strayText = valueColumns.contains { column in
            let cell = row.cell(column)
            return !cell.isEmpty && CellEvidence(cell) == .text && cell != indicator && distinct.filter({ $0 == cell }).count == 1
                && !row.cells.enumerated().contains { $0.offset != column && $0.element == cell }
        }
        if figures.isEmpty, distinct.contains(where: FormRows.isSignature) || distinct.contains(where: Self.isDateLine) { return .end }
        if !figures.isEmpty || (strayText && !indicator.isEmpty) {
            return .data
        }
        guard let text = headingText(row) else { return .noValue }
        if Self.isNote(text) { return .note }
        // "Trong đó", "Chia ra": the rows below are parts of the row above, not a section of their own.
        if ItemMark.isWithinHeading(text) { return .indicatorGroup }
        let serial = plan.first(.serial).map(row.cell) ?? ""
        if Self.isSectionNumeral(serial) || FormRows.sectionName(text) != nil { return .section(FormRows.sectionName(text) ?? text) }
        if text.hasSuffix(":") { return .indicatorGroup }
        let unitCell = plan.first(.unit).map(row.cell) ?? ""
        // A table that names no unit takes its units from the headings over its rows.
        if needsUnit { return .unitHeading(text) }
        if !unitCell.isEmpty, unitCell == text, indicator.isEmpty || indicator == text {
            let alone = !distinct.contains(where: { $0 != text && $0 != serial })
            return ColumnPlan.looksLikeUnit(text) || alone ? .unitHeading(text) : .section(text)
        }
        if !indicator.isEmpty, indicator == text, unitCell.isEmpty || unitCell != text, distinct.filter({ $0 != serial }).count == 1,
           !row.cells.enumerated().contains(where: { $0.offset != plan.first(.indicator) && $0.element == text }) {
            return .indicatorGroup
        }
        return .section(text)
    }

    /// The row's text when it has text and no value: its cells other than the row number, once each.
    private func headingText(_ row: SheetGrid.Row) -> String? {
        let serialColumn = plan.first(.serial)
        var texts: [String] = []
        for (column, cell) in row.cells.enumerated() where !cell.isEmpty && column != serialColumn && !texts.contains(cell) {
            if CellEvidence(cell) == .figure, column == 0, cell.count <= 4 { continue }
            texts.append(cell)
        }
        if texts.isEmpty, let serialColumn, !row.cell(serialColumn).isEmpty, CellEvidence(row.cell(serialColumn)) == .text {
            return row.cell(serialColumn)
        }
        guard !texts.isEmpty, !texts.contains(where: { CellEvidence($0) == .figure }) else { return nil }
        // An indicator with nothing in its value cells is no heading when it sits with its unit.
        if let indicator = plan.first(.indicator), !row.cell(indicator).isEmpty, texts.count >= 2,
           plan.first(.unit).map({ !row.cell($0).isEmpty && row.cell($0) != row.cell(indicator) }) == true {
            return nil
        }
        return texts.joined(separator: " ")
    }

    static func isSectionNumeral(_ cell: String) -> Bool {
        let trimmed = cell.trimmingCharacters(in: CharacterSet(charactersIn: " .)"))
        guard !trimmed.isEmpty, trimmed.count <= 5 else { return false }
        return trimmed.allSatisfy { "IVXL".contains($0) } || (trimmed.count == 1 && trimmed.first!.isUppercase && trimmed.first!.isASCII)
    }

    static func isNote(_ text: String) -> Bool {
        let folded = HeaderName.fold(text)
        return ["ghi chu", "chu thich", "luu y", "nguon", "(*)", "*", "note"].contains { folded.hasPrefix($0) }
    }

    /// "Sóc Trăng, ngày 05 tháng 12 năm 2021": the report's own date, where its signatures begin.
    static func isDateLine(_ cell: String) -> Bool {
        let folded = HeaderName.fold(cell)
        // (a period's bounds, "số liệu tính đến ngày 30 tháng 11 năm 2024", are the figures' own dates)
        return folded.range(of: #"ngay\s*[0-9.…]*\s*thang\s*[0-9.…]*\s*nam\s*\d{4}"#, options: .regularExpression) != nil
            && cell.count < 120 && !["den ngay", "tu ngay", "tinh den"].contains(where: folded.contains)
    }
}
