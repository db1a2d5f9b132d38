import Foundation
import Testing
@testable import TongKetData

/// The three offices in ../shared/offices, read in place as they came, against their truth.json:
/// every figure the files carry equals the truth (a typo as written), and the procuracy's one slip
/// (a paired count typed into the row above a blank, E83/E84) stops the reading at exactly those cells.
@Suite struct SharedOfficesTests {
    static let offices = sharedFolder?.appendingPathComponent("offices")
    static let present = offices.map { FileManager.default.fileExists(atPath: $0.path) } ?? false

    /// A name compared as an analyst compares it: case, spacing, diacritic marks placed either way,
    /// "tỉ"/"tỷ" and the dash between two words are not differences.
    static func key(_ name: String) -> String {
        HeaderName.fold(name.replacingOccurrences(of: "–", with: "-"))
            .replacingOccurrences(of: "ti le", with: "ty le")
    }

    struct Figure: Equatable, CustomStringConvertible {
        var target: Double?
        var actual: Double?
        var description: String { "KH \(target.map { String($0) } ?? "—") TH \(actual.map { String($0) } ?? "—")" }
    }

    /// The table's figures by (year, period, unit, indicator), names as `key` folds them.
    static func figures(_ table: IndicatorTable) -> [String: Figure] {
        var out: [String: Figure] = [:]
        for row in table.rows {
            let k = "\(row.year)|\(table.periods[Int(row.period)].label)|\(key(table.units[Int(row.unit)]))|\(key(table.indicators[Int(row.indicator)]))"
            out[k] = Figure(target: row.target, actual: row.actual.isNaN ? nil : row.actual)
        }
        return out
    }

    static func json(_ office: String) throws -> [String: Any] {
        let data = try Data(contentsOf: offices!.appendingPathComponent(office).appendingPathComponent("truth.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func files(_ office: String) throws -> [String] {
        let folder = offices!.appendingPathComponent(office)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { !$0.hasSuffix(".json") && !$0.hasSuffix(".md") }.map { folder.appendingPathComponent($0).path }
    }

    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return abs(x - y) < 1e-6 * max(1, abs(y))
        default: return false
        }
    }

    static func number(_ any: Any?) -> Double? { (any as? NSNumber)?.doubleValue }

    @Test(.enabled(if: present, "../shared/offices is not beside this checkout"))
    func theCourtsHalfYearsLoadWithEachRowsOwnYear() throws {
        let table = try TableReader.read(paths: try Self.files("court")).table
        let figures = Self.figures(table)
        let rows = try #require(try Self.json("court")["rows"] as? [[String: Any]])
        #expect(rows.count == 28)
        for row in rows {
            let unit = Self.key(row["unit"] as! String), indicator = Self.key(row["indicator"] as! String)
            let h1 = figures["2024|6 tháng đầu năm|\(unit)|\(indicator)"]
            #expect(Self.same(h1?.actual, Self.number(row["h1_2024"])), "\(unit) \(indicator) h1 2024: \(String(describing: h1))")
            #expect(Self.same(h1?.target, Self.number(row["target_2024"])), "\(unit) \(indicator) target 2024")
            #expect(Self.same(figures["2023|6 tháng đầu năm|\(unit)|\(indicator)"]?.actual, Self.number(row["h1_2023"])))
            #expect(Self.same(figures["2023|cả năm|\(unit)|\(indicator)"]?.actual, Self.number(row["fy_2023"])))
        }
    }

