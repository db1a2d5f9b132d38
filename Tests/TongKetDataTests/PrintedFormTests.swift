import Testing
@testable import TongKetData

/// Each trait of the offices' printed forms and KPI exports, read as it comes, with a near miss
/// that must not be taken for it.
@Suite struct PrintedFormTests {
    static let title = "VIỆN KIỂM SÁT NHÂN DÂN TỈNH X,,,,,\nBẢNG TỔNG HỢP KẾT QUẢ NĂM 2024,,,,,\n"

    @Test func aRoleWordInsideAHeaderCellNamesTheColumn() throws {
        let table = try read("Năm,Đơn vị,Chỉ tiêu,Đơn vị tính (ĐVT),Chỉ tiêu giao (KH),Kết quả (TH)\n2024,Phòng 7,Số vụ,vụ,10,12\n")
        #expect(table.rows[0].target == 10)
        #expect(table.rows[0].actual == 12)
        #expect(table.measures == ["vụ"])
        // Near miss: a parenthesis that names no role leaves the header unknown.
        #expect(InputColumn.named("Tỷ lệ (%)") == nil)
        #expect(InputColumn.named("đơn vị tính") == .measure)
    }

    @Test func aTwoRowHeaderUnderAGroupHeadingWithANumberingRow() throws {
        let text = Self.title + "STT,Đơn vị,Chỉ tiêu,Kết quả thực hiện năm 2024,,Ghi chú\n,,,KH,TH,\n(1),(2),(3),(4),(5),(6)=(5)/(4)\n1,Phòng 7,Số vụ,10,12,\n"
        let table = try read(text)
        #expect(table.rows.count == 1)
        #expect(table.rows[0].year == 2024)
        #expect(table.rows[0].target == 10)
        #expect(FormRows.isNumbering(["(1)", "(2)", "(3)", "(7)=(6)/(5)"]))
        #expect(FormRows.isNumbering(["A", "B", "C", "1", "2"]))
        // Near miss: a data row of short values is no numbering row.
        #expect(!FormRows.isNumbering(["1", "Phòng 7", "Số vụ", "10"]))
    }

    @Test func sectionHeadingsNameTheGroupOfTheUnitsBelow() throws {
        let text = Self.title + "STT,Đơn vị,Chỉ tiêu,KH,TH\nI. CÁC PHÒNG NGHIỆP VỤ,,,,\n1,Phòng 7,Số vụ,10,12\nII. VKSND CẤP HUYỆN,,,,\n2,VKSND huyện A,Số vụ,5,6\n"
        let table = try read(text)
        #expect(table.levels == ["CÁC PHÒNG NGHIỆP VỤ", "VKSND CẤP HUYỆN"])
        #expect(table.sectionLevels.count == 2)
        #expect(table.rows.map { table.levels[Int($0.level)] } == ["CÁC PHÒNG NGHIỆP VỤ", "VKSND CẤP HUYỆN"])
        // Stated by the form, the group stands; the catalogue still wins over it.
        let read = try Interpretation(table)
        #expect(read.units.map(\.group) == ["CÁC PHÒNG NGHIỆP VỤ", "VKSND CẤP HUYỆN"])
        let catalogue = try CatalogueReader.read(InputFile(name: "danh-muc.csv", bytes: Array("loại,tên,nhóm\nđơn vị,Phòng 7,Khối tham mưu\n".utf8)))
        let overridden = try Interpretation(table, catalogue: catalogue)
        let phong7 = try #require(overridden.table.units.firstIndex(of: "Phòng 7"))
        #expect(overridden.units[phong7].group == "Khối tham mưu")
        #expect(FormRows.sectionName("III) Khối quận, huyện") == "Khối quận, huyện")
        // Near misses: an indicator numbered "1." and a unit named with a dot are no sections.
        #expect(FormRows.sectionName("1. Số vụ án") == nil)
        #expect(FormRows.sectionName("TP. Sóc Trăng") == nil)
    }

