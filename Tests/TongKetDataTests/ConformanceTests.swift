import Foundation
import Testing
@testable import TongKetData

/// The public CSV suites in ../shared/conformance, with their own expected results.
@Suite struct ConformanceTests {
    static func folder(_ name: String) -> URL? { sharedFolder?.appendingPathComponent("conformance/\(name)") }

    static func skipNote(_ suite: String) {
        print("skipped \(suite): ../shared/conformance is not beside this checkout (it is on CI and developer machines)")
    }

    static let spectrumCases: [String] = {
        guard let dir = folder("csv-spectrum/csvs"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix(".csv") }.sorted()
    }()

    @Test func csvSpectrumSuiteIsPresentOrSkipped() {
        if Self.folder("csv-spectrum") == nil { Self.skipNote("csv-spectrum"); return }
        #expect(Self.spectrumCases.count == 11)
    }

    @Test(arguments: spectrumCases)
    func csvSpectrum(name: String) throws {
        let dir = try #require(Self.folder("csv-spectrum"))
        let csv = try Data(contentsOf: dir.appendingPathComponent("csvs/\(name)"))
        let json = try Data(contentsOf: dir.appendingPathComponent("json/\(name.replacingOccurrences(of: ".csv", with: ".json"))"))
        let expected = try #require(try JSONSerialization.jsonObject(with: json) as? [[String: String]])
        let (records, problems) = CSVTokenizer.records(in: [UInt8](csv), delimiter: UInt8(ascii: ","))
        #expect(problems.isEmpty)
        let header = records.first ?? []
        let objects = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        #expect(objects == expected, "\(name)")
    }

    static let w3cCases: [W3CCase] = {
        guard let dir = folder("w3c-csvw"),
              let data = try? Data(contentsOf: dir.appendingPathComponent("index.json")),
              let index = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let entries = index["entries"] as? [[String: Any]] else { return [] }
        return entries.compactMap { entry in
            guard let action = entry["action"] as? String, let result = entry["result"] as? String else { return nil }
            return W3CCase(action: action, result: result)
        }
    }()

    struct W3CCase: Sendable, CustomStringConvertible {
        var action: String
        var result: String
        var description: String { "\(action) → \(result)" }
    }

    @Test func w3cSuiteIsPresentOrSkipped() {
        if Self.folder("w3c-csvw") == nil { Self.skipNote("w3c-csvw"); return }
        #expect(Self.w3cCases.count == 9)
    }

    /// Each row's non-empty cells must equal the `describes` object of that row.
    @Test(arguments: w3cCases)
    func w3cCSVW(c: W3CCase) throws {
        let dir = try #require(Self.folder("w3c-csvw"))
        let csv = try Data(contentsOf: dir.appendingPathComponent(c.action))
        // Standard mode wraps each row's values in `describes`; minimal mode lists them bare.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(c.result)))
        let objects: [[String: Any]]
        if let bare = json as? [[String: Any]] {
            objects = bare
        } else {
            let tables = try #require((json as? [String: Any])?["tables"] as? [[String: Any]])
            let rows = try #require(tables.first?["row"] as? [[String: Any]])
            objects = try rows.map { try #require(($0["describes"] as? [[String: Any]])?.first) }
        }
        let bytes = [UInt8](csv)
        let delimiter = bytes.withUnsafeBufferPointer { DelimiterDetector.detect(in: $0) }
        let (records, problems) = CSVTokenizer.records(in: bytes, delimiter: delimiter)
        #expect(problems.isEmpty)
        let header = records.first ?? []
        #expect(records.count - 1 == objects.count)
        for (index, (record, describes)) in zip(records.dropFirst(), objects).enumerated() {
            var expected: [String: String] = [:]
            for (key, value) in describes { expected[key] = "\(value)" }
            var actual: [String: String] = [:]
            for (name, cell) in zip(header, record) where !cell.isEmpty {
                actual[name] = cell
            }
            #expect(actual == expected, "\(c.action) row \(index + 1)")
        }
    }

    struct LintCase: Sendable, CustomStringConvertible {
        var file: String
        var delimiter: UInt8
        var valid: Bool
        var errorLines: [Int]
        var problem: String
        var description: String { file }
    }

    static let lintCases: [LintCase] = {
        guard let dir = folder("clever-csvlint"),
              let data = try? Data(contentsOf: dir.appendingPathComponent("expected.json")),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cases = root["cases"] as? [[String: Any]] else { return [] }
        return cases.compactMap { c in
            guard let file = c["file"] as? String, let delimiter = (c["delimiter"] as? String)?.utf8.first,
                  let expect = c["expect"] as? String else { return nil }
            let errors = c["errors"] as? [[String: Any]] ?? []
            return LintCase(file: file, delimiter: delimiter, valid: expect == "valid",
                            errorLines: errors.compactMap { $0["line"] as? Int },
                            problem: errors.first?["problem"] as? String ?? "")
        }
    }()

    @Test func csvlintSuiteIsPresentOrSkipped() {
        if Self.folder("clever-csvlint") == nil { Self.skipNote("clever-csvlint"); return }
        #expect(Self.lintCases.count == 9)
    }

    /// Valid files have every record as wide as the header; invalid ones have exactly the
    /// listed lines wrong: too many fields, or a bare quote.
    @Test(arguments: lintCases)
    func csvlint(c: LintCase) throws {
        let dir = try #require(Self.folder("clever-csvlint"))
        let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent(c.file)))
        var lines: [Int] = []
        var problems: [CSVProblem] = []
        bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer, delimiter: c.delimiter)
            var fields: [CSVField] = []
            var width: Int?
            while let line = tokenizer.nextRecord(into: &fields) {
                if width == nil { width = fields.count } else if fields.count != width { lines.append(line) }
            }
            problems = tokenizer.problems
        }
        if c.valid {
            #expect(lines.isEmpty && problems.isEmpty)
        } else if c.problem.contains("bare") {
            #expect(problems.map { if case let .bareQuote(line, _) = $0 { return line } else { return -1 } } == c.errorLines)
        } else {
            #expect(lines == c.errorLines)
        }
    }
}
