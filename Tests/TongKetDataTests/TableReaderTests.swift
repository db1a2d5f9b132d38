import Testing
@testable import TongKetData

@Suite struct TableReaderTests {
    @Test func aCanonicalFileLoadsSortedByUnitIndicatorYear() throws {
        let table = try read(header + "2023,Phòng 8,Kháng nghị,3,3\n2022,Phòng 7,Phúc thẩm,60,68\n2023,Phòng 7,Phúc thẩm,70,74\n")
        #expect(table.rows.map { table.units[Int($0.unit)] } == ["Phòng 7", "Phòng 7", "Phòng 8"])
        #expect(table.rows.map(\.year) == [2022, 2023, 2023])
        #expect(table.rows.map(\.line) == [3, 4, 2])
    }

    @Test func semicolonVietnameseNumbersWithExcelPadding() throws {
        let text = "Năm;Đơn vị;Chỉ tiêu;ĐVT;Kế hoạch;Thực hiện;;\r\n2023;Phòng 8;Số hồ sơ giảm án;hồ sơ;1.000;1.054;;\r\n2023;VKSND huyện A;Tỷ lệ án bị hủy;%;5;3,2;;\r\n;;;;;;;\r\n;;;;;;;\r\n"
        let table = try read(text)
        #expect(table.rows.count == 2)
        #expect(table.rows.map(\.actual) == [1054, 3.2])
        #expect(table.rows.map(\.target) == [1000, 5])
        #expect(table.measures == ["hồ sơ", "%"])
    }

    @Test func englishNumbersInQuotedFields() throws {
        let table = try read(header + "2023,A,\"Cases, appellate\",\"1,000\",\"1,054.5\"\n")
        #expect(table.rows[0].actual == 1054.5)
        #expect(table.indicators == ["Cases, appellate"])
    }

    @Test func ambiguousNumbersStopWithAnErrorThatSaysHowToChoose() {
        let messages = problems(header + "2023,A,X,\"1.000\",\"1.054\"\n")
        #expect(messages == ["ketqua.csv:2:4: cannot tell how numbers are written: \"1.000\" (line 2), \"1.054\" (line 2) could be 1000 (Vietnamese, \".\" groups thousands) or 1 (English, \".\" or \",\" is the decimal mark); choose with --number-locale vi or --number-locale en"])
    }

    @Test func ambiguousNumbersFollowTheFilesOtherCells() throws {
        let table = try read(header + "2023,A,X,\"1.000\",\"1.054\"\n2023,A,Y,5,\"85,5\"\n")
        #expect(table.rows.map(\.actual) == [1054, 85.5])
        let english = try read(header + "2023,A,X,\"1,000\",\"1,054\"\n2023,A,Y,5,85.5\n")
        #expect(english.rows.map(\.actual) == [1054, 85.5])
    }

