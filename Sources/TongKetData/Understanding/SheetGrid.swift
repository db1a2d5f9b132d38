extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// A sheet as rows of cells, held whole so that table understanding can look at it as an analyst
/// does: up and down, row against row, before deciding anything. Each row keeps its line (a
/// sheet's row number) and its fields (byte ranges into the text), so the values are later read
/// in place and every message still names its cell.
struct SheetGrid {
    struct Row {
        var line: Int
        var fields: [CSVField]
        /// The cells' text, trimmed; a workbook's typed numbers keep their marker byte.
        var cells: [String]

        func cell(_ column: Int) -> String { column >= 0 && column < cells.count ? cells[column] : "" }
        var isBlank: Bool { cells.allSatisfy(\.isEmpty) }
        /// The distinct texts of the row, left to right (a merge fills one text into many cells).
        var distinct: [String] {
            var seen: [String] = []
            for cell in cells where !cell.isEmpty && !seen.contains(cell) { seen.append(cell) }
            return seen
        }
    }

    /// The non-blank rows, in order.
    let rows: [Row]
    /// The widest row's cell count.
    let width: Int

    /// Rows past this many are left to the streaming reader: understanding holds a sheet whole.
    static let rowLimit = 200_000

    init?(buffer: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
        var tokenizer = CSVTokenizer(bytes: buffer, delimiter: delimiter)
        var fields: [CSVField] = []
        var rows: [Row] = []
        var width = 0
        while let line = tokenizer.nextRecord(into: &fields) {
            if fields.allSatisfy(\.isEmpty) { continue }
            guard rows.count < Self.rowLimit else { return nil }
            let cells = fields.map { field in
                String(decoding: tokenizer.value(of: field), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if cells.allSatisfy(\.isEmpty) { continue }
            let used = (cells.lastIndex { !$0.isEmpty } ?? 0) + 1
            width = max(width, used)
            rows.append(Row(line: line, fields: fields, cells: cells))
        }
        self.rows = rows
        self.width = width
    }
}
