import Foundation
import Testing

/// `summary --format csv` of the peers' small.csv against pandas' own metrics table
/// (`ref_mpl.py metrics_csv`), row by row, every number to 1e-9. Needs a Python with pandas:
/// TONGKET_PANDAS_PYTHON names it (CI sets one up); otherwise the test skips and says why.
@Suite struct PandasReferenceTests {
    static let python = ProcessInfo.processInfo.environment["TONGKET_PANDAS_PYTHON"]

    @Test(.enabled(if: sharedFolder != nil, "../shared is not beside this checkout"),
          .enabled(if: python != nil, "set TONGKET_PANDAS_PYTHON to a Python with pandas to compare with the pandas reference"))
    func smallCSVEqualsPandasRowByRow() throws {
        let shared = try #require(sharedFolder), python = try #require(Self.python)
        let folder = try temporaryFolder()
        let peers = shared.appendingPathComponent("peers")
        try runTool(python, [peers.appendingPathComponent("gen_data.py").path, folder.path, "--small-only"])
        let small = folder.appendingPathComponent("small.csv").path
        let reference = folder.appendingPathComponent("pandas.csv").path
        try runTool(python, [peers.appendingPathComponent("ref_mpl.py").path, "metrics_csv", small, reference])
        let ours = try CLI.run(["summary", small, "--format", "csv"])
        #expect(ours.status == 0)

        let expected = try parse(Data(contentsOf: URL(fileURLWithPath: reference)))
        let full = try parse(ours.stdoutBytes)
        // The peers' columns, in their order: ours adds `period` (all "cả năm") and `flags` (empty here).
        let picked = try expected.header.map { name in try #require(full.header.firstIndex(of: name), "\(name)") }
        #expect(full.rows.allSatisfy { $0[full.header.firstIndex(of: "period") ?? 0] == "cả năm" && $0.last == "" })
        let actual = (header: picked.map { full.header[$0] }, rows: full.rows.map { row in picked.map { row[$0] } })
        #expect(actual.header == expected.header)
        #expect(actual.rows.count == expected.rows.count)
        #expect(actual.rows.count == 540 + 45)
        let key = { (row: [String]) in row[0...3].joined(separator: "|") }
        let theirs = Dictionary(expected.rows.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        var compared = 0
        for row in actual.rows {
            guard let other = theirs[key(row)] else { Issue.record("row \(key(row)) missing in pandas' table"); continue }
            for (column, (a, b)) in zip(actual.header, zip(row, other)) {
                if let x = Double(a), let y = Double(b) {
                    #expect(abs(x - y) <= 1e-9 * max(1, abs(y)), "\(key(row)) \(column): \(a) vs \(b)")
                } else {
                    #expect(a == b, "\(key(row)) \(column): \(a) vs \(b)")
                }
                compared += 1
            }
        }
        #expect(compared == 585 * 14)
    }

    func parse(_ data: Data) throws -> (header: [String], rows: [[String]]) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var records: [[String]] = []
        var field = "", record: [String] = [], inQuotes = false
        var scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let c = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = scalars.next()
                    if next == "\"" { field.unicodeScalars.append(c) } else { inQuotes = false; pending = next }
                } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"": inQuotes = true
            case ",": record.append(field); field = ""
            case "\n": record.append(field); records.append(record); record = []; field = ""
            case "\r": break
            default: field.unicodeScalars.append(c)
            }
        }
        return (records.first ?? [], Array(records.dropFirst()))
    }

    func runTool(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(executable) \(arguments.joined(separator: " ")) failed")
    }
}
