import Foundation
import Testing
import TongKetData

/// Workbooks as offices keep them, made by `tongket-stress workbooks` beside the CSV a careful
/// analyst would type from each: the real binary must read the workbook to the same figures, point
/// into it as Excel does, and refuse the hostile ones in one line.
@Suite(.serialized) struct WorkbookTests {
    static let folder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-workbooks-\(getpid())")
        _ = try? Process.run(HostileInputTests.stress.path, ["workbooks", folder.path])
        return folder
    }()

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @Test(arguments: ["bao-cao-2021-2024", "chi-tieu-wide"])
    func aWorkbookGivesTheFiguresOfItsCanonicalCSV(name: String) throws {
        let workbook = try CLI.run(["summary", Self.path(name + ".xlsx"), "--format", "csv"])
        let csv = try CLI.run(["summary", Self.path(name + ".csv"), "--format", "csv"])
        #expect(workbook.status == 0, "\(workbook.stderr)")
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(workbook.stdout.split(separator: "\n").count > 100)
        #expect(workbook.stdout == csv.stdout)
    }

    @Test func theReportShapedWorkbookSaysWhatItReadAndSkipped() throws {
        let result = try CLI.run(["check", Self.path("bao-cao-2021-2024.xlsx"), "--lang", "en"])
        #expect(result.status == 0)
        let workbook = Self.path("bao-cao-2021-2024.xlsx")
        for expected in [
            "\(workbook)[2023]:4: warning: no year column: every row is taken as 2023, from the sheet name \"2023\"",
            "\(workbook)[2022]: warning: row 27 is hidden in Excel",
            "\(workbook)[2023]!F18: warning: numbers typed as text, such as \"1.054\", are read the Vietnamese way",
            "\(workbook)[2024]:40: warning: row 40 has no indicator (a note around the table) and was not read",
            // The signature block ends the table: a note, not a warning.
            "\(workbook)[2024]:4: note: a printed form, header on line 4: columns ",
            "the signature block begins at line 41; nothing below it is read",
            "\(workbook): warning: sheets \"Ghi chú\", \"Tạm\" hold no table (or are hidden) and were skipped",
        ] {
            #expect(result.stderr.contains(expected), "\(expected)\n\(result.stderr)")
        }
        // The "Tổng cộng" row of each year is set aside, not a unit.
        #expect(result.stdout.contains("\(workbook)[2021]:38: warning: \"Tổng cộng\" is the office's total row"))
        let one = try CLI.run(["summary", workbook, "--sheet", "2022", "--format", "csv"])
        #expect(one.status == 0 && !one.stdout.contains("\n2023,") && one.stdout.contains("unit,2022,"))
    }

    @Test func aReportsOwnRateColumnIsCrossCheckedNotUsed() throws {
        let folder = try temporaryFolder()
        let file = try write("STT;Đơn vị;Chỉ tiêu;KH;TH;Tỷ lệ %\n1;Phòng 7;Số vụ;60;62;103,3\n2;Phòng 8;Số vụ;50;40;90\n", to: "bao-cao-2023.csv", in: folder)
        let result = try CLI.run(["summary", file, "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("unit,2023,cả năm,Phòng 8,Số vụ,,,higher,50,40,0.8,not_met"))
        #expect(result.stderr.contains("bao-cao-2023.csv:3:6: warning: \"Tỷ lệ %\" says 90, "
                                       + "which no comparison of the figures gives (TH / KH is 80)"))
        #expect(result.stderr.contains("from the file name \"bao-cao-2023.csv\""))
        #expect(!result.stderr.contains(":2:6:"))
    }

    /// Found by the `sheet` fuzz target: a header whose rows all lack an indicator loaded as an
    /// empty table, and the commands stopped without a word.
    @Test func aHeaderWhoseRowsHaveNoIndicatorIsOneClearError() throws {
        let folder = try temporaryFolder()
        let file = try write("BIỂU TỔNG HỢP NĂM 2023\nSTT;Đơn vị;Chỉ tiêu;KH;TH\nI;Công tác hình sự;;;\n;NGƯỜI LẬP BIỂU;;VIỆN TRƯỞNG;\n", to: "bao-cao.csv", in: folder)
        let result = try CLI.run(["summary", file])
        #expect(result.status == 65)
        #expect(result.stderr.contains("bao-cao.csv:2: no row under the header has both an indicator and a result"), "\(result.stderr)")
    }

    @Test func aWideSheetIsUnpivotedAndItsMappingPrinted() throws {
        let result = try CLI.run(["check", Self.path("chi-tieu-wide.xlsx")])
        #expect(result.stderr.contains("a wide table: \"Thực hiện 2021\" → actual 2021"))
        #expect(result.stderr.contains("\"Kế hoạch 2024\" → target 2024, \"Thực hiện 2024\" → actual 2024"))
    }

    @Test func aBadCellIsNamedAsExcelNamesIt() throws {
        let result = try CLI.run(["summary", Self.path("sai-so.xlsx")])
        #expect(result.status == 65)
        #expect(result.stderr == Self.path("sai-so.xlsx") + "[2023]!F6: \"abc\" in column \"TH\" is not a number\n")
        let vi = try CLI.run(["summary", Self.path("sai-so.xlsx"), "--lang", "vi"])
        #expect(vi.stderr == Self.path("sai-so.xlsx") + "[2023]!F6: lỗi: \"abc\" ở cột \"TH\" không phải là số\n")
    }

    @Test(arguments: [
        ("hong.xlsx", "the workbook cannot be read (no ZIP directory"),
        ("mat-khau.xlsx", "password-protected"),
        ("khong-co-bang.xlsx", "no sheet of the workbook (\"Ghi chú\") holds a table"),
        ("bom-nen.xlsx", "unpacks to more than 300 MB"),
        ("bom-nen-gia.xlsx", "inflates past the 1000 bytes its directory states"),
        // One changed digit in a stored sheet: read, it would be "đạt 134 %"; the checksum refuses it.
        ("doi-so.xlsx", "fails its checksum (CRC-32)"),
        ("trung-ten.xlsx", "it holds two parts named xl/worksheets/sheet1.xml"),
        // A cell at ZZZ5 would have filled 18,277 columns of every row.
        ("ngoai-cot.xlsx", "has a cell at ZZZ5, past Excel's last column XFD"),
        // 400 sheets on one part were read 400 times (5½ minutes for a 250 MB part).
        ("mot-phan.xlsx", "the sheets \"2023\" and \"Trang 2\" are one and the same part (xl/worksheets/sheet1.xml)"),
    ])
    func aHostileWorkbookIsOneClearLineAndExit65(name: String, phrase: String) throws {
        let result = try CLI.run(["summary", Self.path(name)])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains(phrase), "\(result.stderr)")
    }

    /// A title merged a million times over is one merge: the table under it is read as it is
    /// (the 116 KB file took 11 minutes).
    @Test func aTitleMergedAMillionTimesIsOneMerge() throws {
        let result = try CLI.run(["summary", Self.path("gop-o.xlsx"), "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("unit,2023,cả năm,Phòng 7,Số vụ án đã truy tố,"))
        #expect(result.stdout.contains("province,2023,cả năm,,Số vụ án đã truy tố,"))
    }

    /// A 1 MB text merged over two million cells is refused in one line (or its merge set aside), in
    /// bounded memory: filled cell by cell, its first row alone was a gigabyte.
    @Test func aLongTextMergedOverMillionsOfCellsStaysWithinTheBudget() throws {
        let result = try CLI.run(["summary", Self.path("bom-gop.xlsx"), "--format", "csv"])
        #expect(result.status == 65 || result.status == 0, "\(result.stderr)")
        if result.status == 65 { #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)") }
    }

    /// Bytes that are not UTF-8 in a shared string are said, not silently made U+FFFD.
    @Test func textThatIsNotUTF8IsSaid() throws {
        let result = try CLI.run(["summary", Self.path("sai-ma.xlsx"), "--format", "csv", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("sai-ma.xlsx: warning: the text \"Ph\u{FFFD}ng 7\" holds bytes that are not UTF-8"), "\(result.stderr)")
    }

    @Test func legacyFontTextIsConvertedAndSaidSo() throws {
        let result = try CLI.run(["summary", Self.path("tcvn3.xlsx"), "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("unit,2023,cả năm,Viện kiểm sát huyện Châu Thành,Số vụ án đã truy tố,"))
        #expect(result.stderr.contains("the text is in TCVN3"))
    }

    @Test func aCSVInTCVN3IsConvertedToo() throws {
        // The TCVN3 bytes of each letter, from the decoder's own table turned round.
        var bytes: [Character: UInt8] = [:]
        for byte in UInt8(0x80)...UInt8(0xFF) {
            if let letter = LegacyVietnamese.tcvn3.decode(bytes: [byte]).first, !letter.isASCII, bytes[letter] == nil { bytes[letter] = byte }
        }
        let text = "năm,đơn vị,chỉ tiêu,kế hoạch,thực hiện\n"
            + "2023,Phòng tổng hợp,Số báo cáo gửi đúng hạn,48,47\n2023,Viện kiểm sát huyện Châu Thành,Số vụ án đã truy tố,60,64\n"
            + "2023,Viện kiểm sát thị xã Long Mỹ,Số bị can đã truy tố,55,51\n"
        let encoded = text.flatMap { c -> [UInt8] in c.isASCII ? Array(String(c).utf8) : [bytes[c] ?? UInt8(ascii: "?")] }
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("cu.csv")
        try Data(encoded).write(to: file)
        let result = try CLI.run(["summary", file.path, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("unit,2023,cả năm,Viện kiểm sát thị xã Long Mỹ,Số bị can đã truy tố,"))
        #expect(result.stderr.contains("read as TCVN3"))
    }
}
