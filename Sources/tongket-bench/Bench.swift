import ArgumentParser
import Foundation
import TongKetAnalytics
import TongKetCairo
import TongKetCharts
import TongKetData
import TongKetOutput

/// The benchmarks, apart from the user's command line: times the stages in one process and
/// prints the same checksum line as the pandas reference (../shared/peers/ref_mpl.py), so a
/// large file's figures can be compared line for line. Build it in release to measure:
/// `swift run -c release tongket-bench large.csv --charts 50`.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tongket-bench",
        abstract: "Time reading and every figure on a file, and print a checksum of the figures.")

    @Argument(help: "CSV exports or .xlsx workbooks, as for tongket.")
    var files: [String]

    @Option(help: "The indicator catalogue to read them with.")
    var catalogue: String?

    @Option(help: "Also draw the year-over-year chart of the first indicator this many times, warm, and time each PNG and PDF page.")
    var charts: Int = 0

    @Option(help: "Also render the default summary video's frames at 1080p or 4k to raw BGRA on both cores, without ffmpeg, and time them.")
    var video: String?

    func run() throws {
        let clock = ContinuousClock()
        var marks: [(String, Duration)] = []
        var start = clock.now
        func mark(_ name: String) {
            let now = clock.now
            marks.append((name, now - start))
            start = now
        }
        let inputs = try files.map { try InputFile.load(path: $0, limit: ReadOptions.defaultSizeLimit) }
        mark("read file")
        let table = try TableReader.read(inputs).table
        mark("decode+parse+validate")
        let metrics = try Metrics(Interpretation(table, catalogue: catalogue.map { try CatalogueReader.read(path: $0) }), level: nil)
        mark("interpretation+province")
        let checksum = Checksum(metrics)
        mark("unit figures")
        let cards = Scorecard.byYear(metrics)
        for (year, yearCards) in cards {
            _ = Ranking.order(yearCards, names: table.units)
            _ = Scorecard.province(metrics, year: year)
        }
        mark("scorecards+rankings")
        print(checksum.line)
        let phases = marks.map { "\($0.0) \(Int(($0.1 / .milliseconds(1)).rounded())) ms" }.joined(separator: ", ")
        say("phases: " + phases)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        say("peak memory: \(usage.ru_maxrss / 1024) MB")
        if charts > 0 { try ChartTiming(metrics: metrics, runs: charts).report() }
        if let video { try VideoTiming(metrics: metrics, size: video).report() }
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

/// Warm timings of one chart in one process: layout (ChartScene), PNG, PDF page. The peers'
/// figures (gnuplot, matplotlib) are per chart in a warm process too.
struct ChartTiming {
    let metrics: Metrics
    let runs: Int

    func report() throws {
        guard let year = metrics.table.years.last else { return }
        do {
            let renderer = try ChartRenderer()
            let context = ChartContext(size: .slide, theme: .light, language: .vi, measurer: renderer.measurer)
            let request = ChartRequest(kind: .yoy, year: year, indicator: 0)
            let folder = FileManager.default.temporaryDirectory.path
            let clock = ContinuousClock()
            var scenes: [Double] = [], pngs: [Double] = [], pdfs: [Double] = [], firstPNGs: [Double] = [], firstPDFs: [Double] = []
            var bytes = 0
            for run in 0..<(runs + 3) {
                var start = clock.now
                let scene = Charts.scene(request, metrics: metrics, context: context)
                let sceneTime = clock.now - start
                start = clock.now
                let png = try renderer.png(scene, size: .slide)
                try AtomicFile.write(png, to: folder + "/tongket-bench.png")
                let pngTime = clock.now - start
                start = clock.now
                try renderer.pdf([scene], info: .init(title: scene.title), to: folder + "/tongket-bench.pdf")
                let pdfTime = clock.now - start
                // The same chart as if never drawn in this process: a new renderer measures
                // and shapes its text again (fonts stay loaded, as in any warm process).
                let fresh = try ChartRenderer(), other = try ChartRenderer()
                start = clock.now
                let freshContext = ChartContext(size: .slide, theme: .light, language: .vi, measurer: fresh.measurer)
                try AtomicFile.write(try fresh.png(Charts.scene(request, metrics: metrics, context: freshContext), size: .slide), to: folder + "/tongket-bench.png")
                let firstPNGTime = clock.now - start
                start = clock.now
                let otherContext = ChartContext(size: .slide, theme: .light, language: .vi, measurer: other.measurer)
                let otherScene = Charts.scene(request, metrics: metrics, context: otherContext)
                try other.pdf([otherScene], info: .init(title: otherScene.title), to: folder + "/tongket-bench.pdf")
                let firstPDFTime = clock.now - start
                bytes = png.count
                if run >= 3 {
                    scenes.append(sceneTime / .milliseconds(1))
                    pngs.append(pngTime / .milliseconds(1))
                    pdfs.append(pdfTime / .milliseconds(1))
                    firstPNGs.append(firstPNGTime / .milliseconds(1))
                    firstPDFs.append(firstPDFTime / .milliseconds(1))
                }
            }
            // A deck: every page in one PDF, so the per-file cost (font subsets, xref) is shared.
            let scene = Charts.scene(request, metrics: metrics, context: context)
            var start = clock.now
            try renderer.pdf(Array(repeating: scene, count: runs), info: .init(title: scene.title), to: folder + "/tongket-bench-deck.pdf")
            let deckPage = (clock.now - start) / .milliseconds(1) / Double(runs)
            start = clock.now
            for _ in 0..<runs { _ = try renderer.bgra(scene, size: .slide) }
            let frame = (clock.now - start) / .milliseconds(1) / Double(runs)
            func median(_ values: [Double]) -> String { String(format: "%.2f ms", values.sorted()[values.count / 2]) }
            say(String(format: "same chart: a page of a %d-page PDF deck %.2f ms; a raw BGRA frame (draw + copy) %.2f ms", runs, deckPage, frame))
            say("yoy chart, 1920×1080, warm, median of \(runs): scene \(median(scenes)), PNG (draw+encode+write) \(median(pngs)) (\(bytes / 1024) KiB), PDF page (draw+write) \(median(pdfs))")
            say("the same, its text not yet laid out in this process: scene+PNG \(median(firstPNGs)), scene+PDF \(median(firstPDFs))")
        } catch {
            say("chart timing failed: \(error)")
            throw ExitCode(70)
        }
    }
}

/// Timings go to stderr, the checksum alone to stdout.
func say(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
