import Testing
import TongKetAnalytics
import TongKetCairo
import TongKetCharts
import TongKetData

/// The layout guarantees, checked on the ChartScene for every kind, size and awkward dataset:
/// every text box inside the canvas, no two text boxes overlapping.
extension RenderingTests {
@Suite struct LayoutTests {
    struct Case: CustomStringConvertible, Sendable {
        var kind: ChartKind
        var size: CanvasSize
        var dataset: Int
        var description: String { "\(kind.rawValue) \(size.name) \(ChartFixtures.names[dataset])" }
    }

    static let cases: [Case] = ChartKind.allCases.flatMap { kind in
        CanvasSize.presets.flatMap { size in ChartFixtures.names.indices.map { Case(kind: kind, size: size, dataset: $0) } }
    }

    static func scene(_ c: Case, theme: Theme = .light) throws -> ChartScene {
        let renderer = try #require(sharedRenderer)
        let metrics = try ChartFixtures.dataset(c.dataset)
        let year = metrics.table.years.last ?? 2023
        let context = ChartContext(size: c.size, theme: theme, language: .vi, measurer: renderer.measurer)
        return Charts.scene(ChartRequest(kind: c.kind, year: year, indicator: c.kind.needsIndicator ? 0 : nil), metrics: metrics, context: context)
    }

