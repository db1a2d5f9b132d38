import Foundation
import Testing
import TongKet

/// The province figures of the offices' own files (issue "The province figure the office
/// publishes"), read by the real binary with no catalogue: the total row's figure and target
/// wherever the files carry one, else the rules of DESIGN §3 — compared with truth-province.csv,
/// which the generator writes from its own data, figure by figure.
@Suite(.serialized) struct PublishedFigureTests {
    struct Figure: Hashable, CustomStringConvertible {
        var year, indicator, target, actual, status, flags: String
        var description: String { "\(year) \(indicator): KH \(target) TH \(actual) \(status) [\(flags)]" }
    }

    static let truth: [String: Set<Figure>] = {
        let file = OfficeFormsTests.folder.appendingPathComponent("truth-province.csv")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [:] }
        var out: [String: Set<Figure>] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let c = CSVLine.cells(String(line), delimiter: ",")
            out[c[0], default: []].insert(Figure(year: c[1], indicator: c[2], target: rounded(c[3]), actual: rounded(c[4]), status: c[5], flags: c[6]))
        }
        return out
    }()

    /// To four significant figures: a mean of rates the tool keeps to the last bit.
    static func rounded(_ text: String) -> String {
        guard let value = Double(text) else { return text }
        return String(format: "%.4g", value)
    }

    static func province(_ files: [String], extra: [String] = []) throws -> (figures: Set<Figure>, rows: [[String: String]], stderr: String) {
        let result = try CLI.run(["summary"] + files.map { OfficeFormsTests.folder.appendingPathComponent($0).path } + ["--format", "csv"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let columns = CSVLine.cells(lines.first ?? "", delimiter: ",")
        var figures = Set<Figure>(), rows: [[String: String]] = []
        for line in lines.dropFirst() {
            let c = CSVLine.cells(line, delimiter: ",")
            let row = Dictionary(zip(columns, c), uniquingKeysWith: { a, _ in a })
            guard row["scope"] == "province" else { continue }
            rows.append(row)
            figures.insert(Figure(year: row["year"] ?? "", indicator: row["indicator"] ?? "", target: rounded(row["target"] ?? ""),
                                  actual: rounded(row["actual"] ?? ""), status: row["status"] ?? "", flags: row["flags"] ?? ""))
        }
        return (figures, rows, result.stderr)
    }

    static let sets = Array(truth.keys).sorted()

    @Test(arguments: sets)
    func everyProvinceFigureIsTheOfficesOwnOrTheRulesOne(set: String) throws {
        let expected = try #require(Self.truth[set])
        #expect(expected.count >= 8)
        let got = try Self.province(set.split(separator: "|").map(String.init)).figures
        #expect(got.subtracting(expected).isEmpty, "given but not in the truth: \(got.subtracting(expected).sorted { $0.description < $1.description })")
        #expect(expected.subtracting(got).isEmpty, "in the truth but not given: \(expected.subtracting(got).sorted { $0.description < $1.description })")
    }

    @Test func directionsFollowTheTargetsWhenNothingElseSaysSo() throws {
        let rows = try Self.province(["vien-kiem-sat/chi-tieu-2023-2024.csv"]).rows
        func direction(_ indicator: String) -> String? { rows.first { $0["indicator"] == indicator }?["direction"] }
        // Every target 0: a ceiling of 0. No target anywhere, nothing in the name: no direction.
        #expect(direction("Số vụ án bị hủy, sửa do lỗi chủ quan") == "lower")
        #expect(direction("Số tin báo, tố giác về tội phạm đã tiếp nhận") == "none")
        #expect(direction("Số vụ án giải quyết theo thủ tục rút gọn") == "none")
        // Near miss: a count with targets stays higher-is-better.
        #expect(direction("Số tin báo, tố giác về tội phạm đã giải quyết") == "higher")
    }

    @Test func aSubtotalIsItsGroupsFigureWithLevel() throws {
        let files = ["vien-kiem-sat/Bieu tong hop chi tieu 2023.xlsx", "vien-kiem-sat/Bieu tong hop chi tieu 2024.xlsx"]
        let rows = try Self.province(files, extra: ["--level", "VKSND CẤP HUYỆN"]).rows
        let row = try #require(rows.first { $0["year"] == "2024" && $0["indicator"] == "Số vụ án, bị can đã truy tố (vụ)" })
        // Units 3–5 of the generator: cases 30 + u·11 + 4 each.
        let cases: [Int] = [3, 4, 5].map { (u: Int) -> Int in 30 + u * 11 + 4 }
        #expect(row["actual"] == String(cases.reduce(0, +)))
        #expect(row["flags"] == "published")
        // A rate's subtotal carries only its threshold: the group's figure is its units' mean.
        let rate = try #require(rows.first { $0["year"] == "2024" && $0["indicator"] == "Tỷ lệ giải quyết tin báo, tố giác về tội phạm" })
        #expect(rate["flags"] == "")
    }

    @Test func checkStatesTheInterpretationAndBothPlacesOfADisagreement() throws {
        let files = ["vien-kiem-sat/Bieu tong hop chi tieu 2023.xlsx", "vien-kiem-sat/Bieu tong hop chi tieu 2024.xlsx"]
        let result = try CLI.run(["check"] + files.map { OfficeFormsTests.folder.appendingPathComponent($0).path } + ["--lang", "vi"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(out.contains("Cách hiểu từng chỉ tiêu"))
        #expect(out.contains("Số vụ án bị hủy, sửa do lỗi chủ quan thấp (trần) ← kế hoạch 0"))
        #expect(out.contains("Số tin báo, tố giác về tội phạm đã tiếp nhận không ← không có kế hoạch"))
        #expect(out.contains("Số tin báo, tố giác về tội phạm đã giải quyết cao ← mặc định"), "a default is shown as one")
        #expect(out.contains("số của Phòng 7 (đơn vị duy nhất)"))
        // The appeal rate: the office's 66,7 % against the units' mean 76,5 %, named at the total row and at the units' rows.
        #expect(out.contains("dòng tổng \"Tổng cộng\" ghi 66,7 cho \"Tỷ lệ kháng nghị phúc thẩm được Tòa án chấp nhận\" năm 2024, nhưng trung bình các đơn vị là 76,5"))
        #expect(out.contains("các dòng đơn vị của \"Tỷ lệ kháng nghị phúc thẩm được Tòa án chấp nhận\" năm 2024 cho 76,5"))
        // Subtotals are checked against their own group only: "Cộng cấp huyện" agrees with its districts.
        #expect(!out.contains("\"Cộng cấp huyện\" ghi"))
    }

    @Test func initWritesTheTotalRowAsTheProvinceFigureAndItReadsBack() throws {
        let file = OfficeFormsTests.folder.appendingPathComponent("vien-kiem-sat/Bieu tong hop chi tieu 2024.xlsx").path
        let catalogue = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-dm-\(getpid())-\(UUID().uuidString).csv").path
        #expect(try CLI.run(["init", file, "-o", catalogue]).status == 0)
        let text = try String(contentsOfFile: catalogue, encoding: .utf8)
        let rate = try #require(text.components(separatedBy: "\r\n").first { $0.contains("Tỷ lệ kháng nghị") })
        #expect(rate.contains(",dòng tổng,") && rate.contains("đối chiếu bằng cách tính trung bình"))
        let intake = try #require(text.components(separatedBy: "\r\n").first { $0.contains("đã tiếp nhận") })
        #expect(intake.contains(",không,dòng tổng,"))
        let again = try CLI.run(["summary", file, "--catalogue", catalogue, "--format", "csv"])
        #expect(again.stdout.contains("Tỷ lệ kháng nghị phúc thẩm được Tòa án chấp nhận,,%,higher,70,66.7,"))
    }

    @Test func aZeroCeilingBreachIsNamedWithItsUnitFirstInTheShortfalls() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-breach-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let files = ["vien-kiem-sat/Bieu tong hop chi tieu 2023.xlsx", "vien-kiem-sat/Bieu tong hop chi tieu 2024.xlsx"].map { OfficeFormsTests.folder.appendingPathComponent($0).path }
        let pack = try CLI.run(["report"] + files + ["--out", out.path, "--no-office", "--charts", "kpi", "--lang", "vi"])
        #expect(pack.status == 0, "\(pack.stderr)")
        let summary = try String(contentsOf: out.appendingPathComponent("bieu-tong-hop-chi-tieu/2024/summary.vi.md"), encoding: .utf8)
        let review = try #require(summary.components(separatedBy: "## Tồn tại, hạn chế").last)
        let first = try #require(review.split(separator: "\n").first { $0.hasPrefix("- ") })
        #expect(first == "- 1 vụ — Số vụ án bị hủy, sửa do lỗi chủ quan, chỉ tiêu không được để xảy ra: VKSND thị xã Vĩnh Châu (1 vụ).")
        // … after the achievements: every section's heading comes before it.
        #expect(summary.range(of: "## Tồn tại, hạn chế")!.lowerBound > summary.range(of: "## Chỉ tiêu")!.lowerBound)
    }

    @Test func aPartOfIndicatorsSelectsEveryIndicatorItNames() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-parts-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["report", ReportCommandTests.sample, "--charts", "kpi,completion", "--indicators", "bị can, phúc thẩm",
                                  "--out", out.path, "--no-office", "--formats", "png", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\"phúc thẩm\" selects 3 indicators"), "\(result.stderr)")
        // One indicator asked for and several named: exit 64, listing them.
        let one = try CLI.run(["chart", "yoy", ReportCommandTests.sample, "--indicator", "phúc thẩm", "-o", out.appendingPathComponent("y.png").path, "--lang", "en"])
        #expect(one.status == 64 && one.stderr.contains("is part of 3 indicators' names"), "\(one.stderr)")
    }

    @Test func aFlaggedValueIsMarkedAndFinalRefusesIt() throws {
        let file = OfficeFormsTests.folder.appendingPathComponent("vien-kiem-sat/chi-tieu-2023-2024.csv").path
        let summary = try CLI.run(["summary", file, "--format", "csv"])
        let typo = try #require(summary.stdout.split(separator: "\n").first { $0.hasPrefix("unit,2024,") && $0.contains("Phòng 7") && $0.contains("đã giải quyết") })
        #expect(typo.hasSuffix(",check"))
        let table = try CLI.run(["summary", file, "--lang", "vi"])
        #expect(table.stdout.contains("1.821 tin ⚠ cần kiểm tra"))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-strict-\(getpid())").path
        let strict = try CLI.run(["report", file, "--final", "--date", "2024-12-20", "--out", out, "--lang", "en"])
        #expect(strict.status == 65, "\(strict.stderr)")
        #expect(strict.stderr.contains("typing error") && strict.stderr.contains("--final"), "\(strict.stderr)")
        #expect(!strict.stderr.contains("date is blank"), "\(strict.stderr)")
        // Without a date and with no date line in the form, the blank is named too.
        let undated = try CLI.run(["report", file, "--final", "--out", out, "--lang", "en"])
        #expect(undated.status == 65 && undated.stderr.contains("date is blank"), "\(undated.stderr)")
    }
}
