import Foundation
import Testing

/// Realistic exports of two agencies other than the sample — a health department and a
/// province's socio-economic office, with none of the optional columns, total rows, a rename,
/// spelling variants, typos — made by `tongket-stress agencies`, which also writes the truth:
/// each indicator's real direction and province formula, and where each trap sits. The tests
/// hold the real binary to that truth.
@Suite(.serialized) struct AgencyExportsTests {
    static let folder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-agencies-\(getpid())")
        _ = try? Process.run(HostileInputTests.stress.path, ["agencies", folder.path])
        return folder
    }()

    struct Truth {
        var agency, kind, name, direction, rollup, note: String
    }

    static let truth: [Truth] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("truth.csv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().map { line in
            let cells = CSVLine.cells(String(line), delimiter: ",")
            return Truth(agency: cells[0], kind: cells[1], name: cells[2], direction: cells[3], rollup: cells[4], note: cells[5])
        }
    }()

    static func files(_ agency: String) -> [String] {
        (2021...2024).map { folder.appendingPathComponent("\(agency)/ketqua-\($0).csv").path }
    }

    static let agencies = ["y-te", "kinh-te-xa-hoi"]

    /// `check`'s warnings as (heading, line) pairs.
    static func warnings(_ agency: String, _ extra: [String] = []) throws -> [(heading: String, line: String)] {
        let result = try CLI.run(["check"] + files(agency) + ["--lang", "en"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        var heading = ""
        var out: [(String, String)] = []
        for line in result.stdout.split(separator: "\n").map(String.init) {
            if line.hasPrefix("  ") { out.append((heading, line)) } else { heading = line }
        }
        return out
    }

    @Test(arguments: agencies)
    func checkNamesEveryTrapAtItsPlace(agency: String) throws {
        let traps = Self.truth.filter { $0.agency == agency && $0.kind == "trap" }
        #expect(traps.count >= 8)
        let found = try Self.warnings(agency)
        for trap in traps {
            let kind = String(trap.note.split(separator: " ")[0])
            let place = Self.folder.appendingPathComponent(trap.name).path + ":"
            let heading: String
            switch kind {
            case "total-row": heading = "Total rows (not units)"
            case "stale-total": heading = "Total rows that disagree"
            case "rename": heading = "Likely renamed"
            case "typo-10x": heading = "Values that jump"
            case "percent-over-100": heading = "Percentages above 100"
            case "missing-target": heading = "Targets missing"
            case "single-unit": heading = "Indicators only one unit reports"
            case "spelling-variant": heading = "Spellings merged"
            default: Issue.record("unknown trap \(trap.note)"); continue
            }
            let ofKind = found.filter { $0.heading.hasPrefix(heading) }
            switch kind {
            case "single-unit":
                let indicator = trap.note.split(separator: "\"")[1]
                #expect(ofKind.contains { $0.line.contains("\"\(indicator)\"") }, "\(trap.note)")
            case "missing-target":
                // One warning per indicator and year names every unit without a target.
                let file = Self.folder.appendingPathComponent(String(trap.name.split(separator: ":")[0])).path
                #expect(ofKind.contains { $0.line.contains(file + ":") }, "\(trap.note)")
            case "spelling-variant" where ["trailing space", "double space", "NFD"].contains(where: trap.note.contains):
                // Spaces and Unicode forms are normalised when read: one name, nothing to report.
                #expect(!found.contains { $0.line.contains(place) && $0.heading.hasPrefix("Spellings") })
            default:
                #expect(ofKind.contains { $0.line.contains(place) }, "\(trap.note) — expected under \"\(heading)\" at \(place)")
            }
        }
    }

    /// The measured hit and false-alarm counts of the inference rules, against the truth.
    @Test(arguments: agencies)
    func initInfersDirectionsAndFormulasAsTheTruthHasThem(agency: String) throws {
        let out = try temporaryFolder().appendingPathComponent("danh-muc.csv").path
        let result = try CLI.run(["init"] + Self.files(agency) + ["-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\r\n").map { CSVLine.cells(String($0), delimiter: ",") }
        let notes = try #require(lines.first?.firstIndex(of: "ghi chú"))
        let rows = lines.dropFirst().filter { $0[0] == "chỉ tiêu" }
        var ceiling = (hit: 0, missed: 0, falseAlarm: 0), mean = (hit: 0, missed: 0, falseAlarm: 0)
        var wrong: [String] = []
        for truth in Self.truth where truth.agency == agency && truth.kind == "indicator" {
            let row = try #require(rows.first { $0[1] == truth.name }, "\(truth.name) is missing from the catalogue")
            let lower = row[4].hasPrefix("thấp")
            // "dòng tổng": the office's total row gives the figure; the note names the formula that cross-checks it.
            let summed = row[5].hasPrefix("tổng") || row[5] == "dòng tổng" && row[notes].contains("đối chiếu bằng cách tính tổng")
            switch (truth.direction == "lower", lower) {
            case (true, true): ceiling.hit += 1
            case (true, false): ceiling.missed += 1; wrong.append("missed ceiling: " + truth.name)
            case (false, true): ceiling.falseAlarm += 1; wrong.append("false ceiling: " + truth.name)
            default: break
            }
            switch (truth.rollup != "sum", !summed) {
            case (true, true): mean.hit += 1
            case (true, false): mean.missed += 1; wrong.append("summed: " + truth.name)
            case (false, true): mean.falseAlarm += 1; wrong.append("not summed: " + truth.name)
            default: break
            }
        }
        print("\(agency): ceilings \(ceiling.hit) found, \(ceiling.missed) missed, \(ceiling.falseAlarm) false; not-summed \(mean.hit) found, \(mean.missed) missed, \(mean.falseAlarm) false. \(wrong)")
        // A wrong "lower" is as bad as a missed one, and a summed rate is the worst figure there is.
        #expect(ceiling.falseAlarm == 0 && mean.missed == 0 && mean.falseAlarm == 0, "\(wrong)")
        #expect(ceiling.missed == 0, "\(wrong)")
    }

    /// The figures a careful analyst would write by hand from the files.
    @Test func summaryGivesTheHandComputedFigures() throws {
        let result = try CLI.run(["summary"] + Self.files("y-te") + ["--format", "csv", "--year", "2024"])
        #expect(result.status == 0)
        let metrics = result.stdout.dropFirst().split(separator: "\n").map { CSVLine.cells(String($0), delimiter: ",") }
        func province(_ indicator: String) -> [String]? { metrics.first { $0[0] == "province" && $0[4] == indicator } }
        // By hand: the units' rows of 2024, without the "Tổng cộng" line.
        let source = try String(contentsOfFile: Self.files("y-te")[3], encoding: .utf8)
        let rows = source.split(separator: "\n").dropFirst().map { CSVLine.cells(String($0), delimiter: ",") }.filter { $0[1] != "Tổng cộng" }
        func values(_ indicator: String) -> [Double] { rows.filter { $0[2].split(separator: " ").joined(separator: " ") == indicator }.map { Double(vietnamese: $0[5]) } }
        let visits = values("Số lượt khám bệnh")
        #expect(visits.count == 12)
        #expect(Double(province("Số lượt khám bệnh")?[9] ?? "") == visits.reduce(0, +))
        // A mean's province figure is the office's own "Tổng cộng" row, not the units' mean.
        let all = source.split(separator: "\n").dropFirst().map { CSVLine.cells(String($0), delimiter: ",") }
        let published = try #require(all.first { $0[1] == "Tổng cộng" && $0[2].split(separator: " ").joined(separator: " ") == "Thời gian chờ khám bệnh trung bình" })
        #expect(abs((Double(province("Thời gian chờ khám bệnh trung bình")?[9] ?? "") ?? 0)
                    - Double(vietnamese: published[5])) < 1e-9)
        #expect(province("Thời gian chờ khám bệnh trung bình")?[18].contains("published") == true)
        #expect(province("Thời gian chờ khám bệnh trung bình")?[7] == "lower")
        // A ceiling under its limit is met, whatever its completion.
        for row in metrics where row[0] == "unit" && row[4] == "Số vụ ngộ độc thực phẩm" && !row[8].isEmpty {
            let met = Double(row[9])! <= Double(row[8])!
            #expect(row[11] == (met ? "met" : "not_met"), "\(row)")
        }
        #expect(!metrics.contains { $0[3] == "Tổng cộng" })
    }

    @Test func theCatalogueWrittenByInitEditedAndReadBackChangesTheFigures() throws {
        let folder = try temporaryFolder()
        let files = try Self.files("kinh-te-xa-hoi").map { source in
            let target = folder.appendingPathComponent(URL(fileURLWithPath: source).lastPathComponent)
            try FileManager.default.copyItem(atPath: source, toPath: target.path)
            return target.path
        }
        #expect(try CLI.run(["init"] + files).status == 0)
        let catalogue = folder.appendingPathComponent("danh-muc-chi-tieu.csv")
        #expect(try CLI.run(["init"] + files).status == 73)   // never overwritten without --force
        var text = try String(contentsOf: catalogue, encoding: .utf8)
        let before = try CLI.run(["summary"] + files + ["--format", "csv"]).stdout
        #expect(before.contains("province,2024,cả năm,,Thu nhập bình quân đầu người"))
        #expect(before.contains("unit,2024,cả năm,Huyện Long Mỹ") == false && before.contains("unit,2022,cả năm,Huyện Long Mỹ"))
        // The analyst's edits: a rename joined, a direction corrected, a figure that must not combine.
        text = text.replacingOccurrences(of: "đơn vị,Thị xã Long Mỹ,,", with: "đơn vị,Thị xã Long Mỹ,Huyện Long Mỹ,")
        text = text.replacingOccurrences(of: "chỉ tiêu,Số hộ nghèo,,,thấp?,", with: "chỉ tiêu,Số hộ nghèo,,,cao,")
        #expect(text.contains("chỉ tiêu,Thu nhập bình quân đầu người,,,cao?,dòng tổng,"))
        text = text.replacingOccurrences(of: "chỉ tiêu,Thu nhập bình quân đầu người,,,cao?,dòng tổng,", with: "chỉ tiêu,Thu nhập bình quân đầu người,,,cao,không,")
        try text.write(to: catalogue, atomically: true, encoding: .utf8)
        let after = try CLI.run(["summary"] + files + ["--format", "csv"])
        #expect(after.status == 0, "\(after.stderr)")
        let rows = after.stdout.split(separator: "\n").map { CSVLine.cells(String($0), delimiter: ",") }
        #expect(!rows.contains { $0[3] == "Huyện Long Mỹ" })
        let longMy2023 = try #require(rows.first { $0[0] == "unit" && $0[1] == "2023" && $0[3] == "Thị xã Long Mỹ" })
        #expect(!longMy2023[11].isEmpty)   // the year before is there now
        #expect(rows.filter { $0[4] == "Số hộ nghèo" }.allSatisfy { $0[7] == "higher" })
        #expect(!rows.contains { $0[0] == "province" && $0[4] == "Thu nhập bình quân đầu người" })
        let check = try CLI.run(["check"] + files + ["--lang", "en"])
        #expect(!check.stdout.contains("\"Số hộ nghèo\" is taken as a ceiling"))
        #expect(check.stdout.contains("catalogue " + catalogue.path))
    }

    @Test func strictCheckFailsOnWarningsAndMessagesSpeakVietnamese() throws {
        let strict = try CLI.run(["check", "--strict"] + Self.files("kinh-te-xa-hoi"))
        #expect(strict.status == 65)
        let vi = try CLI.run(["check"] + Self.files("kinh-te-xa-hoi"), environment: ["LANG": "vi_VN.UTF-8", "LC_ALL": ""])
        #expect(vi.status == 0 && vi.stdout.contains("cảnh báo: ") && vi.stdout.contains("Dòng tổng (không phải đơn vị)"))
        let en = try CLI.run(["check", "--lang", "en"] + Self.files("kinh-te-xa-hoi"), environment: ["LANG": "vi_VN.UTF-8"])
        #expect(en.stdout.contains("warning: ") && !en.stdout.contains("cảnh báo"))
    }
}

/// One CSV line's cells (quotes as RFC 4180), enough for the test files and the tool's output.
enum CSVLine {
    static func cells(_ line: String, delimiter: Character) -> [String] {
        var cells: [String] = [], cell = "", quoted = false
        var characters = Array(line.replacingOccurrences(of: "\u{FEFF}", with: "").replacingOccurrences(of: "\r", with: "")).makeIterator()
        while let c = characters.next() {
            if quoted {
                if c == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { cell.append("\"") } else { quoted = false; if next == delimiter { cells.append(cell); cell = "" } else { cell.append(next) } }
                    } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" { quoted = true } else if c == delimiter { cells.append(cell); cell = "" } else { cell.append(c) }
        }
        cells.append(cell)
        return cells
    }
}

extension Double {
    /// "1.707.117" or "33,5" as Vietnamese exports write them.
    init(vietnamese text: String) {
        self = Double(text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")) ?? .nan
    }
}
