import Testing
@testable import TongKetData

/// Damaged and hostile input the reader must refuse or survive, never read wrong.
@Suite struct DamagedInputTests {
    /// Legal XML: ninety thousand comments in a row once overflowed the stack of a scanner that
    /// called itself after each one.
    @Test func ninetyThousandCommentsInARowAreScannedWithoutRecursion() {
        let xml = "<worksheet><sheetData>" + String(repeating: "<!---->", count: 90_000)
            + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>"
        let result = SheetText.text(Array(xml.utf8), strings: [Array("Phòng 7".utf8)], percentStyles: [])
        #expect(result.complete)
        #expect(String(decoding: result.text, as: UTF8.self).contains("Phòng 7"))
    }

    /// A sheet cut in the middle of its XML is not read up to the cut: it says it is incomplete.
    @Test func aSheetCutInTheMiddleSaysSo() {
        let whole = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>24</v></c></row><row r=\"2\"><c r=\"A2\"><v>25</v></c></row></sheetData></worksheet>"
        #expect(SheetText.text(Array(whole.utf8), strings: [], percentStyles: []).complete)
        let cut = String(whole.prefix(60))
        #expect(!SheetText.text(Array(cut.utf8), strings: [], percentStyles: []).complete)
    }

    /// OWASP's rule for CSV opened in Excel: a text beginning = + - @, tab or CR is written with a
    /// leading apostrophe inside the quotes, and TongKet's own readers take it off.
    @Test func formulaTextIsNeutralisedAndReadBack() {
        for text in ["=HYPERLINK(\"http://x\")", "+1", "-VKSND", "@SUM(A1)", "\tx", "\rx"] {
            let written = String(decoding: CSVField.neutralised(Array(text.utf8)), as: UTF8.self)
            #expect(written.hasPrefix("\"'"), "\(text)")
            let read = CSVTokenizer.records(in: Array(written.utf8), delimiter: UInt8(ascii: ",")).records.first?.first ?? ""
            #expect(CSVField.unneutralised(read) == text)
        }
        // Near misses: ordinary names stay as they are, an apostrophe of the name's own is kept.
        #expect(CSVField.neutralised(Array("Phòng 7".utf8)) == Array("Phòng 7".utf8))
        #expect(CSVField.unneutralised("'Phòng 7") == "'Phòng 7")
    }
}

extension DamagedInputTests {
    /// A cell past XFD or a row past 1 048 576 is no sheet Excel wrote: reading stops there and
    /// names it, rather than filling eighteen thousand columns of every row.
    @Test func aCellPastExcelsLastColumnOrRowIsNamed() {
        func beyond(_ rows: String) -> String? {
            SheetText.text(Array("<worksheet><sheetData>\(rows)</sheetData></worksheet>".utf8), strings: [], percentStyles: []).beyondExcel
        }
        #expect(beyond("<row r=\"1\"><c r=\"ZZZ1\"><v>1</v></c></row>") == "ZZZ1")
        #expect(beyond("<row r=\"1048577\"><c r=\"A1048577\"><v>1</v></c></row>") == "row 1048577")
        // Near misses: Excel's own last cell is a cell.
        #expect(beyond("<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>") == nil)
    }
}

extension DamagedInputTests {
    /// An empty ZIP is said to be one (it was called "a binary file, not a CSV").
    @Test func anEmptyArchiveIsNamedAsOne() {
        let empty: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + Array(repeating: 0, count: 18)
        let messages = problems(bytes: empty, name: "ketqua.xlsx")
        #expect(messages.count == 1 && messages[0].contains("ketqua.xlsx: this is an empty ZIP archive"), "\(messages)")
    }
}

extension DamagedInputTests {
    /// A cell that names a shared string the workbook lacks is damage, named at its cell (it
    /// was read as an empty cell and reported as "empty").
    @Test func aSharedStringOutOfRangeIsNamedAtItsCell() {
        let xml = "<worksheet><sheetData><row r=\"4\"><c r=\"A4\" t=\"s\"><v>0</v></c><c r=\"B4\" t=\"s\"><v>57</v></c></row></sheetData></worksheet>"
        #expect(SheetText.text(Array(xml.utf8), strings: [Array("Phòng 7".utf8)], percentStyles: []).missingString == "B4 → 57, of 1")
        let fine = "<worksheet><sheetData><row r=\"4\"><c r=\"A4\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>"
        #expect(SheetText.text(Array(fine.utf8), strings: [Array("Phòng 7".utf8)], percentStyles: []).missingString == nil)
    }

    /// A small file whose ZIP directory claims ZIP64 is damaged, not "over 4 GB".
    @Test func aSmallFileMarkedZIP64IsCalledDamaged() {
        var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 40)
        bytes += [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF] + Array(repeating: 0, count: 10)
        let messages = problems(bytes: bytes, name: "ketqua.xlsx")
        #expect(messages.joined().contains("marked as for an archive over 4 GB, but the file is 66 bytes: it is damaged"), "\(messages)")
    }
}

extension DamagedInputTests {
    /// What the reader builds has a budget, not only what it inflates: one long shared string
    /// in many cells, or merged over a large range, stops the reading (a 7.5 KB workbook asked
    /// for 8 GB); 100,000 hidden-column ranges are 16,384 columns at most.
    @Test func textBuiltFromLittleXMLHasABudget() {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 1_000_000)
        let cells = (1...100).map { "<c r=\"A\($0)\" t=\"s\"><v>0</v></c>" }.map { "<row r=\"\($0.dropFirst(7).prefix { $0 != "\"" })\">" + $0 + "</row>" }.joined()
        let repeated = SheetText.text(Array("<worksheet><sheetData>\(cells)</sheetData></worksheet>".utf8), strings: [long], percentStyles: [])
        #expect(repeated.overBudget)
        #expect(repeated.text.count < SheetText.textBudget(xml: 10_000) + 2_000_000)
        let merged = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2000\"/></sheetData><mergeCells><mergeCell ref=\"A1:Z2000\"/></mergeCells></worksheet>"
        #expect(SheetText.text(Array(merged.utf8), strings: [long], percentStyles: []).overBudget)
        let ranges = String(repeating: "<col min=\"1\" max=\"16384\" hidden=\"1\"/>", count: 100_000)
        let hidden = SheetText.text(Array("<worksheet><cols>\(ranges)</cols><sheetData></sheetData></worksheet>".utf8), strings: [], percentStyles: [])
        #expect(hidden.hiddenColumns.count == 16_384 && !hidden.overBudget)
        // A table of short texts stays well inside it.
        let table = (1...2000).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"s\"><v>0</v></c><c r=\"B\($0)\"><v>\($0)</v></c></row>" }.joined()
        #expect(!SheetText.text(Array("<worksheet><sheetData>\(table)</sheetData></worksheet>".utf8), strings: [Array("Phòng 7".utf8)], percentStyles: []).overBudget)
    }
}
