import TongKetAnalytics
import TongKetData

/// What each fuzz target feeds its input to. Besides not crashing, each checks what must hold
/// for any input; a broken promise traps, and the fuzzer keeps the input that did it.
enum FuzzTarget: String, CaseIterable {
    /// Byte-order marks, UTF-16, code pages, binary detection, then the tokenizer over the text.
    case csv
    /// The number reader in every locale.
    case numbers
    /// Header lines (one name a line) through the header mapping.
    case headers
    /// The whole path: read, validate, every figure, the CSV and JSON export.
    case load
    /// A whole .xlsx file: the ZIP directory, inflating, every part, then the sheets' rows.
    case workbook
    /// A sheet's XML inside a fixed, valid workbook: the XML scanner, cells, merges, rows.
    case sheet
    /// The shared strings part of a fixed workbook whose sheet refers to strings 0…5.
    case strings
    /// What goes inside `<mergeCells>` after a fixed table: filling merged ranges, their budget.
    case merges
    /// What goes inside `<cols>` before a fixed table: hidden column ranges.
    case columns

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch self {
        case .csv: Self.csv(bytes)
        case .numbers: Self.numbers(bytes)
        case .headers: Self.headers(bytes)
        case .load: Self.load(bytes)
        case .workbook: Self.workbook(Array(bytes))
        case .sheet: Self.sheet(Array(bytes))
        case .strings: Self.workbook(sheet: Self.tableRows, strings: Array(bytes))
        case .merges: Self.sheetText(Array("<worksheet><sheetData>\(Self.tableRows)</sheetData><mergeCells>".utf8) + Array(bytes) + Array("</mergeCells></worksheet>".utf8))
        case .columns: Self.sheetText(Array("<worksheet><cols>".utf8) + Array(bytes) + Array("</cols><sheetData>\(Self.tableRows)</sheetData></worksheet>".utf8))
        }
    }

    /// A header and two units, their names in shared strings 0…5 (the fixed workbook's, or the fuzzed ones).
    private static let tableRows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
        + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>Số vụ</t></is></c><c r=\"C2\"><v>10</v></c><c r=\"D2\"><v>12</v></c></row>"
        + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>5</v></c><c r=\"B3\" t=\"inlineStr\"><is><t>Số vụ</t></is></c><c r=\"C3\"><v>10</v></c><c r=\"D3\"><v>9</v></c></row>"

    /// The sheet's text straight from the XML, with what must hold for any merges or columns:
    /// the text within its budget, every hidden column inside Excel's 16,384, each listed once.
    private static func sheetText(_ xml: [UInt8]) {
        let strings = ["Đơn vị", "Chỉ tiêu", "KH", "TH", "Phòng 7", "Phòng 8"].map { SheetText.field($0) }
        let result = SheetText.text(xml, strings: strings, percentStyles: [])
        precondition(result.text.count <= SheetText.textBudget(xml: xml.count) + 16_384 * 32, "the text stays within its budget")
        precondition(result.hiddenColumns.allSatisfy { (0..<16_384).contains($0) }, "hidden columns are Excel's columns")
        precondition(zip(result.hiddenColumns, result.hiddenColumns.dropFirst()).allSatisfy { $0 < $1 }, "each hidden column once, in order")
        workbook(sheet: String(decoding: xml, as: UTF8.self), strings: nil)
    }

    private static func workbook(_ bytes: [UInt8]) {
        // Each file's name ends in .xlsx, but the reader goes by the bytes: any ZIP is tried.
        guard let result = try? TableReader.read([InputFile(name: "fuzz.xlsx", bytes: bytes)]) else { return }
        precondition(!result.table.rows.isEmpty, "a workbook that reads has rows")
        for row in result.table.rows { precondition(result.table.sheetFiles.contains(row.file), "a workbook's rows come from its sheets") }
    }

    /// The workbook around the fuzzed sheet: shared strings for a header, a percent style.
    private static let fixedParts: [(String, String)] = [
        ("xl/workbook.xml", "<workbook><sheets><sheet name=\"2023\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
        ("xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
        ("xl/sharedStrings.xml", "<sst><si><t>Đơn vị</t></si><si><t>Chỉ tiêu</t></si><si><t>KH</t></si><si><t>TH</t></si><si><r><t>Phòng</t></r><r><t> 7</t></r></si><si><t>Phòng 8</t></si></sst>"),
        ("xl/styles.xml", "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"),
    ]

    private static func sheet(_ xml: [UInt8]) {
        workbook(sheet: xml, strings: nil)
    }

    private static func workbook(sheet: String, strings: [UInt8]?) { workbook(sheet: Array(sheet.utf8), strings: strings) }

    /// The fixed workbook around a sheet, its shared strings replaced when given.
    private static func workbook(sheet xml: [UInt8], strings: [UInt8]?) {
        var zip = ZipBuilder()
        do {
            for (name, text) in fixedParts {
                if let strings, name == "xl/sharedStrings.xml" { try zip.add(name, strings, level: 0) } else { try zip.add(name, text, level: 0) }
            }
            try zip.add("xl/worksheets/sheet1.xml", xml, level: 0)
        } catch {
            preconditionFailure("a fixed workbook is always written: \(error)")
        }
        workbook(zip.finished())
    }

    private static func csv(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let decoded = try? SourceDecoder.decode(bytes) else { return }
        func tokenize(_ text: UnsafeBufferPointer<UInt8>) {
            var tokenizer = CSVTokenizer(bytes: text, delimiter: DelimiterDetector.detect(in: text))
            var fields: [CSVField] = []
            var lastLine = 0
            while let line = tokenizer.nextRecord(into: &fields) {
                precondition(line > lastLine, "lines go forward")
                lastLine = line
                for field in fields {
                    precondition(0 <= field.start && field.start <= field.end && field.end <= text.count, "fields lie inside the text")
                    _ = tokenizer.value(of: field)
                }
            }
            precondition(tokenizer.offset <= text.count)
        }
        if let converted = decoded.converted {
            converted.withUnsafeBufferPointer(tokenize)
        } else {
            tokenize(UnsafeBufferPointer(rebasing: bytes[decoded.start...]))
        }
    }

    private static func numbers(_ bytes: UnsafeBufferPointer<UInt8>) {
        let reading = NumberParser.read(bytes)
        for locale in NumberLocale.allCases {
            if let value = reading.value(in: locale) { precondition(value.isFinite, "numbers read are finite") }
        }
        if let integer = NumberParser.plainInteger(bytes) {
            precondition(integer.isFinite && integer == integer.rounded(), "plain integers are whole")
        }
    }

    private static func headers(_ bytes: UnsafeBufferPointer<UInt8>) {
        let names = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let map = try? HeaderMap(headers: names) else { return }
        for column in InputColumn.allCases where column.isRequired {
            guard let index = map.column(column) else { preconditionFailure("a map that was made has every required column") }
            precondition(index < map.width && index < names.count)
        }
        for name in names { _ = HeaderName.fold(name) }
    }

    private static func load(_ bytes: UnsafeBufferPointer<UInt8>) {
        let input = InputFile(name: "fuzz.csv", bytes: Array(bytes))
        guard let table = try? TableReader.read([input]).table, let metrics = try? Metrics(table: table) else { return }
        precondition(!table.rows.isEmpty)
        for i in 0..<metrics.unitFigureCount {
            let f = metrics.unitFigures(at: i)
            if let completion = f.completion { precondition(completion.isFinite && completion >= 0, "completion is finite") }
            if let percent = f.yoyPercent { precondition(percent.isFinite, "year-over-year change is finite") }
        }
        for year in table.years {
            _ = Scorecard.province(metrics, year: year)
            _ = Ranking.units(metrics, year: year)
        }
        for format in [MetricsExport.Format.csv, .json] {
            let writer = ByteWriter { _ in }
            try? MetricsExport.write(metrics, year: nil, format: format, to: writer)
        }
    }
}
