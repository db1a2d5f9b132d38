import Testing
import TongKetData

/// Layouts the generated offices found on fresh seeds, each cut down to the one piece of evidence
/// that decides it: what a careful reader takes from the sheet beside the figures.
struct TableUnderstandingTests {
    /// unit|indicator|year|target|actual of every row.
    private func facts(_ table: IndicatorTable) -> [String] {
        table.rows.map { row in
            let target = row.target.map { "\($0)" } ?? "-"
            return "\(table.units[Int(row.unit)])|\(table.indicators[Int(row.indicator)])|\(row.year)|\(target)|\(row.actual)"
        }
    }

    @Test func theIssuingBodyUnderItsParentIsTheUnit() throws {
        let text = """
        TÒA ÁN NHÂN DÂN TỈNH QUẢNG NGÃI;;CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM;
        TAND HUYỆN MỘ ĐỨC;;Độc lập - Tự do - Hạnh phúc;
        BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2023;;;
        Chỉ tiêu;KH;TH;
        Số vụ án đã xét xử;30;36;
        """
        #expect(try facts(read(text)) == ["TAND HUYỆN MỘ ĐỨC|Số vụ án đã xét xử|2023|30.0|36.0"])
    }

    @Test func aProvinceBodyUnderItsMinistryIsTheProvince() throws {
        let text = """
        TỔNG CỤC THUẾ;;
        CỤC THUẾ TỈNH ĐỒNG THÁP;;
        BÁO CÁO KẾT QUẢ THU NĂM 2023;;
        Chỉ tiêu;Dự toán;Thực hiện
        Tổng thu;100;104
        """
        #expect(try facts(read(text)) == ["Toàn tỉnh|Tổng thu|2023|100.0|104.0"])
    }

