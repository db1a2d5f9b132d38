/// The workbook inside a native chart — what "Edit Data" opens in PowerPoint and Word: the
/// categories in column A, one column per series, the series' names in row 1, numbers as
/// numbers. The chart's formulas point at these cells (`Sheet1!$B$2:$B$9`).
struct EmbeddedWorkbook {
    var categories: [String]
    var series: [(name: String, values: [Double?])]

    static let sheet = "Sheet1"

    /// "Sheet1!$B$2:$B$9" for the series at `column` (0 is the categories).
    func range(column: Int) -> String {
        let letter = Self.column(column)
        return "\(Self.sheet)!$\(letter)$2:$\(letter)$\(categories.count + 1)"
    }

    func nameCell(column: Int) -> String { "\(Self.sheet)!$\(Self.column(column))$1" }

    /// "A", "B" … "Z", "AA": a chart has a few series, but a heat of units may have more.
    static func column(_ index: Int) -> String {
        var n = index + 1, out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    func data() -> [UInt8] {
        var package = OfficePackage()
        package.add("xl/workbook.xml", type: ContentType.workbook,
                    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"\(Self.sheet)\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
        package.relate("", to: "xl/workbook.xml", .document)
        package.relate("xl/workbook.xml", to: "xl/worksheets/sheet1.xml", .worksheet)
        func cell(_ column: Int, _ row: Int, text: String) -> Markup {
            "<c r=\"\(Self.column(column))\(row)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(text)</t></is></c>"
        }
        var rows: Markup = "<row r=\"1\">" + series.enumerated().map { cell($0 + 1, 1, text: $1.name) }.joined() + "</row>"
        for (i, category) in categories.enumerated() {
            var row: Markup = "<row r=\"\(i + 2)\">" + cell(0, i + 2, text: category)
            for (s, one) in series.enumerated() {
                if i < one.values.count, let value = one.values[i], value.isFinite { row += "<c r=\"\(Self.column(s + 1))\(i + 2)\"><v>\(value)</v></c>" }
            }
            rows += row + "</row>"
        }
        package.add("xl/worksheets/sheet1.xml", type: ContentType.worksheet,
                    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cols><col min=\"1\" max=\"1\" width=\"40\" customWidth=\"1\"/></cols><sheetData>\(rows)</sheetData></worksheet>")
        return package.finished()
    }
}