    @Test func theStatisticalSignsAreReadAsTheyMean() throws {
        let text = Self.title + "STT,Đơn vị,Chỉ tiêu,ĐVT,KH,TH\n"
            + "1,Phòng 7,Số vụ bị hủy,vụ,0,-\n,,Tỷ lệ chấp nhận kháng nghị,%,70,-\n,,Số vụ rút gọn,vụ,x,Không phát sinh\n,,Số tin báo,tin,...,...\n,,Số vụ án,vụ,K/c,7\n"
        let table = try read(text)
        let byName = Dictionary(uniqueKeysWithValues: table.rows.map { (table.indicators[Int($0.indicator)], $0) })
        #expect(byName["Số vụ bị hủy"]?.actual == 0)
        #expect(byName["Số vụ bị hủy"]?.target == 0)
        #expect(byName["Tỷ lệ chấp nhận kháng nghị"] == nil, "a rate with nothing to rate has no value")
        #expect(byName["Số vụ rút gọn"]?.actual == 0)
        #expect(byName["Số vụ rút gọn"]?.target == nil)
        #expect(byName["Số tin báo"] == nil, "not collected: no value")
        #expect(byName["Số vụ án"]?.target == nil)
        #expect(byName["Số vụ án"]?.actual == 7)
        // Near miss: a negative number is a number, not the sign "-".
        #expect([UInt8]("-5".utf8).withUnsafeBufferPointer(ValueWords.sign) == nil)
        #expect([UInt8]("12".utf8).withUnsafeBufferPointer(ValueWords.sign) == nil)
    }

    @Test func aNumberWithItsUnitWordIsTheNumber() throws {
        let text = Self.title + "STT,Đơn vị,Chỉ tiêu,ĐVT,KH,TH\n1,Phòng 7,Thời hạn giải quyết,ngày,Không quá 20 ngày,18 ngày\n,,Số bị can,bị can,150,157 bị can\n"
        let table = try read(text)
        #expect(table.rows.map(\.actual).sorted() == [18, 157])
        #expect(table.rows.first { $0.actual == 18 }?.target == 20)
        #expect(table.rows.first { $0.actual == 18 }?.direction == .lower)
        // Near miss: words then a number again is no number.
        let messages = problems(Self.title + "STT,Đơn vị,Chỉ tiêu,KH,TH\n1,Phòng 7,Số vụ,10,12 vụ 3\n")
        #expect(messages.count == 1 && messages[0].contains("\"12 vụ 3\""), "\(messages)")
    }

    @Test func aPairedCountIsTwoIndicators() throws {
        let text = Self.title + "STT,Đơn vị,Chỉ tiêu,ĐVT,KH,TH\n1,Phòng 7,Số vụ án bị can truy tố,vụ/bị can,70 vụ/150 bị can,74 vụ/157 bị can\n"
        let table = try read(text)
        #expect(table.indicators.sorted() == ["Số vụ án bị can truy tố (bị can)", "Số vụ án bị can truy tố (vụ)"])
        #expect(table.rows.map(\.actual).sorted() == [74, 157])
        #expect(table.rows.map { $0.target ?? -1 }.sorted() == [70, 150])
        #expect(table.measures.sorted() == ["bị can", "vụ"])
    }

