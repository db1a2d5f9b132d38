import Foundation
import Testing
import TongKet

/// Figures that say what they are about: the indicator and unit as values, lookups by name
/// that say what is close, and the writer's settings and concurrency.
@Suite struct FigureValueTests {
    static let sample = ChartWriterTests.sample

    @Test func aFigureCarriesItsIndicatorAndUnitAsValues() throws {
        let (metrics, warnings, findings) = try Metrics.read([URL(fileURLWithPath: Self.sample)])
        #expect(warnings.isEmpty)
        #expect(!findings.isEmpty)
        let appeals = try metrics.indicator(named: "kháng nghị phúc thẩm")
        #expect(appeals.name.lowercased().contains("kháng nghị phúc thẩm") && appeals.direction == .higher)
        let province = try #require(metrics.provinceFigure(appeals, year: 2023))
        #expect(province.isProvince && province.indicator == appeals && province.year == 2023)
        // The province's figure is its units' total here, and each unit's figure names its unit.
        let byUnit = metrics.figures(year: 2023, of: appeals)
        #expect(byUnit.filter { !$0.isProvince }.allSatisfy { $0.unit != nil && $0.indicator == appeals })
        #expect(appeals.provinceIsSum)
        #expect(byUnit.filter { !$0.isProvince }.map(\.actual).reduce(0, +) == province.actual)
        // Every figure the report is built on, each once.
        #expect(metrics.figures().count == metrics.unitFigureCount + metrics.provinceFigureCount)
        let unit = try metrics.unit(named: "ngã bảy")
        #expect(unit.name == "VKSND thành phố Ngã Bảy")
        #expect(metrics.figures(year: 2023, unit: unit).allSatisfy { $0.unit == unit })
        #expect(metrics.units.contains(unit) && metrics.indicators.contains(appeals))
    }

    @Test func aNameThatMatchesNothingSaysWhatIsClose() throws {
        let metrics = try Metrics(reading: [URL(fileURLWithPath: Self.sample)])
        #expect { try metrics.unit(named: "Phòng 9") } throws: { error in
            guard let error = error as? LookupError else { return false }
            return error.kind == .unit && error.closeMatches.prefix(2) == ["Phòng 7", "Phòng 8"] && !error.ambiguous
                && error.localizedDescription.hasPrefix("No unit is called \"Phòng 9\". Close matches: Phòng 7; Phòng 8")
        }
        // A part several names hold is not a guess: it asks for more of the name.
        #expect { try metrics.unit(named: "VKSND") } throws: { error in
            (error as? LookupError)?.ambiguous == true && error.localizedDescription.contains("write more of the name")
        }
    }

    @Test func aKindThatShowsEveryIndicatorRefusesOne() throws {
        let metrics = try Metrics(reading: [Self.sample])
        let charts = try ChartWriter()
        let appeals = try metrics.indicator(named: "kháng nghị phúc thẩm")
        #expect(throws: ChartWriterError.indicatorIgnored(.scorecard)) { try charts.spec(.scorecard, of: metrics, indicator: appeals) }
        #expect(try charts.spec(.trend, of: metrics, indicator: appeals).title.lowercased().contains("kháng nghị"))
    }

    /// The writer's source line, author and canvas reach every file; one writer shared by tasks.
    @Test func oneWriterIsSharedByTasksAndItsSettingsReachTheFiles() async throws {
        let out = try ChartWriterTests().folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let metrics = try Metrics(reading: [URL(fileURLWithPath: Self.sample)])
        let charts = try ChartWriter(size: .a4Landscape, theme: .print, source: "Nguồn: Phòng Tổng hợp", author: "Phòng Tổng hợp")
        #expect(charts.size.isPaper && !CanvasSize.slide.isPaper && CanvasSize.paper(width: 420, height: 297).isPaper)
        let spec = try charts.spec(.kpi, of: metrics)
        #expect(charts.scene(spec).items.contains { if case let .text(run) = $0 { run.text.hasPrefix("Nguồn: Phòng Tổng hợp") } else { false } })
        try await withThrowingTaskGroup(of: Void.self) { group in
            for kind in [ChartKind.kpi, .scorecard, .heatmap, .shortfalls] {
                group.addTask { try await charts.write(kind, of: metrics, to: out.appendingPathComponent("\(kind.rawValue).pdf")) }
            }
            try await group.waitForAll()
        }
        for kind in ["kpi", "scorecard", "heatmap", "shortfalls"] {
            let info = try Self.pdfinfo(out.appendingPathComponent("\(kind).pdf"))
            #expect(info.contains("Author:          Phòng Tổng hợp") && info.contains("841.89 x 595.28 pts"), "\(kind): \(info)")
        }
    }

    /// A bar may have a colour of its own, the same in every theme; the overflow row is words
    /// for a count, not a "%d" template.
    @Test func aBarHasItsOwnColourAndTheOverflowRowItsOwnWords() throws {
        let house = ChartColor(hex: 0x7B2D8E)
        let rows = (1...40).map { BarPlot.Row(label: "Chỉ tiêu \($0)", bars: [BarPlot.Bar(value: Double($0), tone: $0 == 1 ? .custom(house) : .met, label: "\($0)")]) }
        let spec = ChartSpec(title: "Bốn mươi dòng", subtitle: "", plot: .bars(BarPlot(rows: rows, overflow: { "… còn \($0) chỉ tiêu" })))
        for theme in [Theme.light, .dark, .print] {
            let scene = try ChartWriter(theme: theme).scene(spec)
            #expect(scene.items.contains { if case let .rect(bar) = $0 { bar.fill == house } else { false } }, "\(theme.name)")
            #expect(scene.items.contains { if case let .text(run) = $0 { run.text.hasPrefix("… còn ") && run.text.hasSuffix(" chỉ tiêu") } else { false } })
        }
    }

    static func pdfinfo(_ file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
        process.arguments = [file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
