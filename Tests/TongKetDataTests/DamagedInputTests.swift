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

extension DamagedInputTests {
    /// Control characters in a name (an ESC sequence that clears the screen, a backspace, NUL,
    /// the right-to-left override) are left out of the name everywhere it is written, said at the
    /// cell, and shown escaped in messages.
    @Test func controlCharactersInANameAreLeftOutAndSaid() throws {
        let csv = header + "2023,\"Ph\u{1B}[2Jòng\u{202E} 7\u{8}\",Số vụ,10,12\n2023,Phòng 8,Số vụ,10,9\n"
        let result = try TableReader.read([InputFile(name: "ketqua.csv", bytes: Array(csv.utf8))])
        #expect(result.table.units.contains("Ph[2Jòng 7"))
        let warning = try #require(result.warnings.first { $0.message.contains("control or invisible characters") })
        #expect(warning.line == 2 && warning.column == 2)
        #expect(warning.message.contains("\"Ph\\u{1B}[2Jòng\\u{202E} 7\\u{8}\""), "\(warning.message)")
        #expect(!warning.description.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        // Near misses: a line break inside a cell is a space, Vietnamese letters are letters.
        #expect(Diagnostic.shown("Phòng 7\nTổng") == "Phòng 7\nTổng")
        #expect(NameInterner.canonical("Phòng\u{85}7") == "Phòng 7")
        let multiline = try TableReader.read([InputFile(name: "ketqua.csv", bytes: Array((header + "2023,\"Phòng\r\n7\",Số vụ,10,12\n").utf8))])
        #expect(multiline.table.units == ["Phòng 7"] && !multiline.warnings.contains { $0.message.contains("control") })
    }

    /// A Cyrillic "Р" among Latin letters looks like "Phòng 8" and is another text: said, and
    /// read as the same spelling, so that it does not make a second unit that looks identical.
    @Test func aCyrillicLookAlikeIsSaidAndSpelledAsTheLatinName() throws {
        let csv = header + "2022,Phòng 8,Số vụ,10,9\n2023,\u{420}hòng 8,Số vụ,10,11\n2023,Phòng 7,Số vụ,10,11\n"
        let table = try read(csv)
        let interpretation = try Interpretation(table)
        let lookAlike = try #require(interpretation.findings.first { $0.kind == .lookAlike })
        #expect(lookAlike.diagnostic.message.contains("\"\u{420}\" (U+0420); it looks like \"Phòng 8\""), "\(lookAlike.diagnostic.message)")
        #expect(Set(interpretation.table.units).count == 2, "\(interpretation.table.units)")
        // Near misses: a name wholly in Cyrillic, and Vietnamese, are left alone.
        #expect(NameClues.lookAlikes(in: "Москва").isEmpty && NameClues.lookAlikes(in: "Phường Ngã Bảy").isEmpty)
    }
}

extension DamagedInputTests {
    /// A range merged a million times over is one merge; and a row that many ranges cover is
    /// filled once per range, not once per range per cell already written.
    @Test func aRangeMergedManyTimesIsOneMerge() {
        func text(_ merges: String) -> String {
            let xml = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"D1\"><v>5</v></c></row></sheetData><mergeCells>\(merges)</mergeCells></worksheet>"
            return String(decoding: SheetText.text(Array(xml.utf8), strings: [Array("Tổng".utf8)], percentStyles: []).text, as: UTF8.self)
        }
        #expect(text("<mergeCell ref=\"A1:C1\"/>") == "Tổng,Tổng,Tổng,5\n")
        #expect(text(String(repeating: "<mergeCell ref=\"A1:C1\"/>", count: 200_000)) == "Tổng,Tổng,Tổng,5\n")
        // Near misses: a range outside Excel's sheet or turned round is no merge.
        #expect(text("<mergeCell ref=\"C1:A1\"/><mergeCell ref=\"A1:XFE1\"/>") == "Tổng,,,5\n")
    }
}
