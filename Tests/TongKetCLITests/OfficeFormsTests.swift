import Foundation
import Testing
import TongKet

/// The files two offices really keep — a procuracy's printed forms (.xlsx, and saved as CSV) and an
/// education department's KPI exports (UTF-8 ";" and UTF-16 tab-separated), made by `tongket-stress
/// offices` with no optional column and no hand edit — read by the real binary to exactly the unit
/// rows of their truth.
@Suite(.serialized) struct OfficeFormsTests {
    static let folder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-offices-\(getpid())")
        _ = try? Process.run(HostileInputTests.stress.path, ["offices", folder.path])
        return folder
    }()

    struct Row: Hashable {
        var year, unit, indicator, target, actual: String
    }

    /// truth.csv's rows by file; names compared case-folded (a unit named in an upper-case title).
    static let truth: [String: Set<Row>] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("truth.csv"), encoding: .utf8) else { return [:] }
        var out: [String: Set<Row>] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let c = CSVLine.cells(String(line), delimiter: ",")
            out[c[0], default: []].insert(Row(year: c[1], unit: c[2].lowercased(), indicator: c[3], target: plain(c[4]), actual: plain(c[5])))
        }
        return out
    }()

    /// "95.85" and "95.850000" alike; empty stays empty.
    /// `text` written as `name` in a folder of its own.
    static func write(_ text: String, as name: String) throws -> URL {
        let folder = folder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file
    }

    static func plain(_ text: String) -> String {
        guard let value = Double(text) else { return text }
        return String(format: "%.6g", value)
    }

    static let files = ["vien-kiem-sat/Bieu tong hop chi tieu 2023.xlsx", "vien-kiem-sat/Bieu tong hop chi tieu 2024.xlsx",
                        "vien-kiem-sat/bieu-tong-hop-2024.csv", "vien-kiem-sat/chi-tieu-2023-2024.csv",
                        "giao-duc/chi-tieu-so-gddt.csv", "giao-duc/phong-gddt-ba-tri.txt"]

    @Test(arguments: files)
    func eachFileLoadsAsItIsAndEqualsItsTruthRowByRow(file: String) throws {
        let expected = try #require(Self.truth[file])
        #expect(expected.count >= 8)
        let result = try CLI.run(["summary", Self.folder.appendingPathComponent(file).path, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        var got: Set<Row> = []
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let columns = CSVLine.cells(lines.first ?? "", delimiter: ",")
        func index(_ name: String) throws -> Int { try #require(columns.firstIndex(of: name)) }
        let (scope, year, unit, indicator, target, actual) = try (index("scope"), index("year"), index("unit"), index("indicator"), index("target"), index("actual"))
        for line in lines.dropFirst() {
            let c = CSVLine.cells(line, delimiter: ",")
            guard c[scope] == "unit" else { continue }
            got.insert(Row(year: c[year], unit: c[unit].lowercased(), indicator: c[indicator], target: Self.plain(c[target]), actual: Self.plain(c[actual])))
        }
        #expect(got.subtracting(expected).isEmpty, "read but not in the truth: \(got.subtracting(expected))")
        #expect(expected.subtracting(got).isEmpty, "in the truth but not read: \(expected.subtracting(got))")
    }

    @Test func checkSaysHowThePrintedFormWasRead() throws {
        let file = Self.folder.appendingPathComponent("vien-kiem-sat/Bieu tong hop chi tieu 2024.xlsx").path
        let result = try CLI.run(["check", file, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        let note = try #require(result.stderr.split(separator: "\n").first { $0.contains("note: a printed form") })
        for part in ["a printed form, header on line 8", "\"Chỉ tiêu giao (KH)\" → target", "\"Kết quả (TH)\" → actual", "\"ĐVT\" → measure", "the header is lines 7–8", "line 9 numbers the columns", "\"CÁC PHÒNG NGHIỆP VỤ VIỆN TỈNH\" (line 10)",
                     "\"VKSND CẤP HUYỆN\"", "target cells \"x\"", "paired count", "the signature block begins at line"] {
            #expect(note.contains(part), "\(part) missing from: \(note)")
        }
        #expect(result.stderr.contains("every row is taken as 2024"))
        #expect(result.stderr.contains("\"Nháp (cũ)\""), "the hidden draft sheet is named as skipped")
        // A printed form's notes are for `check`; the figures' commands stay quiet about them.
        let summary = try CLI.run(["summary", file, "--lang", "en"])
        #expect(!summary.stderr.contains("note:"))
    }

    @Test func sectionHeadingsAreTheUnitsGroups() throws {
        let file = Self.folder.appendingPathComponent("vien-kiem-sat/bieu-tong-hop-2024.csv").path
        let folder = Self.folder.appendingPathComponent("init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let catalogue = folder.appendingPathComponent("danh-muc.csv").path
        let result = try CLI.run(["init", file, "-o", catalogue])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: catalogue, encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n")
        let phong7 = try #require(lines.first { $0.hasPrefix("đơn vị,Phòng 7,") })
        #expect(phong7.contains("CÁC PHÒNG NGHIỆP VỤ VIỆN TỈNH") && phong7.contains("nhóm theo đề mục của biểu"))
        // The pair is written for review: each half says which paired cell it was read from.
        let half = try #require(lines.first { $0.contains("Số vụ án, bị can đã truy tố (bị can)") })
        #expect(half.contains("một nửa của ô ghép \"\"vụ/bị can\"\""), "\(half)")
        let district = try #require(lines.first { $0.hasPrefix("đơn vị,VKSND huyện Kế Sách") })
        #expect(district.contains("VKSND CẤP HUYỆN"))
    }

    @Test func twoSpellingsUsedSideBySideStayTwoUnits() throws {
        let file = try Self.write("năm,đơn vị,chỉ tiêu,KH,TH\n2023,Tổ 1/Phòng 7,Số vụ,4,5\n2023,Tổ 1_Phòng 7,Số vụ,4,6\n2023,Phòng 8,Số vụ,4,3\n", as: "ketqua.csv")
        let result = try CLI.run(["check", file.path, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"Tổ 1_Phòng 7\" is kept apart from \"Tổ 1/Phòng 7\""))
        #expect(result.stdout.contains("3 units"))
    }
}

extension OfficeFormsTests {
    /// "Ước TH 2024" where no "TH 2024" exists: the result is an estimate, flagged in metrics.csv
    /// (unit and province rows alike) and marked in the table.
    @Test func anEstimatedResultIsFlaggedWhereverItIsShown() throws {
        let file = try Self.write("Đơn vị;Chỉ tiêu;Năm 2023;Ước TH 2024;KH 2024\nPhòng A;Số trường;20;23;22\nPhòng B;Số trường;10;12;11\n", as: "kpi.csv")
        let csv = try CLI.run(["summary", file.path, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.split(separator: "\n").map { CSVLine.cells(String($0), delimiter: ",") }
        #expect(rows.first?.last == "flags")
        #expect(rows.filter { $0[1] == "2024" }.count == 3)
        #expect(rows.filter { $0[1] == "2024" }.allSatisfy { $0.last == "estimate" })
        #expect(rows.filter { $0[1] == "2023" }.allSatisfy { $0.last == "" })
        let table = try CLI.run(["summary", file.path, "--lang", "vi", "--year", "2024"])
        #expect(table.stdout.contains("(ước)"), "\(table.stdout)")
        // The charts, through the library: the tile says "ước", the bars' labels carry the mark.
        let metrics = try Metrics(reading: [file.path])
        let charts = try ChartWriter()
        guard case let .tiles(tiles) = try charts.spec(.kpi, of: metrics).plot else { Issue.record("kpi is tiles"); return }
        #expect(tiles.tiles.allSatisfy { $0.verdict.hasPrefix("ước · ") }, "\(tiles.tiles.map(\.verdict))")
        // The pack's narrative and the workbook say it too.
        let out = file.deletingLastPathComponent().appendingPathComponent("pack")
        let pack = try CLI.run(["report", file.path, "--out", out.path, "--charts", "kpi", "--lang", "vi"])
        #expect(pack.status == 0, "\(pack.stderr)")
        let summary = try #require(FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String }.first { $0.hasSuffix("summary.vi.md") })
        #expect(try String(contentsOf: out.appendingPathComponent(summary), encoding: .utf8).contains("(ước)"))
    }

    /// Part-year rows are read and labelled, never mixed with whole years: each period's figures are
    /// made on their own, the latest period of the latest year by default.
    @Test func partYearRowsAreNeverMixedWithWholeYears() throws {
        let file = try Self.write(("Năm,Kỳ báo cáo,Đơn vị,Chỉ tiêu,KH,TH\n2023,Cả năm,Phòng A,Số vụ,10,12\n2024,6 tháng đầu năm 2024,Phòng A,Số vụ,10,5\n"
                  + "2024,Cả năm,Phòng A,Số vụ,10,11\n2024,Quý III/2024,Phòng A,Số vụ,10,3\n"), as: "ky.csv")
        let result = try CLI.run(["summary", file.path, "--format", "csv", "--year", "2024", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { CSVLine.cells(String($0), delimiter: ",") }.filter { $0[0] == "unit" }
        #expect(rows.map { $0[9] } == ["11"], "the whole year's result only")
        #expect(rows.allSatisfy { $0[2] == "cả năm" } && rows.first?[13] == "12", "compared with the whole year before")
        let quarter = try CLI.run(["summary", file.path, "--format", "csv", "--period", "quy-3"])
        #expect(quarter.stdout.split(separator: "\n").filter { $0.hasPrefix("unit,") }
                    .map { CSVLine.cells(String($0), delimiter: ",")[9] } == ["3"])
        let half = try Self.write("BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2024\nĐơn vị,Chỉ tiêu,KH,TH\nPhòng A,Số vụ,10,5\n", as: "so-ket-6-thang-2024.csv")
        let alone = try CLI.run(["summary", half.path, "--format", "csv"])
        #expect(alone.status == 0, "\(alone.stderr)")
        // Half of the year against the year's target: progress, not a verdict.
        #expect(alone.stdout.contains("unit,2024,6 tháng đầu năm,Phòng A,Số vụ,,,higher,10,5,0.5,undefined"), "\(alone.stdout)")
        // A procuracy's year, 1 December – 30 November, is a whole year.
        let whole = try Self.write("BẢNG TỔNG HỢP\n(Từ ngày 01/12/2023 đến ngày 30/11/2024)\nĐơn vị,Chỉ tiêu,KH,TH\nPhòng A,Số vụ,10,5\n", as: "nam.csv")
        let year = try CLI.run(["check", whole.path, "--lang", "en"])
        #expect(year.status == 0, "\(year.stderr)")
        #expect(year.stderr.contains("the rows are of the period cả năm (01/12/2023 – 30/11/2024)"), "\(year.stderr)")
    }
}

extension OfficeFormsTests {
    /// A paired count typed one row up, over a figure counted in days: one error, at exactly that cell.
    @Test func theOneGenuineSlipIsReportedAtExactlyItsCell() throws {
        let place = try String(contentsOf: Self.folder.appendingPathComponent("truth-slip.txt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try CLI.run(["check", Self.folder.appendingPathComponent("vien-kiem-sat/bieu-co-loi-2024.csv").path, "--lang", "en"])
        #expect(result.status == 65)
        let errors = result.stderr.split(separator: "\n").filter { !$0.contains("warning:") && !$0.contains("note:") }
        #expect(errors.count == 1, "\(result.stderr)")
        #expect(errors.first?.hasPrefix(Self.folder.appendingPathComponent(place).path + ": \"") == true, "\(errors) at \(place)")
        #expect(errors.first?.contains("holds two counts but the indicator counts one (\"ngày\")") == true)
    }
}

extension OfficeFormsTests {
    /// A unit named like a formula reaches metrics.csv and the catalogue `init` writes as text
    /// Excel will not run; the catalogue read back names the same unit.
    @Test func namesExcelWouldRunAsFormulasAreWrittenAsText() throws {
        let file = try Self.write("năm,đơn vị,chỉ tiêu,KH,TH\n2023,\"=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")\",Số vụ,4,5\n2023,Phòng 8,Số vụ,4,3\n", as: "ketqua.csv")
        let folder = file.deletingLastPathComponent()
        let csv = try CLI.run(["summary", file.path, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")\""))
        #expect(!csv.stdout.contains(",=HYPERLINK"))
        #expect(try CLI.run(["init", file.path]).status == 0)
        let catalogue = try String(contentsOf: folder.appendingPathComponent("danh-muc-chi-tieu.csv"), encoding: .utf8)
        #expect(catalogue.contains("\"'=HYPERLINK("))
        // Read back, the catalogue's row is the unit's: no "unknown name" warning about it.
        let check = try CLI.run(["check", file.path, "--lang", "en"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(!check.stdout.contains("'=HYPERLINK"), "\(check.stdout)")
    }
}