    @Test(arguments: cases)
    func textStaysOnTheCanvasAndNeverOverlaps(c: Case) throws {
        let scene = try Self.scene(c)
        let texts = scene.texts
        #expect(texts.count >= 3)
        // Legible where it is shown: 24 px on a 1920×1080 slide (in proportion on other
        // screens), 7 pt on paper.
        let smallest = c.size.isPaper ? 7 : 24 * c.size.unit
        for run in texts { #expect(run.style.size >= smallest - 1e-9, "\(c): \"\(run.text)\" at \(run.style.size)") }
        for run in texts {
            #expect(scene.bounds.contains(run.frame), "\(c): \"\(run.text)\" at \(run.frame) leaves the canvas")
            #expect(run.frame.width >= 0 && run.frame.height > 0)
            #expect(!run.text.contains("nan") && !run.text.contains("inf") && !run.text.contains("∞"), "\(c): \(run.text)")
        }
        for i in texts.indices {
            for j in texts.indices where j > i {
                let a = texts[i].frame.inset(by: 0.5), b = texts[j].frame.inset(by: 0.5)
                #expect(!a.intersects(b), "\(c): \"\(texts[i].text)\" \(texts[i].frame) overlaps \"\(texts[j].text)\" \(texts[j].frame)")
            }
        }
        for item in scene.items { #expect(scene.bounds.contains(item.bounds), "\(c): \(item) leaves the canvas") }
    }

    @Test func longUnitNamesWrapToAtMostThreeLinesInsteadOfRotating() throws {
        let scene = try Self.scene(Case(kind: .scorecard, size: .slide, dataset: 1))
        let names = scene.texts.filter { $0.text.hasPrefix(ChartFixtures.longName) }
        #expect(names.allSatisfy { $0.maxLines <= 3 })
        // Forty long names do not fit at a legible size: the first ones are shown, and a last
        // row counts the rest — never names shrunk below 24 px.
        #expect(names.count >= 10 && names.count < 40)
        #expect(scene.texts.contains { $0.text == "và \(40 - names.count) đơn vị khác" })
        let sample = try Self.scene(Case(kind: .scorecard, size: .a4, dataset: 0))
        let wrapped = sample.texts.filter { $0.text.hasPrefix("Viện kiểm sát") || $0.text.hasPrefix("VKSND") }
        #expect(!wrapped.isEmpty)
        #expect(wrapped.contains { $0.frame.height > 1.5 * $0.style.size * 1.2 }, "no long name wrapped onto a second line")
        #expect(wrapped.allSatisfy { $0.maxLines <= 3 })
    }

    @Test func barLengthsAreProportionalToTheValues() throws {
        let renderer = try #require(sharedRenderer)
        let metrics = try ChartFixtures.sample()
        let context = ChartContext(size: .slide, theme: .light, language: .vi, measurer: renderer.measurer)
        let scene = Charts.scene(ChartRequest(kind: .scorecard, year: 2023), metrics: metrics, context: context)
        let cards = Ranking.units(metrics, year: 2023)
        // Bars, not the legend's swatches: the swatches are small squares in the top row.
        let bars = scene.rects.filter { ($0.fill == Theme.light.met || $0.fill == Theme.light.notMet) && $0.frame.height > 24 }
        #expect(bars.count == cards.filter { $0.ratio != nil }.count)
        let fullWidth = try #require(bars.first { _ in true }.map { _ in bars.map(\.frame.width).max() ?? 0 })
        let maxRatio = cards.compactMap(\.ratio).max() ?? 1
        for (bar, card) in zip(bars, cards) {
            let ratio = try #require(card.ratio)
            #expect(abs(bar.frame.width / fullWidth - ratio / maxRatio) < 0.01)
        }
    }

    @Test func undefinedValuesAreShownAsADashNeverNaN() throws {
        // "missing years": a unit with no target in the chart's year.
        let scene = try Self.scene(Case(kind: .completion, size: .slide, dataset: 4))
        #expect(scene.texts.contains { $0.text == "—" })
    }

    @Test func heatmapTextIsLightOnDarkCellsAndDarkOnLightOnes() throws {
        let scene = try Self.scene(Case(kind: .heatmap, size: .slide, dataset: 1))
        let cells = scene.rects
        var checked = 0
        for run in scene.texts where run.text.hasSuffix(" %") && run.style.bold {
            guard let cell = cells.first(where: { $0.frame.contains(run.frame) && $0.frame.width < scene.width / 4 }) else { continue }
            let dark = cell.fill.luminance <= 0.36
            #expect(dark ? run.style.color.luminance > 0.5 : run.style.color.luminance < 0.2)
            checked += 1
        }
        #expect(checked > 20)
    }

    @Test func percentagePointsAreLabelledAsPoints() throws {
        let renderer = try #require(sharedRenderer)
        let metrics = try ChartFixtures.manyLongUnits()
        let context = ChartContext(size: .slide, theme: .light, language: .vi, measurer: renderer.measurer)
        let rate = try #require(metrics.table.indicators.firstIndex(of: "Tỷ lệ án bị hủy"))
        let scene = Charts.scene(ChartRequest(kind: .yoy, year: 2023, indicator: Int32(rate)), metrics: metrics, context: context)
        #expect(scene.texts.contains { $0.text.hasSuffix("điểm %") })
        #expect(!scene.texts.contains { $0.text.contains("(+") && $0.text.hasSuffix("điểm %") })
    }

    /// Met and not met, last year and this year, the heatmap's two ends: each pair differs in
    /// lightness, so a greyscale printout (or a reader who cannot tell the hues) keeps them apart.
    @Test(arguments: Theme.all.map(\.name))
    func paletteSurvivesGreyscale(themeName: String) throws {
        let theme = try #require(Theme.named(themeName))
        let pairs = [(theme.met, theme.notMet), (theme.previous, theme.current), (theme.below, theme.above)]
        for (a, b) in pairs {
            let (light, dark) = a.luminance > b.luminance ? (a, b) : (b, a)
            // WCAG contrast ratio between the two greys.
            #expect((light.luminance + 0.05) / (dark.luminance + 0.05) >= 1.8, "\(themeName): \(a) vs \(b)")
        }
    }

    @Test func aLogoTakesTheTopRightCornerAndTheTitleMakesRoom() throws {
        let renderer = try #require(sharedRenderer)
        let metrics = try ChartFixtures.sample()
        let context = ChartContext(size: .slide, theme: .light, language: .vi, measurer: renderer.measurer, logoPath: "/nonexistent/logo.png")
        let scene = Charts.scene(ChartRequest(kind: .scorecard, year: 2023), metrics: metrics, context: context)
        let logo = try #require(scene.items.compactMap { if case let .image(mark) = $0 { return mark } else { return nil } }.first)
        #expect(logo.frame.maxX <= scene.width && logo.frame.x > scene.width * 0.8 && logo.frame.y < scene.height * 0.15)
        #expect(scene.texts.allSatisfy { !$0.frame.intersects(logo.frame) })
        // A missing logo file draws nothing rather than failing the chart.
        #expect(try renderer.png(scene, size: .slide).count > 1000)
    }
}
}

/// Rates as rates on the charts (issue "The province figure the office publishes"): a rate's bar
/// and cell is the rate itself against its threshold, never a completion of a rate, and a value
/// `check` flags carries "⚠".
@Suite struct RatesOnChartsTests {
    static func metrics() throws -> Metrics {
        var records: [IndicatorRecord] = []
        for (u, unit) in ["Phòng 1", "Phòng 2", "Phòng 3"].enumerated() {
            for year in [2022, 2023, 2024] {
                records.append(IndicatorRecord(year: year, unit: unit, indicator: "Tỷ lệ giải quyết", measure: "%", target: 70, actual: [100, 95.5, 64][u]))
                // Phòng 3's 2024 count typed with an extra digit.
                records.append(IndicatorRecord(year: year, unit: unit, indicator: "Số vụ", measure: "vụ", target: 50,
                                               actual: u == 2 && year == 2024 ? 600 : Double(50 + u * 3 + year - 2022)))
            }
        }
        return try Metrics(table: IndicatorTable(records: records))
    }

