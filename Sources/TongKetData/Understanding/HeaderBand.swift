/// The rows that name the columns: one to three rows (a group heading merged over "KH | TH", the
/// names beneath), found as the rows whose cells are header words and not figures, and the
/// numbering row under them ("(1) (2) … (6)=(5)/(4)", "A B 1 2 3").
struct HeaderBand {
    /// Indexes into the grid's rows, top to bottom.
    var rows: [Int]
    var numbering: Int?
    /// Per column, the band's cells top to bottom (a merge's repeated text once; a CSV's group
    /// heading carried over the blank cells to its right).
    var labels: [[String]]

    var first: Int { rows[0] }
    /// The last row of the band, numbering included.
    var last: Int { numbering ?? rows[rows.count - 1] }

    /// How far down a sheet the header may start (title blocks run to a dozen rows).
    static let searchDepth = 40
    /// Rows of header: "Kết quả thực hiện" over a group ("Khối cấp tỉnh") over a unit over "KH | TH".
    static let maxRows = 4

    init?(_ grid: SheetGrid) {
        let depth = min(grid.rows.count, Self.searchDepth)
        var best: (index: Int, score: Int)?
        // (a numbering row "(1) (2) …" over the figures is no row of names)
        for index in 0..<depth where !ColumnNumbering.isNumbering(grid.rows[index].cells) {
            var score = Self.headerScore(grid.rows[index])
            // Names standing over columns of figures (units as columns), beside a header word or two of them.
            let names = grid.rows[index].distinct.contains(where: { CellEvidence($0) == .figure }) ? 0 : Self.namesOverFigures(grid, at: index)
            if score == 1 || names >= 2 { score += names }
            if score >= 2, score > best?.score ?? 0 { best = (index, score) }
        }
        guard let best else { return nil }
        var rows = [best.index]
        // Up: a group heading over the value columns, or another row of header words.
        var up = best.index - 1
        while up >= 0, rows.count < Self.maxRows, Self.isHeading(grid.rows[up], over: grid.rows[best.index]) {
            rows.insert(up, at: 0)
            up -= 1
        }
        // Down: the names under a group heading (header words, or names under the value columns).
        var down = best.index + 1
        while down < grid.rows.count, rows.count < Self.maxRows, !ColumnNumbering.isNumbering(grid.rows[down].cells),
              Self.headerScore(grid.rows[down]) >= 2 || Self.isSubHeading(grid.rows[down], under: grid.rows[best.index],
                                                                          over: grid.rows[safe: down + 1])
                || Self.isYearsRow(grid.rows[down], under: grid.rows[rows[rows.count - 1]]) {
            rows.append(down)
            down += 1
        }
        self.rows = rows
        if down < grid.rows.count, ColumnNumbering.isNumbering(grid.rows[down].cells) { numbering = down }
        labels = Self.labels(grid, rows: rows)
    }

    /// Header words in distinct cells, and no figure among them: how much a row looks like a header.
    static func headerScore(_ row: SheetGrid.Row) -> Int {
        var score = 0
        for cell in row.distinct {
            switch CellEvidence(cell) {
            case .figure: return 0
            case .period, .text, .empty:
                if HeaderWords.read(cell).role != nil { score += 1 }
            }
        }
        return score
    }

    /// Text cells of a row, not header words, whose columns hold figures in the rows below.
    static func namesOverFigures(_ grid: SheetGrid, at index: Int) -> Int {
        let row = grid.rows[index]
        // The row just below: a figure under each name (later rows may already repeat the header).
        // (past a numbering row "(1) (2) …" under the names)
        var next = index + 1
        if next < grid.rows.count, ColumnNumbering.isNumbering(grid.rows[next].cells) { next += 1 }
        guard next < grid.rows.count else { return 0 }
        let below = grid.rows[next]
        // Distinct names: a heading merged across the table ("I. KHỐI CẤP TỈNH") is one text, and no name.
        let names = row.cells.indices.filter { column in
            let cell = row.cells[column]
            guard !cell.isEmpty, CellEvidence(cell) == .text, HeaderWords.read(cell).role == nil, FormRows.sectionName(cell) == nil
            else { return false }
            return CellEvidence(below.cell(column)) == .figure
        }.map { row.cells[$0] }
        return Set(names).count
    }

    /// A row above the header whose cells stand over the value columns beneath (a year, a unit or
    /// an indicator merged over "KH | TH"), or which has header words of its own; never a title line
    /// standing alone at the left.
    static func isHeading(_ row: SheetGrid.Row, over header: SheetGrid.Row) -> Bool {
        if row.distinct.contains(where: { CellEvidence($0) == .figure }) { return false }
        if headerScore(row) >= 2 { return true }
        let filled = row.cells.indices.filter { !row.cells[$0].isEmpty }
        // (a name with no header word over a value column is one: a unit's, an indicator's)
        let valueColumns = Set(header.cells.indices.filter { column in
            let cell = header.cells[column]
            guard !cell.isEmpty else { return false }
            let role = HeaderWords.read(cell).role
            return role?.isValue == true || role == nil
        })
        // Over the value columns, or over a column the header leaves blank (a label merged down);
        // a title line sits over the first columns alone.
        return filled.contains(where: valueColumns.contains)
            && filled.allSatisfy { valueColumns.contains($0) || header.cell($0).isEmpty || header.cell($0) == row.cell($0) }
    }