    @Test(.enabled(if: present, "../shared/offices is not beside this checkout"))
    func theEducationDepartmentsExportsEqualTheirTruthWithTypoAsWritten() throws {
        let result = try TableReader.read(paths: try Self.files("education"))
        let figures = Self.figures(result.table)
        let truth = try Self.json("education")
        var written: [String: Double] = [:]
        for trap in try #require(truth["traps"] as? [[String: Any]]) {
            guard let value = Self.number(trap["written"]), let unit = trap["unit"] as? String, let year = trap["year"] as? Int,
                  let indicator = trap["indicator"] as? String else { continue }
            written["\(year)|\(Self.key(unit))|\(Self.key(indicator))"] = value
        }
        let rows = try #require(truth["rows"] as? [[String: Any]])
        var checked = 0
        for row in rows {
            let year = row["year"] as! Int, unit = Self.key(row["unit"] as! String)
            var indicator = Self.key(row["indicator"] as! String)
            // The department's own file abbreviates "giáo viên" as "GV" (a trap that names it).
            if figures["\(year)|cả năm|\(unit)|\(indicator)"] == nil { indicator = indicator.replacingOccurrences(of: "giao vien", with: "gv") }
            let found = figures["\(year)|cả năm|\(unit)|\(indicator)"]
            let expected = written["\(year)|\(unit)|\(indicator)"] ?? Self.number(row["actual"])
            #expect(Self.same(found?.actual, expected), "\(year) \(unit) \(indicator): \(String(describing: found))")
            let target = (row["target_in_export"] as? Bool) == true ? Self.number(row["target"]) : nil
            #expect(Self.same(found?.target, target), "\(year) \(unit) \(indicator) target: \(String(describing: found))")
            checked += 1
        }
        #expect(checked == rows.count)
        // The department's "Toàn tỉnh" rows: the province's published figures.
        for (name, indicator) in try #require(truth["indicators"] as? [String: [String: Any]]) {
            guard let province = indicator["true_province"] as? [String: Any] else { continue }
            for (year, value) in province {
                let found = figures["\(year)|cả năm|\(Self.key("Toàn tỉnh"))|\(Self.key(name))"]
                // The truth holds the unrounded province figure; the file prints it to one decimal.
                let published = try #require(Self.number(value))
                #expect(found?.actual.map { abs($0 - published) <= 0.05 + 1e-9 } == true, "Toàn tỉnh \(name) \(year): \(String(describing: found))")
            }
        }
    }

    @Test(.enabled(if: present, "../shared/offices is not beside this checkout"))
    func theProcuracysSlipStopsTheReadingAtItsTwoCellsOnly() throws {
        let paths = try Self.files("procuracy")
        do throws(LoadError) {
            _ = try TableReader.read(paths: paths)
            Issue.record("the 2024 workbook's E83/E84 slip was read without an error")
        } catch {
            let messages = error.messages
            #expect(messages.count == 2, "\(messages)")
            #expect(messages.allSatisfy { $0.contains("!E83:") || $0.contains("!E84:") }, "\(messages)")
        }
    }

    @Test(.enabled(if: present, "../shared/offices is not beside this checkout"))
    func theProcuracysFormsEqualTheirTruthOnceTheSlipIsCorrected() throws {
        var paths = try Self.files("procuracy")
        let index = try #require(paths.firstIndex { $0.contains("2024") })
        paths[index] = try Self.corrected(paths[index])
        let result = try TableReader.read(paths: paths)
        let figures = Self.figures(result.table)
        let truth = try Self.json("procuracy")
        // A typo the office made is read as it stands (and flagged by `check`): E104's 110 for 11.
        var asWritten: [String: Double] = [:]
        for trap in try #require(truth["traps"] as? [[String: Any]]) where (trap["trap"] as? String)?.contains("typo") == true {
            if let unit = trap["unit"] as? String, let indicator = trap["indicator"] as? String, let value = Self.number(trap["value"]) {
                asWritten["\(Self.key(unit))|\(Self.key(indicator))"] = value
            }
        }
        let rows = try #require(truth["rows"] as? [[String: Any]])
        for row in rows {
            let year = row["year"] as! Int, indicator = Self.key(row["indicator"] as! String)
            let typo = year == 2024 ? asWritten["\(Self.key(row["unit"] as! String))|\(indicator)"] : nil
            let found = figures["\(year)|cả năm|\(Self.key(row["unit"] as! String))|\(indicator)"]
                ?? figures["\(year)|cả năm|\(Self.key(row["unit_key"] as! String))|\(indicator)"]
            #expect(Self.same(found?.actual, typo ?? Self.number(row["actual"])) || (found == nil && row["actual"] is NSNull),
                    "\(year) \(row["unit"]!) \(indicator): \(String(describing: found))")
            #expect(Self.same(found?.target, Self.number(row["target"])) || found == nil,
                    "\(year) \(row["unit"]!) \(indicator) target: \(String(describing: found))")
        }
        let units = Set(result.table.units.map(Self.key))
        #expect(!units.contains { $0.contains("phong nghiep vu") || $0.contains("cap huyen") }, "section headings read as units: \(units)")
        // The office's total block is its published province figure (the 10× typo at E104 kept as written).
        let province = try #require(truth["province"] as? [String: [String: [String: Any]]])
        for (year, indicators) in province {
            for (name, figure) in indicators {
                let found = result.table.rows.first { row in
                    String(row.year) == year && NameClues.isTotal(unit: result.table.units[Int(row.unit)])
                        && Self.key(result.table.indicators[Int(row.indicator)]) == Self.key(name)
                }
                // The truth holds the unrounded figure; the form prints it to one decimal.
                let published = try #require(Self.number(figure["actual"]))
                #expect(found.map { abs($0.actual - published) <= 0.05 + 1e-9 } ?? false, "\(year) \(name): \(String(describing: found?.actual))")
                #expect(Self.same(found?.target, Self.number(figure["target"])), "\(year) \(name) target: \(String(describing: found?.target))")
            }
        }
    }

    /// A copy of the 2024 workbook with E83 and E84 as the office meant them (74 and 157).
    static func corrected(_ path: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-offices-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent).path
        let script = """
        import re, sys, zipfile
        src, dst = sys.argv[1], sys.argv[2]
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == 'xl/worksheets/sheet1.xml':
                    text = data.decode()
                    text = re.sub(r'<c r="E83"[^>]*>.*?</c>', '<c r="E83" s="6"><v>74</v></c>', text, count=1)
                    text = re.sub(r'<c r="E84"[^>]*>.*?</c>', '<c r="E84" s="6"><v>157</v></c>', text, count=1)
                    data = text.encode()
                zout.writestr(item, data)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path, copy]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return copy
    }
}