    @Test func aPairedCountInARowThatCountsOneIsAnErrorAtItsCell() {
        let messages = problems(Self.title + "STT,Đơn vị,Chỉ tiêu,ĐVT,KH,TH\n1,Phòng 7,Số vụ án,vụ,70,74 vụ/157 bị can\n")
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("ketqua.csv:4:6: \"74 vụ/157 bị can\" holds two counts but the indicator counts one (\"vụ\")") == true, "\(messages)")
    }

    @Test func aBlankKeyCellOfAReportIsTheOneAboveButNotInAPlainCSV() throws {
        let report = "BẢNG TỔNG HỢP CHỈ TIÊU CÁC NĂM,,,,\nNăm,Đơn vị,Chỉ tiêu,KH,TH\n2023,Phòng 7,Số vụ,1,2\n,,Số án,1,3\n2024,Phòng 7,Số vụ,1,4\n,,Số án,1,5\n"
        let table = try read(report)
        #expect(table.rows.map(\.year) == [2023, 2024, 2023, 2024])
        let plain = problems("Năm,Đơn vị,Chỉ tiêu,KH,TH\n2023,Phòng 7,Số vụ,1,2\n,Phòng 7,Số án,1,3\n")
        #expect(plain.contains { $0.hasPrefix("ketqua.csv:3:1: the cell in column \"Năm\" is empty") }, "\(plain)")
    }

    @Test func theSignatureBlockEndsTheTableWithoutAnError() throws {
        let text = Self.title + "STT,Đơn vị,Chỉ tiêu,KH,TH\n1,Phòng 7,Số vụ,10,12\n,,,,\n,Nơi nhận:,,,VIỆN TRƯỞNG\n,- Lưu: VT,Người lập biểu,,\n,,,,Nguyễn Văn A\n"
        let result = try TableReader.read([InputFile(name: "ketqua.csv", bytes: Array(text.utf8))])
        #expect(result.table.rows.count == 1)
        // The year from the title is a warning as ever; the signature block is only a note.
        #expect(result.warnings.allSatisfy { $0.message.hasPrefix("no year column") }, "\(result.warnings)")
        #expect(result.notes.contains { $0.message.contains("the signature block begins at line 6") })
        #expect(result.notes.contains { $0.message.hasPrefix("a printed form, header on line 3: columns \"Đơn vị\" → unit, \"Chỉ tiêu\" → indicator") })
    }

    @Test func theYearOfAFormComesFromItsPeriodNotFromTheReportsDate() {
        let year = FileReader.year(sheet: "Biểu 01", titles: ["BẢNG TỔNG HỢP", "(Từ ngày 01/12/2022 đến ngày 30/11/2023)", "(Kèm theo Báo cáo số 12/BC ngày 05/01/2024)"], fileName: "x.xlsx")
        #expect(year?.0 == 2023)
        // The report's own date alone is no year: the file name's is used.
        #expect(FileReader.year(sheet: nil, titles: ["(Kèm theo Báo cáo số 12/BC ngày 05/01/2024)"], fileName: "bieu 2023.xlsx")?.0 == 2023)
        // A school year sits at its end year; a span of three years is no year.
        #expect(FileReader.year(sheet: nil, titles: ["BÁO CÁO NĂM HỌC 2023 - 2024"], fileName: "x.csv")?.0 == 2024)
        #expect(FileReader.year(sheet: nil, titles: ["GIAI ĐOẠN 2022 - 2024"], fileName: "x.csv") == nil)
    }

    @Test func yearsAsColumnsSchoolYearsAndEstimates() throws {
        #expect(WideLayout.roleAndYear("Năm 2022")?.column == .actual)
        #expect(WideLayout.roleAndYear("KH 2024")?.column == .target)
        let school = try #require(WideLayout.roleAndYear("Năm học 2023 – 2024"))
        #expect(school.year == 2024 && school.schoolYear && school.column == .actual)
        #expect(WideLayout.roleAndYear("NH 2022-2023")?.year == 2023)
        #expect(WideLayout.roleAndYear("Ước TH 2024")?.estimate == true)
        // Near misses: a span of years, a column that names no role.
        #expect(WideLayout.roleAndYear("2022 - 2024") == nil)
        #expect(WideLayout.roleAndYear("Ghi chú 2024") == nil)
        let table = try read("Đơn vị,Chỉ tiêu,Năm 2023,Ước TH 2024,TH 2024,KH 2024\nPhòng 7,Số vụ,5,9,8,7\n")
        #expect(table.rows.map(\.actual) == [5, 8], "a measured result wins over the estimate")
        #expect(table.rows.map(\.target) == [nil, 7])
    }

    @Test func theUnitNamedOnlyInTheTitle() throws {
        let text = "UBND HUYỆN BA TRI\nBÁO CÁO CÁC CHỈ TIÊU - PHÒNG GD&ĐT HUYỆN BA TRI\n\nSTT\tChỉ tiêu\tNăm 2023\tKH 2024\tNăm 2024\n1\tSố trường\t20\t22\t23\n"
        let table = try read(text)
        #expect(table.units == ["PHÒNG GD&ĐT HUYỆN BA TRI"])
        #expect(table.rows.map(\.year) == [2023, 2024])
        // Near miss: a title whose dash is followed by no unit's name gives none.
        #expect(FileReader.unit(inTitles: ["BÁO CÁO - NĂM 2024"]) == nil)
        // Else the file's own name, its year left out; a file named for no unit gives none.
        #expect(FileReader.unit(inTitles: ["BÁO CÁO CHỈ TIÊU"], fileName: "/x/Phòng GD&ĐT Ba Tri 2024.csv")?.0 == "Phòng GD&ĐT Ba Tri")
        #expect(FileReader.unit(inTitles: [], fileName: "/x/ketqua-2024.csv") == nil)
    }
}
