import Foundation
import Testing
import TongKet

/// What counts as met when a form states more than one target, a target against cùng kỳ, or none:
/// read by the real binary from files written as the offices write them.
struct TargetsTests {
    /// A tax department's form: the Ministry's "Dự toán pháp lệnh" and the council's higher "Dự toán HĐND tỉnh giao".
    static let taxForm = """
        CỤC THUẾ TỈNH ĐỒNG THÁP
        BÁO CÁO KẾT QUẢ THU NGÂN SÁCH NĂM 2024
        STT,Đơn vị,Chỉ tiêu,Đơn vị tính,Dự toán pháp lệnh,Dự toán HĐND tỉnh giao,Thực hiện năm 2024
        1,Chi cục Thuế TP Cao Lãnh,Tổng thu NSNN,triệu đồng,1000,1100,1050
        2,Chi cục Thuế TP Sa Đéc,Tổng thu NSNN,triệu đồng,800,900,950
        3,Chi cục Thuế huyện Lai Vung,Tổng thu NSNN,triệu đồng,500,520,480

        """

    /// metrics.csv's rows by (unit, indicator), each as a column → cell map.
    static func figures(_ arguments: [String]) throws -> [String: [String: String]] {
        let result = try CLI.run(["summary"] + arguments + ["--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { CSVLine.cells(String($0), delimiter: ",") }
        let header = lines[0].map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
        var out: [String: [String: String]] = [:]
        for cells in lines.dropFirst() {
            let row = Dictionary(uniqueKeysWithValues: zip(header, cells))
            out["\(row["unit"] ?? "")|\(row["indicator"] ?? "")|\(row["year"] ?? "")"] = row
        }
        return out
    }

    /// The pack's summary.vi.md: what the review says, in its words.
    static func summary(_ file: String, in folder: URL) throws -> String {
        let out = folder.appendingPathComponent("out")
        #expect(try CLI.run(["report", file, "--out", out.path, "--formats", "svg", "--no-office"]).status == 0)
        let files = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? []
        let name = try #require(files.first { $0.hasSuffix("summary.vi.md") })
        return try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func everyTargetIsKeptWithItsNameAndTheFirstIsTheHeadline() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.taxForm, to: "thu-ngan-sach.csv", in: folder)
        let rows = try Self.figures([file])
        let laiVung = try #require(rows["Chi cục Thuế huyện Lai Vung|Tổng thu NSNN|2024"])
        #expect(laiVung["target"] == "500" && laiVung["status"] == "not_met")
        #expect(laiVung["targets"] == "Dự toán pháp lệnh=500 | Dự toán HĐND tỉnh giao=520")
        // Met against the Ministry's, missed against the council's: the province as the office adds it up.
        let province = try #require(rows["|Tổng thu NSNN|2024"])
        #expect(province["target"] == "2300" && province["status"] == "met")
        #expect(province["targets"] == "Dự toán pháp lệnh=2300 | Dự toán HĐND tỉnh giao=2520")

        let json = try CLI.run(["summary", file, "--format", "json"])
        let figures = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [[String: Any]])
        let total = try #require(figures.first { $0["scope"] as? String == "province" })
        let targets = try #require(total["targets"] as? [[String: Any]])
        #expect(targets.map { $0["status"] as? String } == ["met", "not_met"])
        #expect(targets.map { $0["headline"] as? Bool } == [true, false])

        // `check` says which is the headline and why.
        let check = try CLI.run(["check", file])
        #expect((check.stdout + check.stderr).contains("\"Dự toán pháp lệnh\" (E) is the headline"))
        #expect((check.stdout + check.stderr).contains("targets: Dự toán pháp lệnh (headline), Dự toán HĐND tỉnh giao"))
    }

