import Foundation
import Testing
import TongKetAnalytics
import TongKetData

/// The figures against the pandas reference in ../shared/peers: the checksum its README
/// publishes for small.csv, made here by its own deterministic generator.
@Suite struct PeersAgreementTests {
    static let peers: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let peers = root.deletingLastPathComponent().appendingPathComponent("shared/peers")
        return FileManager.default.fileExists(atPath: peers.appendingPathComponent("gen_data.py").path) ? peers : nil
    }()

    /// small.csv from the peers' generator (stdlib Python only), in a temporary folder.
    static func smallCSV() throws -> URL? {
        guard let peers else { return nil }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-peers-\(ProcessInfo.processInfo.processIdentifier)")
        let small = out.appendingPathComponent("small.csv")
        if FileManager.default.fileExists(atPath: small.path) { return small }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", peers.appendingPathComponent("gen_data.py").path, out.path, "--small-only"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? small : nil
    }

    /// "small: rows=540 units=12 indicators=15 sum_completion=548.647461 yoy_finite=355
    /// yoy_inf=5 sum_yoy_finite=16.346475 prov_rows=45 prov_sum_actual=115803"
    @Test(.enabled(if: peers != nil, "../shared/peers is not beside this checkout (it is on CI and developer machines)"))
    func smallCSVMatchesThePandasChecksum() throws {
        let small = try #require(try Self.smallCSV(), "the peers' generator failed")
        let metrics = try Metrics(table: TableReader.read(paths: [small.path]).table)
        var sumCompletion = 0.0, sumYoY = 0.0, finite = 0, infinite = 0
        for i in 0..<metrics.unitFigureCount {
            let f = metrics.unitFigures(at: i)
            sumCompletion += f.completion ?? 0
            if let pct = f.yoyPercent { finite += 1; sumYoY += pct } else if f.previousActual == 0, f.actual != 0 { infinite += 1 }
        }
        #expect(metrics.table.rows.count == 540)
        #expect(metrics.table.units.count == 12)
        #expect(metrics.table.indicators.count == 15)
        #expect(abs(sumCompletion - 548.647461) < 5e-7)
        #expect(finite == 355)
        #expect(infinite == 5)
        #expect(abs(sumYoY - 16.346475) < 5e-7)
        #expect(metrics.provinceFigureCount == 45)
        #expect(metrics.provinceRows.reduce(0) { $0 + $1.actual } == 115803)
    }
}
