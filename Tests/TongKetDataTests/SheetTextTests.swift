import Testing
@testable import TongKetData

/// A sheet's XML as the reader's text: what Excel writes that the generated workbooks do not.
@Suite struct SheetTextTests {
    func text(_ rows: String, merges: String = "", prefix: String = "") -> String {
        let p = prefix.isEmpty ? "" : prefix + ":"
        let xml = "<\(p)worksheet><\(p)sheetData>\(rows)</\(p)sheetData>\(merges)</\(p)worksheet>"
        return String(decoding: SheetText.text(Array(xml.utf8), strings: [Array("Phòng 7".utf8)], percentStyles: [1]).text, as: UTF8.self)
    }

    @Test func percentCellsWithAnExponentAreReadAsShown() {
        // Excel writes 0,5 % as 5.0000000000000001E-3 in a percent-formatted cell.
        let bytes = Array("\u{2}5.0000000000000001E-3".utf8)
        #expect(bytes.withUnsafeBufferPointer(SheetText.typedNumber) == 0.5)
        #expect(Array("\u{2}0.955".utf8).withUnsafeBufferPointer(SheetText.typedNumber) == 95.5)
    }

    @Test func mergesAreFoundBehindAPrefixedSheetData() {
        let rows = "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c></x:row><x:row r=\"2\"><x:c r=\"B2\"><x:v>5</x:v></x:c></x:row>"
        let merged = text(rows, merges: "<x:mergeCells><x:mergeCell ref=\"A1:A2\"/></x:mergeCells>", prefix: "x")
        #expect(merged == "Phòng 7\nPhòng 7,5\n")
    }

    @Test func rowNumbersOutOfRangeAreReadAsTheNextRow() {
        #expect(text("<row r=\"9223372036854775807\"><c><v>1</v></c></row><row r=\"2000000000\"><c><v>2</v></c></row>") == "1\n2\n")
    }

    /// Found by the `workbook` fuzz target: a cell reference of many letters overflowed.
    @Test func aCellReferenceOfManyLettersIsNoCell() {
        #expect(text("<row r=\"1\"><c r=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1\"><v>7</v></c></row>") == "7\n")
    }

    @Test func aHugeMergeIsNotFilled() {
        let sheet = text("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", merges: "<mergeCells><mergeCell ref=\"A1:XFD1048576\"/><mergeCell ref=\"AAAAAAAAAAAAAAA1:B2\"/></mergeCells>")
        #expect(sheet == "1\n")
    }
}
