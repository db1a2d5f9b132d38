import Foundation
import Testing
import TongKet

/// What is compared with what, read by the real binary from files written as the offices write them: the agency's own
/// rows, items within items, units merged, the form's own cùng kỳ, negative figures — and the catalogue over each rule.
struct ComparisonsTests {
    static let figures = TargetsTests.figures

    /// A tax department's revenue, its own rows only: the province's figures, in the office's order, each item under its
    /// whole; a refund "(300)" the year before leaves its change without a percent.
    static let revenue = """
        CỤC THUẾ TỈNH ĐỒNG THÁP
        BÁO CÁO KẾT QUẢ THU NGÂN SÁCH NHÀ NƯỚC NĂM 2024
        Nội dung,Dự toán năm 2024,Cùng kỳ năm 2023,Thực hiện năm 2024
        TỔNG THU NSNN (A+B),10000,9800,10500
        A. Thu nội địa,9000,8900,9400
        1. Thu từ DNNN,4000,3900,4200
        1.1 DNNN trung ương,3000,2900,3100
        1.2 DNNN địa phương,1000,1000,1100
        2. Thu từ khu vực ngoài quốc doanh,5000,5000,5200
        Trong đó:,,,
        - Thuế GTGT,,2900,3000
        B. Thu từ hoạt động xuất nhập khẩu,1000,900,1100
        C. Hoàn thuế GTGT,,(300),500

        """

