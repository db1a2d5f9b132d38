import Foundation
import Testing
import TongKetAnalytics
import TongKetData

/// What counts as met on forms the rules were not written from: `Generated/verdicts.py`, written from the
/// issue's text by a hand that had not read this code, renders a tax department's forms (two targets, a
/// ceiling, a target against the year before) and a police's (targets against cùng kỳ, period targets,
/// counts judged by their change, workload counts) with the verdicts the office publishes. Every case must
/// load with no catalogue, and every headline status, change status and number of targets must be the
/// office's. CI uses the fixed seeds; `TONGKET_VERDICT_SEEDS="11 12"` runs fresh ones by hand.
@Suite struct GeneratedVerdictsTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Generated/verdicts.py")
    static let hasOpenpyxl = (try? python(["-c", "import openpyxl"])) == 0

    static func python(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static let seeds: [Int] = {
        let given = ProcessInfo.processInfo.environment["TONGKET_VERDICT_SEEDS"]
        return given?.split(separator: " ").compactMap { Int($0) } ?? [3, 5]
    }()

    static func folded(_ name: String) -> String { HeaderName.fold(name.precomposedStringWithCanonicalMapping) }

    /// The case's figures read and judged as `summary` does, by (unit, indicator); the province as "Toàn tỉnh".
    struct Figure { var status: Status, changeStatus: ChangeStatus, targets: Int }

    static func figures(_ folder: URL, truth: [String: Any]) throws -> [String: Figure] {
        let files = (truth["files"] as? [String] ?? []).map { folder.appendingPathComponent($0).path }
        let table = try TableReader.read(paths: files).table
        let metrics0 = try Metrics(table: table)
        let interpretation = metrics0.interpretation
        let half = (truth["period"] as? String) == "6 tháng"
        let period = interpretation.table.periods.indices.first { half ? !interpretation.table.periods[$0].isWholeYear
            : interpretation.table.periods[$0].isWholeYear }.map(UInt8.init)
        let metrics = try Metrics(interpretation, period: period)
        var out: [String: Figure] = [:]
        for f in metrics.figureRows(year: truth["year"] as? Int) {
            let unit = f.scope == .province ? "Toàn tỉnh" : metrics.unitName(f)
            out[folded(unit) + "|" + folded(metrics.indicatorName(f))] = Figure(status: f.status, changeStatus: f.changeStatus,
                                                                                 targets: metrics.targets(of: f).count)
        }
        return out
    }

    @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is needed to render the generated forms"), arguments: seeds)
    func everyVerdictIsTheOfficesOwn(seed: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-verdicts-\(getpid())-\(seed)")
        try? FileManager.default.removeItem(at: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.python([Self.script.path, "--seed", "\(seed)", "--count", "40", "--out", folder.path]) == 0)
        var wrong: [String] = [], checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let caseFolder = folder.appendingPathComponent(name)
            let truthData = try Data(contentsOf: caseFolder.appendingPathComponent("truth.json"))
            let truth = try #require(try JSONSerialization.jsonObject(with: truthData) as? [String: Any])
            let figures: [String: Figure]
            do { figures = try Self.figures(caseFolder, truth: truth) } catch {
                wrong.append("\(name): does not load: \(error)")
                continue
            }
            for expected in (truth["figures"] as? [[String: Any]] ?? []) + (truth["province"] as? [[String: Any]] ?? []) {
                let key = Self.folded(expected["unit"] as? String ?? "") + "|" + Self.folded(expected["indicator"] as? String ?? "")
                checked += 1
                guard let f = figures[key] else { wrong.append("\(name) \(key): not read"); continue }
                let targets = expected["targets"] as? [[String: Any]] ?? []
                let status = targets.first { $0["headline"] as? Bool == true }?["status"] as? String ?? "undefined"
                let change = expected["change_status"] as? String
                var problems: [String] = []
                if f.status.rawValue != status { problems.append("status \(f.status.rawValue), the office's \(status)") }
                if let change, f.changeStatus.rawValue != change {
                    problems.append("change \(f.changeStatus.rawValue), the office's \(change)")
                }
                if targets.count > 1, f.targets != targets.count { problems.append("\(f.targets) targets of \(targets.count)") }
                if !problems.isEmpty { wrong.append("\(name) \(key): " + problems.joined(separator: "; ")) }
            }
        }
        print("generated verdicts, seed \(seed): \(checked - wrong.count) of \(checked) figures as the office's")
        #expect(checked > 500)
        #expect(wrong.isEmpty, "\(wrong.count) wrong:\n\(wrong.prefix(40).joined(separator: "\n"))")
    }
}