    /// A row under the header naming what the value columns are for ("Phòng 1 | Phòng 2" under a
    /// group heading): names, no figure, where the header names no key column — or where the row below
    /// names values ("Chỉ tiêu nghiệp vụ" over each indicator's name over "KH | TH").
    static func isSubHeading(_ row: SheetGrid.Row, under header: SheetGrid.Row, over next: SheetGrid.Row?) -> Bool {
        let filled = row.cells.indices.filter { !row.cells[$0].isEmpty }
        // Names, two or more (a section heading merged across the table is one text, "I. CÁC PHÒNG …"; two of them
        // side by side are the groups of the columns beneath, "I. KHỐI CẤP TỈNH | II. KHỐI CẤP HUYỆN").
        guard row.distinct.count >= 2, !row.distinct.contains(where: { CellEvidence($0) == .figure }),
              row.distinct.filter({ FormRows.sectionName($0) != nil }).count != 1
        else { return false }
        return filled.allSatisfy { column in
            let role = HeaderWords.read(header.cell(column)).role
            return role == nil || role?.isValue == true || next.map { HeaderWords.read($0.cell(column)).role?.isValue == true } == true
        }
    }

    /// Bare years under a group heading ("6 tháng đầu năm" over "2023 | 2024"), beside header words of other
    /// groups ("So sánh" over "Tăng (+), giảm (-)"): a header row, though its years read as numbers — two years
    /// or more, each under a heading (merged, or carried from the left).
    static func isYearsRow(_ row: SheetGrid.Row, under header: SheetGrid.Row) -> Bool {
        // (the header's own cells merged down into this row repeat it)
        let filled = row.cells.indices.filter { !row.cells[$0].isEmpty && row.cells[$0] != header.cell($0) }
        func year(_ column: Int) -> Bool {
            Int(row.cells[column].trimmingCharacters(in: .whitespaces)).map { (1990...2100).contains($0) } == true
        }
        let years = filled.filter(year)
        guard years.count >= 2, Set(years.map { row.cells[$0] }).count >= 2 else { return false }
        return filled.allSatisfy { column in
            guard year(column) || HeaderWords.read(row.cells[column]).role != nil else { return false }
            return (0...column).contains { !header.cell(column - $0).isEmpty }
        }
    }

    private static func labels(_ grid: SheetGrid, rows: [Int]) -> [[String]] {
        var columns = [[String]](repeating: [], count: grid.width)
        for (position, index) in rows.enumerated() {
            let row = grid.rows[index]
            let isLowest = position == rows.count - 1
            var carried = ""
            for column in 0..<grid.width {
                var cell = row.cell(column)
                // A CSV keeps a merged group heading in its first cell only: it goes on over the
                // blank cells to its right while a row beneath names sub-columns.
                // It stops where a heading above begins a new block ("Tổng cộng toàn tỉnh" after the units' group).
                let blockStarts = rows[..<position].contains { above in
                    let text = grid.rows[above].cell(column)
                    return !text.isEmpty && text != grid.rows[above].cell(column - 1)
                }
                if cell.isEmpty, !isLowest, !carried.isEmpty, !blockStarts,
                   rows[(position + 1)...].contains(where: { !grid.rows[$0].cell(column).isEmpty }) {
                    cell = carried
                } else {
                    carried = cell
                }
                if !cell.isEmpty, columns[column].last != cell { columns[column].append(cell) }
            }
        }
        return columns
    }
}

/// The row under a printed form's header that numbers its columns: "(1) (2) … (6)=(5)/(4) (7)",
/// "A B 1 2 3". Three or more cells, each a letter or a small number (a formula of them may
/// follow), the letters and the numbers each running on without a gap — so a data row of short
/// values ("1, A, X, 5") is never one.
enum ColumnNumbering {
    static func isNumbering(_ cells: [String]) -> Bool {
        let filled = cells.filter { !$0.isEmpty }
        guard filled.count >= 3 else { return false }
        var letters: [UInt8] = [], numbers: [Int] = []
        for cell in filled {
            let trimmed = cell.trimmingCharacters(in: .whitespaces)
            if trimmed.count == 1, let byte = trimmed.utf8.first, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") {
                letters.append(byte)
                continue
            }
            guard trimmed.range(of: #"^\(?[0-9]{1,2}\)?([=*/+x×()0-9 .\-]*)$"#, options: .regularExpression) != nil,
                  let first = trimmed.split(whereSeparator: { !$0.isNumber }).first, let number = Int(first) else { return false }
            numbers.append(number)
        }
        let runs = zip(letters, letters.dropFirst()).allSatisfy { $1 == $0 + 1 }
            && zip(numbers, numbers.dropFirst()).allSatisfy { $1 == $0 + 1 }
        return runs && (letters.isEmpty || letters.first == UInt8(ascii: "A")) && (numbers.isEmpty || numbers.first! <= 1)
    }
}