    @Test func aNumberingRowUnderUnitsAsColumnsIsNoRowOfNames() throws {
        let text = """
        Năm;Chỉ tiêu;Phòng 1;;Phòng 2;
        ;;KH;TH;KH;TH
        (1);(2);(3);(4);(5);(6)
        2023;Số vụ;;12;20;18
        (tiếp theo);;;;;
        Năm;Chỉ tiêu;Phòng 1;;Phòng 2;
        ;;KH;TH;KH;TH
        (1);(2);(3);(4);(5);(6)
        2023;Số bị can;5;6;7;7
        """
        #expect(try facts(read(text)).sorted() == ["Phòng 1|Số bị can|2023|5.0|6.0", "Phòng 1|Số vụ|2023|-|12.0",
                                                   "Phòng 2|Số bị can|2023|7.0|7.0", "Phòng 2|Số vụ|2023|20.0|18.0"])
    }

    @Test func twoGroupHeadingsSideBySideAreTheColumnsGroupsAndATotalColumnEndsThem() throws {
        let text = """
        Năm;Chỉ tiêu;Kết quả thực hiện;;;;
        ;;I. KHỐI CẤP TỈNH;;II. KHỐI CẤP HUYỆN;;Tổng cộng toàn tỉnh;
        ;;Phòng 1;;Chi cục huyện A;;;
        ;;KH;TH;KH;TH;KH;TH
        2023;Số việc thụ lý;;205;;965;;1170
        """
        let table = try read(text)
        // The total's columns are its own, not more of the last unit's.
        #expect(facts(table).sorted() == ["Chi cục huyện A|Số việc thụ lý|2023|-|965.0",
                                          "Phòng 1|Số việc thụ lý|2023|-|205.0",
                                          "Tổng cộng toàn tỉnh|Số việc thụ lý|2023|-|1170.0"])
    }

    @Test func anOfficesCungKyColumnNamesTheYearAndTellsHowNumbersAreWritten() throws {
        // "7.517" alone could be English; "91,31%" beside it in the cùng kỳ column is Vietnamese.
        let text = """
        BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU;;;
        Đơn vị;Chỉ tiêu;Cùng kỳ năm 2022;Kỳ này
        Trung tâm Y tế huyện Chợ Lách;Tỷ lệ hài lòng của người bệnh;91,31%;-
        Trung tâm Y tế huyện Chợ Lách;Số lượt điều trị nội trú;6.633;7.517
        """
        // The office's cùng kỳ is the year before's figure, the rate's too (this year's is left out, "-").
        #expect(try facts(read(text)) == ["Trung tâm Y tế huyện Chợ Lách|Số lượt điều trị nội trú|2022|-|6633.0",
                                          "Trung tâm Y tế huyện Chợ Lách|Số lượt điều trị nội trú|2023|-|7517.0",
                                          "Trung tâm Y tế huyện Chợ Lách|Tỷ lệ hài lòng của người bệnh|2022|-|91.31"])
    }

    @Test func aBlankHeadedColumnOfOnePeriodIsEveryRowsPeriod() throws {
        let text = """
        ;Đơn vị;Chỉ tiêu;KH năm;Thực hiện
        6 tháng đầu năm 2024;Phòng 8;Số bị can thụ lý;;95
        6 tháng đầu năm 2024;Phòng 8;Tỷ lệ truy tố đúng thời hạn;100,0;98,6
        """
        let table = try read(text, name: "Biểu tổng hợp 2024.csv")
        #expect(table.rows.count == 2)
        #expect(table.rows.allSatisfy { table.periods[Int($0.period)] != .wholeYear && $0.year == 2024 })
    }

    @Test func aHeadingThatNamesNoUnitIsAnAreaOfWorkNotAUnit() throws {
        let text = """
        BÁO CÁO KẾT QUẢ NĂM 2023;;
        Chỉ tiêu;KH;TH
        Lĩnh vực trật tự;;
        Số vụ tai nạn giao thông;;40
        Số người chết;30;25
        """
        let table = try read(text)
        // No unit anywhere: the agency's own figures, "Lĩnh vực trật tự" their area of work.
        #expect(facts(table).sorted() == ["Toàn tỉnh|Số người chết|2023|30.0|25.0",
                                          "Toàn tỉnh|Số vụ tai nạn giao thông|2023|-|40.0"])
    }

    @Test func theDateLineIsTheReviewsDateAndTheSectionHeadingsItsAreasOfWork() throws {
        let text = """
        VIỆN KIỂM SÁT NHÂN DÂN TỈNH HẬU GIANG;;CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM;
        ;;Hậu Giang, ngày 05 tháng 12 năm 2023;
        BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2023;;;
        STT;Chỉ tiêu;KH;TH
        I;CÔNG TÁC KIỂM SÁT ĐIỀU TRA;;
        1;Số vụ án đã truy tố;40;42
        2;Số bị can đã truy tố;60;58
        II;CÔNG TÁC KIỂM SÁT XÉT XỬ;;
        1;Số vụ xét xử phúc thẩm;30;31
        """
        let table = try read(text)
        #expect(table.issued == "2023-12-05")
        // The form's headings over its rows are the review's areas of work, as a page's title writes them.
        let interpretation = try Interpretation(table)
        func field(_ name: String) -> String? {
            interpretation.table.indicators.firstIndex(of: name).flatMap { interpretation.indicators[$0].field }
        }
        #expect(field("Số bị can đã truy tố") == "Công tác kiểm sát điều tra")
        #expect(field("Số vụ xét xử phúc thẩm") == "Công tác kiểm sát xét xử")
        // A day or month left as dots is no date; nor are the bounds of the period.
        #expect(try read(text.replacingOccurrences(of: "ngày 05", with: "ngày ....")).issued == nil)
        #expect(try read(text.replacingOccurrences(of: "Hậu Giang, ngày", with: "(Số liệu tính đến ngày")).issued == nil)
    }

    @Test func theReportsOwnDateIsNeverTheYearOfItsFigures() throws {
        let text = """
        UBND TỈNH VĨNH LONG;;;
        Vĩnh Long, ngày 14 tháng 01 năm 2025;;;
        Đơn vị;Chỉ tiêu;Kế hoạch;Thực hiện
        Phòng Kinh tế;Số xã đạt chuẩn nông thôn mới;5;6
        """
        #expect(try read(text, name: "KPI_export 2024.csv").rows.map(\.year) == [2024])
    }
}
