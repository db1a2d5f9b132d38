import Foundation
import Testing
import TongKet

/// Sơ kết as well as tổng kết: a police department's half-year and whole-year files for three
/// years (`tongket-stress offices`, cong-an/), read together by the real binary — each period's
/// figures against the same period a year before, a half-year's count against the year's target
/// as progress, the outputs named for the period.
@Suite(.serialized) struct PeriodReviewTests {
    static var files: [String] {
        let folder = OfficeFormsTests.folder.appendingPathComponent("cong-an")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map { folder.appendingPathComponent($0).path }
    }

    struct Figure: Hashable, CustomStringConvertible {
        var year, period, indicator, target, actual, status, previous: String
        var description: String { "\(year) \(period) \(indicator): KH \(target) TH \(actual) \(status) (cùng kỳ \(previous))" }
    }

    static func rounded(_ text: String) -> String { Double(text).map { String(format: "%.4g", $0) } ?? text }

    @Test func everyPeriodsProvinceFiguresAreTheHandComputedOnes() throws {
        #expect(Self.files.count == 6)
        let truthText = try String(contentsOf: OfficeFormsTests.folder.appendingPathComponent("truth-periods.csv"), encoding: .utf8)
        let truth = Set(truthText.split(separator: "\n").dropFirst().map { CSVLine.cells(String($0), delimiter: ",") }.map {
            Figure(year: $0[0], period: $0[1], indicator: $0[2], target: Self.rounded($0[3]), actual: Self.rounded($0[4]), status: $0[5], previous: Self.rounded($0[6]))
        })
        #expect(truth.count == 18)
        // Without --period or --year: every year of every period.
        let result = try CLI.run(["summary"] + Self.files + ["--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let got = Set(result.stdout.split(separator: "\n").dropFirst().map { CSVLine.cells(String($0), delimiter: ",") }.filter { $0[0] == "province" }.map {
            Figure(year: $0[1], period: $0[2], indicator: $0[4], target: Self.rounded($0[8]), actual: Self.rounded($0[9]),
                   status: $0[11], previous: Self.rounded($0[13]))
        })
        #expect(got.subtracting(truth).isEmpty, "given but not in the truth: \(got.subtracting(truth).sorted { $0.description < $1.description })")
        #expect(truth.subtracting(got).isEmpty, "in the truth but not given: \(truth.subtracting(got).sorted { $0.description < $1.description })")
    }

    @Test func theWholeYearReviewOfTheSameFilesIsUnchanged() throws {
        let whole = try CLI.run(["summary"] + Self.files.filter { $0.contains("tong-ket") } + ["--format", "csv", "--year", "2024"])
        let both = try CLI.run(["summary"] + Self.files + ["--format", "csv", "--year", "2024"])
        #expect(whole.status == 0 && both.status == 0)
        // The latest period of 2024 is the whole year; its figures are those of the whole-year files alone.
        #expect(both.stdout == whole.stdout)
    }

    @Test func aHalfYearPackIsNamedAndWordedForItsPeriod() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-periods-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["report"] + Self.files + ["--period", "6-thang", "--out", out.path, "--lang", "vi", "--date", "2024-07-10"])
        #expect(result.status == 0, "\(result.stderr)")
        let pack = try #require(FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String }.first { $0.hasSuffix("2024-6-thang") })
        // Files whose names share nothing ("so-ket-…", "tong-ket-…") name the pack for their folder.
        #expect(pack == "cong-an/2024-6-thang")
        let folder = out.appendingPathComponent(pack)
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.vi.md"), encoding: .utf8)
        #expect(summary.hasPrefix("# Sơ kết 6 tháng đầu năm 2024"))
        #expect(summary.contains("so với cùng kỳ") && summary.contains("kế hoạch năm"))
        // A half-year's ceiling within the year's limit is not "đạt": only within it so far.
        #expect(summary.contains("trong giới hạn (trần năm"))
        let deck = try Process.output("/usr/bin/pdftotext", ["-f", "1", "-l", "2", folder.appendingPathComponent("deck.pdf").path, "-"])
        let text = deck.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Sơ kết 6 tháng đầu năm 2024"))
        #expect(text.contains("Kết quả nổi bật toàn tỉnh 6 tháng đầu năm 2024") && text.contains("So với cùng kỳ năm 2023"))
    }

    @Test func aPeriodTheFilesDoNotHoldIsAUsageErrorNamingThoseTheyDo() throws {
        let result = try CLI.run(["summary"] + Self.files + ["--period", "quy-3", "--lang", "en"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no figures for \"quý III\"") && result.stderr.contains("6 tháng đầu năm, cả năm"), "\(result.stderr)")
        let nonsense = try CLI.run(["summary"] + Self.files + ["--period", "nửa cuối", "--lang", "en"])
        #expect(nonsense.status == 64)
    }

    @Test func schoolYearsAndAProcuracysYearAreShownAsTheFilesStateThem() throws {
        let school = try CLI.run(["summary", OfficeFormsTests.folder.appendingPathComponent("giao-duc/phong-gddt-ba-tri.txt").path, "--lang", "vi"])
        #expect(school.stdout.hasPrefix("Kết quả năm học 2023–2024, so với năm học 2022–2023"), "\(school.stdout.prefix(120))")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-span-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let form = OfficeFormsTests.folder.appendingPathComponent("vien-kiem-sat/Bieu tong hop chi tieu 2024.xlsx").path
        let pack = try CLI.run(["report", form, "--out", out.path, "--no-office", "--charts", "kpi", "--lang", "vi", "--date", "2024-12-10"])
        #expect(pack.status == 0, "\(pack.stderr)")
        let folder = out.appendingPathComponent("bieu-tong-hop-chi-tieu/2024")
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.vi.md"), encoding: .utf8)
        #expect(summary.contains("Kỳ báo cáo: 01/12/2023 – 30/11/2024."))
        let title = try Process.output("/usr/bin/pdftotext", ["-f", "1", "-l", "1", folder.appendingPathComponent("deck.pdf").path, "-"])
        #expect(title.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("Năm 2024 (01/12/2023 – 30/11/2024) · ngày 10 tháng 12 năm 2024"))
        // The organisation from the form's title block when --organisation is not given.
        #expect(title.contains("VIỆN KIỂM SÁT NHÂN DÂN TỈNH SÓC TRĂNG"))
    }

    @Test func unitsStatingDifferentPeriodsForOneYearAreAWarning() throws {
        let file = try OfficeFormsTests.write("Năm,Kỳ báo cáo,Đơn vị,Chỉ tiêu,KH,TH\n2024,6 tháng,Phòng A,Số vụ,10,5\n2024,9 tháng,Phòng B,Số vụ,10,8\n", as: "ky.csv")
        let result = try CLI.run(["check", file.path, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("in 2024 the units do not all state the same periods"), "\(result.stderr)")
        // Near miss: every unit states both periods.
        let same = try OfficeFormsTests.write("Năm,Kỳ báo cáo,Đơn vị,Chỉ tiêu,KH,TH\n2024,6 tháng,Phòng A,Số vụ,10,5\n2024,9 tháng,Phòng A,Số vụ,10,8\n", as: "ky.csv")
        #expect(!(try CLI.run(["check", same.path, "--lang", "en"]).stderr.contains("do not all state")))
    }
}
