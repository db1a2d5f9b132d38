/// The workbook inside a native chart — what "Edit Data" opens in PowerPoint and Word: the
/// categories in column A, one column per figure, the names in row 1, numbers as numbers and
/// what follows from them as formulas (the completion from the target and the actual, the met
/// and not-met series from the completion and its goal), so correcting a figure corrects the
/// chart. The chart's series point at these cells (`Sheet1!$E$2:$E$9`).
struct EmbeddedWorkbook {
    /// A cell: a number, or a formula with the value it has now (what the chart's cache holds).
    enum Cell: Equatable {
        case number(Double)
        /// "C2/B2*100"; `value` nil when the formula gives #N/A (a point the chart leaves out).
        case formula(String, value: Double?)

        var value: Double? {
            switch self {
            case let .number(v): return v
            case let .formula(_, v): return v
            }
        }
    }

    struct Column {
        var name: String
        var cells: [Cell?]
    }

    var categories: [String]
    var columns: [Column]

    static let sheet = "Sheet1"

    /// "Sheet1!$B$2:$B$9" for the column at `column` (0 is the categories).
    func range(column: Int) -> String {
        let letter = Self.column(column)
        return "\(Self.sheet)!$\(letter)$2:$\(letter)$\(categories.count + 1)"
    }

    func nameCell(column: Int) -> String { "\(Self.sheet)!$\(Self.column(column))$1" }

    /// "A", "B" … "Z", "AA": a chart has a few columns, but a heat of units may have more.
    static func column(_ index: Int) -> String {
        var n = index + 1, out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// The cell a formula in row `row` (1-based, as the sheet counts) names for `column`: "C5".
    static func cell(_ column: Int, row: Int) -> String { "\(Self.column(column))\(row)" }

    func data() -> [UInt8] {
        var package = OfficePackage()
        package.add("xl/workbook.xml", type: ContentType.workbook,
                    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                        + "<sheets><sheet name=\"\(Self.sheet)\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                        // The formulas are computed again when the workbook opens.
                        + "<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>")
        package.relate("", to: "xl/workbook.xml", .document)
        package.relate("xl/workbook.xml", to: "xl/worksheets/sheet1.xml", .worksheet)
        func text(_ column: Int, _ row: Int, _ text: String) -> Markup {
            "<c r=\"\(Self.cell(column, row: row))\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(text)</t></is></c>"
        }
        var rows: Markup = "<row r=\"1\">" + columns.enumerated().map { text($0 + 1, 1, $1.name) }.joined() + "</row>"
        for (i, category) in categories.enumerated() {
            var row: Markup = "<row r=\"\(i + 2)\">" + text(0, i + 2, category)
            for (c, column) in columns.enumerated() where i < column.cells.count {
                let reference = Self.cell(c + 1, row: i + 2)
                switch column.cells[i] {
                case let .number(value)? where value.isFinite: row += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                case let .formula(formula, value)?:
                    row += value.map { "<c r=\"\(reference)\"><f>\(formula)</f><v>\($0)</v></c>" as Markup }
                        ?? "<c r=\"\(reference)\" t=\"e\"><f>\(formula)</f><v>#N/A</v></c>"
                default: break
                }
            }
            rows += row + "</row>"
        }
        package.add("xl/worksheets/sheet1.xml", type: ContentType.worksheet,
                    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cols>"
                        + "<col min=\"1\" max=\"1\" width=\"40\" customWidth=\"1\"/>"
                        + "<col min=\"2\" max=\"\(max(columns.count, 1) + 1)\" width=\"16\" customWidth=\"1\"/></cols>"
                        + "<sheetData>\(rows)</sheetData></worksheet>")
        return package.finished()
    }
}
