import ArgumentParser
import Foundation
import TongKetAnalytics
import TongKetData

/// Times the stages in one process and prints the same checksum line as the pandas reference
/// (../shared/peers/ref_mpl.py), so a large file's figures can be compared line for line.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time reading and every figure on a file, and print a checksum of the figures.")

    @OptionGroup var input: InputOptions

    func run() throws {
        let clock = ContinuousClock()
        var marks: [(String, Duration)] = []
        var start = clock.now
        func mark(_ name: String) {
            let now = clock.now
            marks.append((name, now - start))
            start = now
        }
        var inputs: [InputFile] = []
        for path in input.files { inputs.append(try Session.readFile(path)) }
        mark("read file")
        let table = try Session.read(inputs, options: input.readOptions)
        mark("decode+parse+validate")
        let metrics = try Session.metrics(table, level: nil)
        mark("province")
        let checksum = Checksum(metrics)
        mark("unit figures")
        let cards = Scorecard.byYear(metrics)
        for (year, yearCards) in cards {
            _ = Ranking.order(yearCards, names: table.units)
            _ = Scorecard.province(metrics, year: year)
        }
        mark("scorecards+rankings")
        Terminal.output(checksum.line + "\n")
        let phases = marks.map { "\($0.0) \(Int(($0.1 / .milliseconds(1)).rounded())) ms" }.joined(separator: ", ")
        Terminal.error("phases: " + phases)
    }
}

/// The pandas reference's checksum: completion summed over rows with a target, year-over-year
/// ratios split into finite and infinite (previous actual 0, actual not 0), province totals.
struct Checksum {
    let line: String

    init(_ metrics: Metrics) {
        var sumCompletion = CompensatedSum(), sumYoY = CompensatedSum()
        var finite = 0, infinite = 0
        for i in 0..<metrics.unitFigureCount {
            let f = metrics.unitFigures(at: i)
            if let completion = f.completion { sumCompletion.add(completion) }
            if let pct = f.yoyPercent { finite += 1; sumYoY.add(pct) } else if f.previousActual == 0, f.actual != 0 { infinite += 1 }
        }
        let provinceActual = metrics.provinceRows.reduce(0.0) { $0 + $1.actual }
        let table = metrics.table
        line = "rows=\(table.rows.count) units=\(table.units.count) indicators=\(table.indicators.count) "
            + "sum_completion=\(String(format: "%.6f", sumCompletion.total)) yoy_finite=\(finite) yoy_inf=\(infinite) "
            + "sum_yoy_finite=\(String(format: "%.6f", sumYoY.total)) prov_rows=\(metrics.provinceRows.count) "
            + "prov_sum_actual=\(String(format: "%.0f", provinceActual))"
    }
}

/// Kahan–Babuška summation: a million ratios summed naively drift in the sixth decimal, and
/// this line is compared with pandas' to six decimals.
struct CompensatedSum {
    private(set) var value = 0.0
    private var compensation = 0.0

    mutating func add(_ x: Double) {
        let t = value + x
        compensation += abs(value) >= abs(x) ? (value - t) + x : (x - t) + value
        value = t
    }

    var total: Double { value + compensation }
}