    static func texts(_ kind: ChartKind, indicator: Int32?) throws -> [String] {
        let metrics = try metrics()
        let id = indicator.map { $0 } ?? 0
        let spec = Charts.spec(ChartRequest(kind: kind, year: 2024, indicator: kind.needsIndicator ? id : nil), metrics: metrics, language: .vi)
        switch spec.plot {
        case let .bars(plot): return plot.rows.flatMap { [$0.note] + $0.bars.map(\.label) }
        case let .cells(plot): return plot.cells.flatMap { $0.compactMap { $0?.text } }
        default: return []
        }
    }

    @Test func aRatesCompletionChartIsTheRatesAgainstTheThreshold() throws {
        let metrics = try Self.metrics()
        let rate = try #require(metrics.table.indicators.firstIndex(of: "Tỷ lệ giải quyết"))
        let texts = try Self.texts(.completion, indicator: Int32(rate))
        #expect(texts.contains("100 %") && texts.contains("+30 điểm %") && texts.contains("–6 điểm %"))
        #expect(!texts.contains { $0.contains("142,9") })
    }

    @Test func aHeatmapShowsARateAsItselfAndMarksAFlaggedValue() throws {
        let texts = try Self.texts(.heatmap, indicator: nil)
        #expect(texts.contains("95,5 %") && !texts.contains { $0.contains("136,4") })
        #expect(texts.contains { $0.hasPrefix("⚠ ") })
    }
}

/// The office's order and names (issue "The deck as a review conference is held", item 2): the
/// tiles in the catalogue's "thứ tự", under its "tên ngắn".
@Suite struct OfficeOrderTests {
    @Test func tilesFollowTheCataloguesOrderUnderItsShortNames() throws {
        var records: [IndicatorRecord] = []
        for unit in ["Phòng 1", "Phòng 2", "Phòng 3"] {
            for (k, name) in ["Số vụ án đã thụ lý giải quyết trong kỳ", "Số bị can đã truy tố", "Tỷ lệ giải quyết án"].enumerated() {
                for year in [2023, 2024] {
                    records.append(IndicatorRecord(year: year, unit: unit, indicator: name, measure: k == 2 ? "%" : "vụ", target: k == 2 ? 90 : 50, actual: Double(60 + k + year - 2023)))
                }
            }
        }
        let catalogue = Catalogue(indicators: [
            CatalogueIndicator(name: "Tỷ lệ giải quyết án", label: "Tỷ lệ giải quyết", order: 1),
            CatalogueIndicator(name: "Số vụ án đã thụ lý giải quyết trong kỳ", label: "Án thụ lý", order: 2),
            CatalogueIndicator(name: "Số bị can đã truy tố", label: "Bị can truy tố", order: 3),
        ])
        let metrics = try Metrics(Interpretation(IndicatorTable(records: records), catalogue: catalogue))
        let spec = Charts.spec(ChartRequest(kind: .kpi, year: 2024), metrics: metrics, language: .vi)
        guard case let .tiles(plot) = spec.plot else { Issue.record("not tiles"); return }
        #expect(plot.tiles.map(\.name) == ["Tỷ lệ giải quyết (trung bình)", "Án thụ lý", "Bị can truy tố"])
        // Near miss: without the catalogue, the files' order and names.
        let plain = try Metrics(table: IndicatorTable(records: records))
        guard case let .tiles(files) = Charts.spec(ChartRequest(kind: .kpi, year: 2024), metrics: plain, language: .vi).plot else { return }
        #expect(Set(files.tiles.map(\.name)) == Set(["Số vụ án đã thụ lý giải quyết trong kỳ", "Số bị can đã truy tố", "Tỷ lệ giải quyết án (trung bình)"]))
    }
}