    @Test func numberLocaleOptionDecides() throws {
        let table = try read(header + "2023,A,X,\"1.000\",\"1.054\"\n", options: ReadOptions(numberLocale: .en))
        #expect(table.rows[0].actual == 1.054)
        #expect(problems(header + "2023,A,X,5,\"85,5\"\n", options: ReadOptions(numberLocale: .en))
            == ["ketqua.csv:2:5: \"85,5\" in column \"actual\" is not a number in the English format (1,054.5) chosen by --number-locale en"])
    }

    @Test func mixedNumberFormatsAreReported() {
        let messages = problems(header + "2023,A,X,5,\"85,5\"\n2023,A,Y,5,85.5\n")
        #expect(messages == ["ketqua.csv:3:5: numbers are written two ways in this file: \"85.5\" here is English, \"85,5\" on line 2 is Vietnamese; make them consistent or choose with --number-locale vi|en"])
    }

    @Test func everyProblemOfAFileIsReportedWithItsPosition() {
        let text = "năm,đơn vị,chỉ tiêu,kế hoạch,thực hiện\n"
            + "2023,Phòng 7,Phúc thẩm,70,abc\n"        // 2: not a number
            + "2023,Phòng 7,Kháng nghị,NaN,3\n"        // 3: not finite
            + "2023,,Kiến nghị,1,2\n"                  // 4: empty unit
            + "2023.5,Phòng 8,X,1,2\n"                 // 5: not a year
            + "2023,Phòng 8,Y,-1,2\n"                  // 6: negative target
            + "2023,Phòng 8,Z,1\n"                     // 7: ragged
            + "2023,Phòng 8,W,1,\n"                    // 8: empty actual
            + "2023,Phòng 8,V,1,#DIV/0!\n"             // 9: Excel error
        #expect(problems(text) == [
            "ketqua.csv:2:5: \"abc\" in column \"thực hiện\" is not a number",
            "ketqua.csv:3:4: \"NaN\" in column \"kế hoạch\" is not a finite number; write the figure itself",
            "ketqua.csv:4:2: the cell in column \"đơn vị\" is empty; every row needs its unit",
            "ketqua.csv:5:1: \"2023.5\" in column \"năm\" is not a year; write the year as a whole number such as 2023",
            "ketqua.csv:6:4: the target -1 in column \"kế hoạch\" is negative; targets are 0 or more (leave the cell empty when no target was set)",
            "ketqua.csv:7:4: this row has 4 fields but the header has 5; a value may contain an unquoted \",\" or a cell is missing",
            "ketqua.csv:8:5: the cell in column \"thực hiện\" is empty; every row needs the achieved value (write 0 if nothing was done)",
            "ketqua.csv:9:5: \"#DIV/0!\" in column \"thực hiện\" is an Excel error value, not a number; fix the formula in the workbook and export again",
        ])
    }

    @Test func aRowWithAnExtraValueIsRagged() {
        #expect(problems(header + "2023,A,X,1,2,3\n") == ["ketqua.csv:2:6: this row has 6 fields but the header has 5; a value may contain an unquoted \",\" or a cell is missing"])
    }

    @Test func missingRequiredColumnsNameTheHeaderLine() {
        // A sheet may carry no target column (DESIGN §2): it reads; a result column it must have.
        #expect(problems("năm,đơn vị,chỉ tiêu,thực hiện\n2023,A,X,1\n") == ["<loaded without problems>"])
        let messages = problems("năm,đơn vị,chỉ tiêu,kế hoạch\n2023,A,X,1\n")
        #expect(messages.count == 1)
        #expect(messages[0].hasPrefix("ketqua.csv:1: line 1 comes closest to a header but lacks the required column \"actual\" (thực hiện); found \"năm\", \"đơn vị\", \"chỉ tiêu\", \"kế hoạch\""))
    }

    @Test func anUnterminatedQuoteIsAnError() {
        let messages = problems(header + "2023,A,\"X,1,2\n2023,B,Y,1,2\n")
        #expect(messages.contains("ketqua.csv:2:3: a quoted value opens here (column \"indicator\") and never closes; add the closing \" or remove the opening one"))
    }

    @Test func duplicatesAreFoundEvenWhenTheyDifferOnlyInNormalisation() {
        let nfc = "Phòng 7".precomposedStringWithCanonicalMapping
        let nfd = "Phòng 7".decomposedStringWithCanonicalMapping
        #expect(nfc != nfd || nfc.utf8.count != nfd.utf8.count)
        let messages = problems(header + "2023,\(nfc),X,1,2\n2023,\(nfd) ,X,1,3\n")
        #expect(messages == ["ketqua.csv:3: duplicate row: year 2023, unit \"Phòng 7\", indicator \"X\" is already on line 2; keep one of them"])
    }

    @Test func filesMergeAndDuplicatesAcrossFilesNameBoth() throws {
        let a = InputFile(name: "2022.csv", bytes: Array((header + "2022,A,X,1,2\n").utf8))
        let b = InputFile(name: "2023.csv", bytes: Array(("năm;đơn vị;chỉ tiêu;kế hoạch;thực hiện\n2023;A;X;1;3\n").utf8))
        let table = try TableReader.read([a, b]).table
        #expect(table.rows.map(\.year) == [2022, 2023])
        #expect(table.files == ["2022.csv", "2023.csv"])
        do {
            _ = try TableReader.read([a, a])
            Issue.record("duplicate files loaded")
        } catch {
            #expect(error.messages == ["2022.csv:2: duplicate row: year 2022, unit \"A\", indicator \"X\" is already on 2022.csv:2; keep one of them"])
            #expect(error.exitCode == 65)
        }
    }

    @Test func problemsBeyondTheLimitAreCounted() {
        let rows = (1...80).map { "2023,A,X\($0),1\n" }.joined()
        let messages = problems(header + rows)
        #expect(messages.count == 51)
        #expect(messages.last == "… and 30 more problems not shown; fix these first and run again.")
    }

    @Test func theSameProblemOnEveryRowOfAColumnIsOneMessage() {
        let rows = (1...80).map { "2023,A,X\($0),1,bad\n" }.joined()
        let messages = problems(header + rows)
        #expect(messages == ["ketqua.csv:2:5: \"bad\" in column \"actual\" is not a number — the same in 79 more rows of this column (lines 3, 4, 5, 6, 7, 8, 9, 10 …)"])
    }

    @Test func emptyTargetMeansNoTargetAndDirectionIsRead() throws {
        let table = try read("year,unit,indicator,target,actual,direction\n2023,A,X,,2,\n2023,A,Y,5,3,thấp\n")
        #expect(table.rows.map(\.target) == [nil, 5])
        #expect(table.rows.map(\.direction) == [.higher, .lower])
        #expect(problems("year,unit,indicator,target,actual,direction\n2023,A,X,1,2,sideways\n")
            == ["ketqua.csv:2:6: \"sideways\" in column \"direction\" is not a direction; write higher (cao) or lower (thấp, a ceiling)"])
    }

    @Test func aHeaderWithoutRowsIsReported() {
        #expect(problems(header) == ["ketqua.csv:1: the header is here but no data rows follow; export the sheet with its data"])
    }

    @Test func missingFilesAreEX_NOINPUT() {
        do {
            _ = try TableReader.read(paths: ["/nonexistent/ketqua.csv"])
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.exitCode == 66)
            #expect(error.messages == ["/nonexistent/ketqua.csv: no such file; check the name and the folder"])
        }
    }

    // The same problems in Vietnamese: positions and values unchanged, "lỗi: " before each.

    /// The printed problems of a load that must fail, in Vietnamese.
    private func vietnameseProblems(_ text: String, options: ReadOptions = ReadOptions()) -> [String] {
        vietnameseProblems(bytes: Array(text.utf8), options: options)
    }

    private func vietnameseProblems(bytes: [UInt8], options: ReadOptions = ReadOptions()) -> [String] {
        do {
            _ = try TableReader.read([InputFile(name: "ketqua.csv", bytes: bytes)], options: options)
            return ["<loaded without problems>"]
        } catch {
            return error.messages(vietnamese: true)
        }
    }

    @Test func everyProblemOfAFileIsReportedInVietnameseAtTheSamePosition() {
        let text = "năm,đơn vị,chỉ tiêu,kế hoạch,thực hiện\n"
            + "2023,Phòng 7,Phúc thẩm,70,abc\n"
            + "2023,Phòng 7,Kháng nghị,NaN,3\n"
            + "2023,,Kiến nghị,1,2\n"
            + "2023.5,Phòng 8,X,1,2\n"
            + "2023,Phòng 8,Y,-1,2\n"
            + "2023,Phòng 8,Z,1\n"
            + "2023,Phòng 8,W,1,\n"
            + "2023,Phòng 8,V,1,#DIV/0!\n"
        #expect(vietnameseProblems(text) == [
            "ketqua.csv:2:5: lỗi: \"abc\" ở cột \"thực hiện\" không phải là số",
            "ketqua.csv:3:4: lỗi: \"NaN\" ở cột \"kế hoạch\" không phải là số hữu hạn; hãy ghi số liệu cụ thể",
            "ketqua.csv:4:2: lỗi: ô ở cột \"đơn vị\" bị trống; dòng nào cũng phải có tên đơn vị",
            "ketqua.csv:5:1: lỗi: \"2023.5\" ở cột \"năm\" không phải là năm; ghi năm bằng số nguyên, ví dụ 2023",
            "ketqua.csv:6:4: lỗi: kế hoạch -1 ở cột \"kế hoạch\" là số âm; kế hoạch phải từ 0 trở lên (để trống ô nếu không giao kế hoạch)",
            "ketqua.csv:7:4: lỗi: dòng này có 4 ô nhưng dòng tiêu đề có 5 cột; có thể một giá trị chứa dấu \",\" mà không đặt trong ngoặc kép, hoặc thiếu một ô",
            "ketqua.csv:8:5: lỗi: ô ở cột \"thực hiện\" bị trống; dòng nào cũng phải có số thực hiện (ghi 0 nếu không thực hiện được)",
            "ketqua.csv:9:5: lỗi: \"#DIV/0!\" ở cột \"thực hiện\" là giá trị lỗi của Excel, không phải là số; sửa công thức trong sổ tính rồi xuất lại",
        ])
        // English stays as it was.
        #expect(problems(text).first == "ketqua.csv:2:5: \"abc\" in column \"thực hiện\" is not a number")
    }

    @Test func numberFormatProblemsInVietnamese() {
        #expect(vietnameseProblems(header + "2023,A,X,\"1.000\",\"1.054\"\n") == [
            "ketqua.csv:2:4: lỗi: không xác định được cách viết số: \"1.000\" (dòng 2), \"1.054\" (dòng 2) có thể là 1000 (kiểu Việt Nam, \".\" phân cách hàng nghìn) hoặc 1 (kiểu Anh, \".\" hoặc \",\" là dấu thập phân); chọn bằng --number-locale vi hoặc --number-locale en",
        ])
        #expect(vietnameseProblems(header + "2023,A,X,5,\"85,5\"\n2023,A,Y,5,85.5\n") == [
            "ketqua.csv:3:5: lỗi: tệp này viết số theo hai kiểu: \"85.5\" ở đây là kiểu Anh, \"85,5\" ở dòng 2 là kiểu Việt Nam; viết thống nhất một kiểu hoặc chọn bằng --number-locale vi|en",
        ])
        #expect(vietnameseProblems(header + "2023,A,X,5,\"85,5\"\n", options: ReadOptions(numberLocale: .en)) == [
            "ketqua.csv:2:5: lỗi: \"85,5\" ở cột \"actual\" không phải là số theo cách viết kiểu Anh (1,054.5) đã chọn bằng --number-locale en",
        ])
    }

    @Test func fileLevelProblemsInVietnamese() {
        #expect(vietnameseProblems("") == ["ketqua.csv: lỗi: tệp rỗng; xuất lại trang tính kèm dòng tiêu đề và số liệu"])
        #expect(vietnameseProblems(header) == ["ketqua.csv:1: lỗi: có dòng tiêu đề nhưng không có dòng số liệu nào; xuất lại trang tính kèm số liệu"])
        #expect(vietnameseProblems(bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]) == [
            "ketqua.csv: lỗi: không đọc được sổ tính (too short to be a ZIP file); mở bằng Excel rồi lưu lại dạng .xlsx (Excel Workbook)",
        ])
        #expect(vietnameseProblems(header + "2023,A,\"X,1,2\n2023,B,Y,1,2\n").contains(
            "ketqua.csv:2:3: lỗi: một giá trị mở ngoặc kép ở đây (cột \"indicator\") nhưng không đóng; thêm dấu \" đóng hoặc bỏ dấu \" mở"))
        let rows = (1...80).map { "2023,A,X\($0),1\n" }.joined()
        #expect(vietnameseProblems(header + rows).last == "… và 30 lỗi khác không hiện; sửa các lỗi trên rồi chạy lại.")
    }

    @Test func aGuessedEncodingWarnsInVietnamese() throws {
        // "Phòng" in Windows-1258: o, then the combining grave accent 0xCC.
        let bytes = Array(header.utf8) + Array("2023,Pho".utf8) + [0xCC] + Array("ng 7,X,1,2\n".utf8)
        let result = try TableReader.read([InputFile(name: "ketqua.csv", bytes: bytes)])
        #expect(result.table.units == ["Phòng 7"])
        #expect(result.warnings.map { $0.text(vietnamese: true) } == [
            "ketqua.csv: cảnh báo: không phải UTF-8; đã đọc theo bảng mã WINDOWS-1258. Nếu chữ hiển thị sai, chỉ rõ bảng mã bằng --encoding",
        ])
    }

    @Test func duplicatesAndMissingFilesInVietnamese() {
        let a = InputFile(name: "2022.csv", bytes: Array((header + "2022,A,X,1,2\n").utf8))
        do {
            _ = try TableReader.read([a, a])
            Issue.record("duplicate files loaded")
        } catch {
            #expect(error.messages(vietnamese: true) == ["2022.csv:2: lỗi: dòng trùng: năm 2022, đơn vị \"A\", chỉ tiêu \"X\" đã có ở 2022.csv:2; chỉ giữ một dòng"])
            #expect(error.messages == ["2022.csv:2: duplicate row: year 2022, unit \"A\", indicator \"X\" is already on 2022.csv:2; keep one of them"])
        }
        do {
            _ = try TableReader.read(paths: ["/nonexistent/ketqua.csv"])
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.exitCode == 66)
            #expect(error.messages(vietnamese: true) == ["/nonexistent/ketqua.csv: lỗi: không có tệp này; kiểm tra tên tệp và thư mục"])
        }
        #expect(vietnameseProblems("năm;đơn vị;chỉ tiêu;thực hiện;năm\n2023;A;X;1;2023\n")
            == ["ketqua.csv:1:5: lỗi: cột 1 và cột 5 đều là cột \"năm\" (year); chỉ giữ một cột"])
    }
}