    @Test func theAgencysOwnSheetIsTheProvinceWithItsItemsUnderTheirWholes() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.revenue, to: "thu-nsnn-2024.csv", in: folder)
        let rows = try Self.figures([file, "--year", "2024"])
        #expect(!rows.keys.contains { !$0.hasPrefix("|") }, "no unit: \(rows.keys.sorted())")
        #expect(rows["|Thu nội địa|2024"]?["parent"] == "TỔNG THU NSNN (A+B)")
        #expect(rows["|DNNN trung ương|2024"]?["parent"] == "Thu từ DNNN")
        #expect(rows["|Thuế GTGT|2024"]?["parent"] == "Thu từ khu vực ngoài quốc doanh")
        #expect(rows["|Thu từ hoạt động xuất nhập khẩu|2024"]?["parent"] == "TỔNG THU NSNN (A+B)")
        #expect(rows["|TỔNG THU NSNN (A+B)|2024"]?["parent"] == "")
        #expect(rows["|TỔNG THU NSNN (A+B)|2024"]?["previous_actual"] == "9800")
        // A base below zero: the change stands, its percent does not.
        let refund = try #require(rows["|Hoàn thuế GTGT|2024"])
        #expect(refund["previous_actual"] == "-300" && refund["yoy_delta"] == "800" && refund["yoy_pct"] == "")
        let summary = try CLI.run(["summary", file, "--lang", "vi"])
        #expect(summary.status == 0, "\(summary.stderr)")
        // The scorecard counts the top level once: not "đạt 6/6", which counts one figure with its parts.
        #expect(summary.stdout.contains("đạt 1/1 chỉ tiêu"), "\(summary.stdout)")
        #expect(summary.stdout.contains("không so sánh được"))
        // The office's order, each part indented under its whole.
        let lines = summary.stdout.split(separator: "\n").map(String.init)
        let order = ["TỔNG THU", "  Thu nội địa", "    Thu từ DNNN", "      DNNN trung ương", "      DNNN địa phương"]
        let found = order.compactMap { part in lines.firstIndex { $0.hasPrefix("  " + part) } }
        #expect(found.count == order.count && found == found.sorted(), "\(summary.stdout)")
    }

    @Test func aWholeItsItemsDoNotAddUpToIsAFinding() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.revenue.replacingOccurrences(of: "B. Thu từ hoạt động xuất nhập khẩu,1000,900,1100",
                                                                with: "B. Thu từ hoạt động xuất nhập khẩu,1000,900,1000"),
                             to: "thu-nsnn-2024.csv", in: folder)
        let check = try CLI.run(["check", file, "--lang", "en"])
        #expect(check.stdout.contains("Wholes that their items do not add up to (1)"), "\(check.stdout)")
        #expect(check.stdout.contains("\"TỔNG THU NSNN (A+B)\" is 10500, but its items \"Thu nội địa\" + "
                                      + "\"Thu từ hoạt động xuất nhập khẩu\" add up to 10400"))
        // "Trong đó" parts need not add up: no word on them.
        #expect(!check.stdout.contains("\"Thu từ khu vực ngoài quốc doanh\" is"))
    }

    @Test func theCatalogueSaysWhatAnItemIsPartOfAndWhatCounts() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.revenue, to: "thu-nsnn-2024.csv", in: folder)
        let catalogue = try write("""
            loại,tên,thuộc,tính vào bảng điểm
            chỉ tiêu,Thu nội địa,không,có
            chỉ tiêu,Thu từ hoạt động xuất nhập khẩu,,có

            """, to: "danh-muc.csv", in: folder)
        let rows = try Self.figures([file, "--catalogue", catalogue, "--year", "2024"])
        #expect(rows["|Thu nội địa|2024"]?["parent"] == "")
        #expect(rows["|Thu từ DNNN|2024"]?["parent"] == "Thu nội địa")
        let summary = try CLI.run(["summary", file, "--catalogue", catalogue, "--lang", "vi"])
        // The two tops and the one item the catalogue counts.
        #expect(summary.stdout.contains("đạt 3/3 chỉ tiêu"), "\(summary.stdout)")
    }

    /// Last year's file of four Chi cục, this year's of three: "khu vực Tam Nông – Thanh Bình" holds two that ended.
    static let before = """
        Năm,Đơn vị,Chỉ tiêu,Đơn vị tính,KH,TH
        2024,Chi cục Thuế huyện Tam Nông,Thu NSNN,triệu đồng,100,110
        2024,Chi cục Thuế huyện Thanh Bình,Thu NSNN,triệu đồng,200,190
        2024,Chi cục Thuế huyện Cao Lãnh,Thu NSNN,triệu đồng,300,320
        2024,Chi cục Thuế huyện Lấp Vò,Thu NSNN,triệu đồng,400,380

        """
    static let after = """
        Năm,Đơn vị,Chỉ tiêu,Đơn vị tính,KH,TH
        2025,Chi cục Thuế khu vực Tam Nông – Thanh Bình,Thu NSNN,triệu đồng,320,330
        2025,Chi cục Thuế huyện Cao Lãnh,Thu NSNN,triệu đồng,330,340
        2025,Chi cục Thuế huyện Lấp Vò,Thu NSNN,triệu đồng,400,410

        """

    @Test func aMergedUnitIsComparedWithItsPredecessorsTogether() throws {
        let folder = try temporaryFolder()
        let files = [try write(Self.before, to: "thu-2024.csv", in: folder), try write(Self.after, to: "thu-2025.csv", in: folder)]
        let rows = try Self.figures(files)
        let merged = try #require(rows["Chi cục Thuế khu vực Tam Nông – Thanh Bình|Thu NSNN|2025"])
        #expect(merged["previous_actual"] == "300" && merged["flags"] == "merger")
        // The province's year before counts every Chi cục once.
        #expect(rows["|Thu NSNN|2025"]?["previous_actual"] == "1000")
        let check = try CLI.run(["check"] + files + ["--lang", "en"])
        #expect(check.stdout.contains("Units merged or split (1)"))
        #expect(check.stdout.contains("\"Chi cục Thuế huyện Tam Nông\", "
                                      + "\"Chi cục Thuế huyện Thanh Bình\" merged into it from 2025"))
        // The analyst says it is no merger: no comparison, no word.
        let catalogue = try write("loại,tên,sáp nhập từ\nđơn vị,Chi cục Thuế khu vực Tam Nông – Thanh Bình,không\n",
                                  to: "dm.csv", in: folder)
        let refused = try Self.figures(files + ["--catalogue", catalogue])
        #expect(refused["Chi cục Thuế khu vực Tam Nông – Thanh Bình|Thu NSNN|2025"]?["previous_actual"] == "")
    }

    @Test func theCatalogueStatesAMergerTheNamesDoNotShow() throws {
        let folder = try temporaryFolder()
        let after = Self.after.replacingOccurrences(of: "khu vực Tam Nông – Thanh Bình", with: "khu vực số 1")
        let files = [try write(Self.before, to: "thu-2024.csv", in: folder), try write(after, to: "thu-2025.csv", in: folder)]
        #expect(try Self.figures(files)["Chi cục Thuế khu vực số 1|Thu NSNN|2025"]?["previous_actual"] == "")
        let catalogue = try write("""
            loại,tên,sáp nhập từ
            đơn vị,Chi cục Thuế khu vực số 1,Chi cục Thuế huyện Tam Nông; Chi cục Thuế huyện Thanh Bình (2025)

            """, to: "dm.csv", in: folder)
        let rows = try Self.figures(files + ["--catalogue", catalogue])
        #expect(rows["Chi cục Thuế khu vực số 1|Thu NSNN|2025"]?["previous_actual"] == "300")
    }

    /// A police's 2024 file, and its 2025 form whose "(*)" unit took in Kiên Hải: the form's cùng kỳ (70) is the office's
    /// comparison, last year's file's 63 stays 2024's own; both cells are said.
    @Test func theFormsOwnCungKyWinsAndADisagreementIsSaidAtBothCells() throws {
        let folder = try temporaryFolder()
        let files = [
            try write("""
                CÔNG AN TỈNH KIÊN GIANG
                BÁO CÁO KẾT QUẢ CÔNG TÁC NĂM 2024
                STT,Đơn vị,Số vụ phạm pháp hình sự
                1,Công an TP Rạch Giá,63
                2,Công an huyện Kiên Hải,7
                3,Công an huyện Châu Thành,40

                """, to: "ca-2024.csv", in: folder),
            try write("""
                CÔNG AN TỈNH KIÊN GIANG
                BÁO CÁO KẾT QUẢ CÔNG TÁC NĂM 2025
                STT,Đơn vị,Số vụ phạm pháp hình sự,,
                ,,Cùng kỳ 2024,Năm 2025,So sánh (+/-)
                1,Công an TP Rạch Giá (*),70,72,2
                2,Công an huyện Châu Thành,40,45,5
                (*) Sáp nhập Công an huyện Kiên Hải từ 01/3/2025,,,,

                """, to: "ca-2025.csv", in: folder),
        ]
        let rows = try Self.figures(files)
        let merged = try #require(rows.first { $0.key.hasPrefix("Công an TP Rạch Giá") && $0.key.hasSuffix("|2025") }?.value)
        #expect(merged["previous_actual"] == "70" && merged["flags"] == "cung-ky", "\(merged)")
        #expect(rows.first { $0.key.hasPrefix("Công an TP Rạch Giá") && $0.key.hasSuffix("|2024") }?.value["actual"] == "63")
        #expect(rows.first { $0.key.hasPrefix("|") && $0.key.hasSuffix("|2025") }?.value["previous_actual"] == "110")
        let check = try CLI.run(["check"] + files + ["--lang", "en"])
        #expect(check.stdout.contains("A form's cùng kỳ that differs from that period's own figure (2)"), "\(check.stdout)")
        #expect(check.stdout.contains("ca-2025.csv:5: warning: the form's cùng kỳ 2024 here is 70, but"))
        #expect(check.stdout.contains("ca-2024.csv:4: warning: 63 here differs from the cùng kỳ"))
        #expect(check.stdout.contains("\"Công an huyện Kiên Hải\" merged into it from 2025 "
                                      + "(the note under the form's table names them)"))
    }

    /// The agency's own row among its Chi cục is the province's, never ranked.
    @Test func theAgencysRowAmongItsUnitsIsNoUnit() throws {
        let folder = try temporaryFolder()
        let file = try write(TargetsTests.taxForm.replacingOccurrences(
            of: "3,Chi cục Thuế huyện Lai Vung,Tổng thu NSNN,triệu đồng,500,520,480",
            with: "3,Chi cục Thuế huyện Lai Vung,Tổng thu NSNN,triệu đồng,500,520,480\n"
                + ",Cục Thuế tỉnh Đồng Tháp,Tổng thu NSNN,triệu đồng,2300,2520,2480"),
                             to: "thu-2024.csv", in: folder)
        let rows = try Self.figures([file])
        #expect(rows["Cục Thuế tỉnh Đồng Tháp|Tổng thu NSNN|2024"] == nil)
        #expect(rows["|Tổng thu NSNN|2024"]?["actual"] == "2480" && rows["|Tổng thu NSNN|2024"]?["flags"] == "published")
        let check = try CLI.run(["check", file, "--lang", "en"])
        #expect(check.stdout.contains("\"Cục Thuế tỉnh Đồng Tháp\" is the agency itself"))
    }
}
