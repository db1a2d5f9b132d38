import Foundation
import Testing
import TongKetAnalytics
import TongKetData

/// What is compared with what, on forms the rules were not written from: `Generated/comparisons.py`, written from
/// the text by a hand that had not read this code, renders a tax department (a revenue hierarchy, a merged Chi
/// cục, the agency's own sheet, refunds in parentheses), a police (the form's own cùng kỳ, a "(*)" merger with its
/// note) and a third agency with a split unit. With no catalogue, every figure, cùng kỳ, target and parent must be
/// the office's, and no total, item or agency row a unit. CI uses the fixed seeds; `TONGKET_COMPARISON_SEEDS="7 8"`
/// runs fresh ones by hand.
@Suite struct GeneratedComparisonsTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Generated/comparisons.py")

    static let seeds: [Int] = {
        let given = ProcessInfo.processInfo.environment["TONGKET_COMPARISON_SEEDS"]
        return given?.split(separator: " ").compactMap { Int($0) } ?? [1, 2]
    }()

    /// A name as the comparison sees it: folded, and without the "(*)" that points at a note.
    static func folded(_ name: String) -> String {
        var name = name.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces)
        for marker in ["(**)", "(*)", "*"] where name.hasSuffix(marker) { name = String(name.dropLast(marker.count)) }
        return HeaderName.fold(name)
    }

    struct Figure { var actual: Double, previous: Double?, percent: Double?, target: Double?, parent: String }

    struct Reading {
        var figures: [String: Figure] = [:]
        /// Every unit of every year, and the units of the year under review.
        var units: Set<String> = [], unitsThisYear: Set<String> = []
    }

    static func read(_ folder: URL, truth: [String: Any]) throws -> Reading {
        let files = (truth["files"] as? [String] ?? []).map { folder.appendingPathComponent($0).path }
        let table = try TableReader.read(paths: files).table
        let interpretation = try Interpretation(table)
        let half = (truth["period"] as? String) == "6 tháng"
        let period = interpretation.table.periods.indices.first { half ? !interpretation.table.periods[$0].isWholeYear
            : interpretation.table.periods[$0].isWholeYear }.map(UInt8.init)
        let metrics = try Metrics(interpretation, period: period)
        let year = truth["year"] as? Int
        var out = Reading()
        out.units = Set(metrics.table.units.map(folded))
        for f in metrics.figureRows(year: year) {
            let unit = f.scope == .province ? "Toàn tỉnh" : metrics.unitName(f)
            if f.scope == .unit { out.unitsThisYear.insert(folded(unit)) }
            out.figures[folded(unit) + "|" + folded(metrics.indicatorName(f))] = Figure(
                actual: f.actual, previous: f.previousActual, percent: f.yoyPercent, target: f.target,
                parent: folded(metrics.parentName(f.indicator)))
        }
        return out
    }

    /// Equal, or for a rate within the office's rounding (it publishes a pooled rate to one decimal).
    static func same(_ a: Double?, _ b: Double?, rate: Bool = false) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?): return abs(a - b) <= max(rate ? 0.05 : 1e-6, 1e-6 * abs(b))
        default: return false
        }
    }

    static func text(_ value: Double?) -> String { value.map { String($0) } ?? "none" }

    @Test(.enabled(if: GeneratedVerdictsTests.hasOpenpyxl, "python3 with openpyxl is needed to render the generated forms"),
          arguments: seeds)
    func everyComparisonIsTheOfficesOwn(seed: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-comparisons-\(getpid())-\(seed)")
        try? FileManager.default.removeItem(at: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try GeneratedVerdictsTests.python([Self.script.path, "--seed", "\(seed)", "--count", "30", "--out", folder.path]) == 0)
        var wrong: [String] = [], checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let caseFolder = folder.appendingPathComponent(name)
            let truthData = try Data(contentsOf: caseFolder.appendingPathComponent("truth.json"))
            let truth = try #require(try JSONSerialization.jsonObject(with: truthData) as? [String: Any])
            let reading: Reading
            do { reading = try Self.read(caseFolder, truth: truth) } catch {
                wrong.append("\(name): does not load: \(error)")
                continue
            }
            let units = Set((truth["units"] as? [String] ?? []).map(Self.folded))
            if reading.unitsThisYear != units {
                wrong.append("\(name): units \(reading.unitsThisYear.subtracting(units).sorted()) read but not the office's, "
                             + "\(units.subtracting(reading.unitsThisYear).sorted()) missing")
            }
            let notUnits = Set((truth["not_units"] as? [String] ?? []).map(Self.folded)).subtracting(units)
            if !reading.units.isDisjoint(with: notUnits) {
                wrong.append("\(name): read as units: \(reading.units.intersection(notUnits).sorted())")
            }
            for expected in truth["figures"] as? [[String: Any]] ?? [] {
                let indicator = Self.folded(expected["indicator"] as? String ?? "")
                let key = Self.folded(expected["unit"] as? String ?? "") + "|" + indicator
                checked += 1
                // An item named with its whole's name where two wholes hold one name ("Thuế GTGT (Thu từ DNNN)").
                guard let f = reading.figures[key] ?? reading.figures.first(where: { $0.key.hasPrefix(key + " (") })?.value else {
                    wrong.append("\(name) \(key): not read")
                    continue
                }
                var problems: [String] = []
                let actual = expected["actual"] as? Double, previous = expected["previous"] as? Double
                if !Self.same(f.actual, actual) { problems.append("actual \(f.actual), the office's \(Self.text(actual))") }
                if !Self.same(f.previous, previous, rate: expected["measure"] as? String == "%") {
                    problems.append("cùng kỳ \(Self.text(f.previous)), the office's \(Self.text(previous))")
                }
                if expected["change_comparable"] as? Bool == false, let percent = f.percent {
                    problems.append("a percent change \(percent) from a base the office cannot compare with")
                }
                if let target = expected["target"] as? Double, !Self.same(f.target, target) {
                    problems.append("target \(Self.text(f.target)), the office's \(target)")
                }
                let parent = Self.folded(expected["parent"] as? String ?? "")
                if f.parent != parent, !f.parent.hasPrefix(parent + " (") {
                    problems.append("part of \"\(f.parent)\", the office's \"\(parent)\"")
                }
                if !problems.isEmpty { wrong.append("\(name) \(key): " + problems.joined(separator: "; ")) }
            }
        }
        print("generated comparisons, seed \(seed): \(checked - wrong.count) of \(checked) figures as the office's")
        #expect(checked > 300)
        #expect(wrong.isEmpty, "\(wrong.count) wrong:\n\(wrong.prefix(60).joined(separator: "\n"))")
    }
}