    @Test func theCataloguesMainTargetTakesTheHeadline() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.taxForm, to: "thu-ngan-sach.csv", in: folder)
        let catalogue = try write("loại,tên,kế hoạch chính\nchỉ tiêu,Tổng thu NSNN,Dự toán HĐND tỉnh giao\n",
                                  to: "danh-muc.csv", in: folder)
        let province = try #require(try Self.figures([file, "--catalogue", catalogue])["|Tổng thu NSNN|2024"])
        #expect(province["target"] == "2520" && province["status"] == "not_met")
        #expect(province["targets"] == "Dự toán HĐND tỉnh giao=2520 | Dự toán pháp lệnh=2300")
        // A name no file states is said, with the names they do.
        let wrong = try write("loại,tên,kế hoạch chính\nchỉ tiêu,Tổng thu NSNN,Dự toán Bộ giao\n",
                              to: "sai.csv", in: folder)
        let check = try CLI.run(["check", file, "--catalogue", wrong])
        #expect((check.stdout + check.stderr).contains("no file states a target of that name"))
    }

    /// The review says the council's target missed though the Ministry's was met, in the target's own name.
    @Test func aMissAgainstAnotherTargetIsATonTai() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.taxForm, to: "thu-ngan-sach.csv", in: folder)
        let summary = try Self.summary(file, in: folder)
        #expect(summary.contains("Chưa đạt theo kế hoạch khác được giao:"))
        #expect(summary.contains("Toàn tỉnh — Tổng thu NSNN: đạt 98,4 % Dự toán HĐND tỉnh giao "
                                 + "(2.480/2.520 triệu đồng), không đạt."))
    }

    /// metrics.xlsx gives each target beside the headline a column pair: its value and its verdict.
    @Test func theWorkbookHasAColumnPairPerTarget() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.taxForm, to: "thu-ngan-sach.csv", in: folder)
        let out = folder.appendingPathComponent("out")
        #expect(try CLI.run(["report", file, "--out", out.path, "--formats", "svg"]).status == 0)
        let files = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? []
        let workbook = out.appendingPathComponent(try #require(files.first { $0.hasSuffix("metrics.xlsx") })).path
        let sheet = try Process.run("/usr/bin/env", ["python3", "-c",
            "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet2.xml').decode())", workbook])
        #expect(sheet.status == 0)
        let xml = sheet.stdout
        #expect(xml.contains(">Dự toán HĐND tỉnh giao<") && xml.contains(">Dự toán HĐND tỉnh giao: đánh giá<"))
        // The province met the Ministry's target (2.300) and missed the council's (2.520).
        #expect(xml.contains("<v>2520</v>") && xml.contains(">không đạt<"))
        #expect(xml.contains("<autoFilter ref=\"A1:P"))
    }

    /// A police's half-year form: "Kéo giảm ít nhất 5% so với cùng kỳ" in the target cells, judged per unit
    /// and for the province from each one's cùng kỳ; fires with no target judged by their change.
    @Test func aTargetAgainstCungKyIsResolvedFromEachFiguresPreviousValue() throws {
        let folder = try temporaryFolder()
        let file = try write("""
            CÔNG AN TỈNH KIÊN GIANG
            BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2025
            STT,Đơn vị,Chỉ tiêu,Năm,Kế hoạch,Thực hiện
            1,Công an TP Rạch Giá,Số vụ tai nạn giao thông,2024,,40
            2,Công an TP Rạch Giá,Số vụ tai nạn giao thông,2025,Kéo giảm ít nhất 5% so với cùng kỳ,36
            3,Công an huyện Châu Thành,Số vụ tai nạn giao thông,2024,,20
            4,Công an huyện Châu Thành,Số vụ tai nạn giao thông,2025,Kéo giảm ít nhất 5% so với cùng kỳ,20
            5,Công an huyện Kiên Hải,Số vụ tai nạn giao thông,2025,Kéo giảm ít nhất 5% so với cùng kỳ,3
            6,Công an TP Rạch Giá,Tỷ lệ điều tra khám phá án hình sự,2025,≥ 75%,"80,5"

            """, to: "so-ket.csv", in: folder)
        let rows = try Self.figures([file])
        let rachGia = try #require(rows["Công an TP Rạch Giá|Số vụ tai nạn giao thông|2025"])
        #expect(rachGia["direction"] == "lower" && rachGia["target"] == "38" && rachGia["status"] == "met")
        let chauThanh = try #require(rows["Công an huyện Châu Thành|Số vụ tai nạn giao thông|2025"])
        #expect(chauThanh["target"] == "19" && chauThanh["status"] == "not_met")
        // No cùng kỳ: nothing to judge against.
        let kienHai = try #require(rows["Công an huyện Kiên Hải|Số vụ tai nạn giao thông|2025"])
        #expect(kienHai["target"] == "" && kienHai["status"] == "undefined")
        // A rate's threshold on a half-year form judges the half-year.
        #expect(rows["Công an TP Rạch Giá|Tỷ lệ điều tra khám phá án hình sự|2025"]?["status"] == "met")
        // `check` says what each indicator is judged by.
        let check = try CLI.run(["check", file])
        #expect((check.stdout + check.stderr).contains("a goal against last year (\u{2013}5%)"))
        // Said in the target's own terms, the resolved value second.
        let summary = try Self.summary(file, in: folder)
        #expect(summary.contains("### Công an huyện Châu Thành\n\n- Số vụ tai nạn giao thông: 20, bằng cùng kỳ; "
                                 + "không đạt mục tiêu giảm ít nhất 5 % so với cùng kỳ (không quá 19)."))
        // A unit set up this year: no cùng kỳ to judge the goal by, and said.
        #expect(summary.contains("- Số vụ tai nạn giao thông: 3; "
                                 + "chưa có số cùng kỳ để đánh giá mục tiêu giảm ít nhất 5 % so với cùng kỳ."))
    }

    /// The catalogue states what the form does not: a target against cùng kỳ for every unit and the province,
    /// and which counts are not judged by their change.
    @Test func theCatalogueStatesATargetAgainstCungKyAndTurnsChangeJudgementOff() throws {
        let folder = try temporaryFolder()
        let file = try write("""
            Năm,Đơn vị,Chỉ tiêu,Kế hoạch,Thực hiện
            2023,Công an TP Rạch Giá,Số vụ cháy,,10
            2024,Công an TP Rạch Giá,Số vụ cháy,,9
            2023,Công an TP Rạch Giá,Số vụ tai nạn giao thông,,40
            2024,Công an TP Rạch Giá,Số vụ tai nạn giao thông,,44

            """, to: "ca.csv", in: folder)
        let before = try Self.figures([file])
        #expect(before["Công an TP Rạch Giá|Số vụ tai nạn giao thông|2024"]?["change_status"] == "worse")
        let catalogue = try write("""
            loại,tên,KH so với cùng kỳ,đánh giá theo cùng kỳ
            chỉ tiêu,Số vụ cháy,-5 %,
            chỉ tiêu,Số vụ tai nạn giao thông,,không

            """, to: "danh-muc.csv", in: folder)
        let rows = try Self.figures([file, "--catalogue", catalogue])
        let fires = try #require(rows["Công an TP Rạch Giá|Số vụ cháy|2024"])
        #expect(fires["direction"] == "lower" && fires["target"] == "9.5" && fires["status"] == "met")
        #expect(rows["|Số vụ cháy|2024"]?["target"] == "9.5")
        #expect(rows["Công an TP Rạch Giá|Số vụ tai nạn giao thông|2024"]?["change_status"] == "undefined")
        let wrong = try write("loại,tên,KH so với cùng kỳ\nchỉ tiêu,Số vụ cháy,giảm nhiều\n", to: "sai.csv", in: folder)
        let check = try CLI.run(["check", file, "--catalogue", wrong])
        #expect(check.status != 0 && (check.stdout + check.stderr).contains("\"giảm nhiều\" in column \"KH so với cùng kỳ\""))
    }

    /// On a half-year form, "KH năm" beside "KH 6 tháng" stays the year's target (progress); the period's own judges
    /// the half-year, though the form lists the year's first.
    @Test func theYearsTargetBesideThePeriodsOwnStaysTheYears() throws {
        let folder = try temporaryFolder()
        let file = try write("""
            BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2025
            Đơn vị,Chỉ tiêu,KH năm,KH 6 tháng,TH 6 tháng
            Công an TP Rạch Giá,Số đối tượng truy nã bị bắt,40,20,18
            Công an huyện Châu Thành,Số đối tượng truy nã bị bắt,30,15,16

            """, to: "so-ket.csv", in: folder)
        let result = try CLI.run(["summary", file, "--format", "json"])
        let figures = try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [[String: Any]])
        let rachGia = try #require(figures.first { $0["unit"] as? String == "Công an TP Rạch Giá" })
        // The headline is the year's, its completion progress; the period's own is missed.
        #expect(rachGia["target"] as? Double == 40 && rachGia["status"] as? String == "undefined")
        let targets = try #require(rachGia["targets"] as? [[String: Any]])
        #expect(targets.map { $0["name"] as? String } == ["KH năm", "KH 6 tháng"])
        #expect(targets.map { $0["status"] as? String } == ["undefined", "not_met"])
    }
}
