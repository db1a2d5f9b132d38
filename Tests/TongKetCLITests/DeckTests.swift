import Foundation
import Testing
import TongKet

/// The deck a review conference is held on, for the bundled sample and for two other
/// agencies' exports: at most 25 pages in review order, no page of one bar, the charts
/// chosen with --charts, --indicators and --max-pages, and the narrative in the deck's order.
@Suite struct DeckTests {
    static let sample = ReportCommandTests.sample
    static let datasets: [String: [String]] = [
        "sample": [sample],
        "y-te": AgencyExportsTests.files("y-te"),
        "kinh-te-xa-hoi": AgencyExportsTests.files("kinh-te-xa-hoi"),
    ]

    @Test(arguments: ["sample", "y-te", "kinh-te-xa-hoi"])
    func theDefaultDeckFitsTwentyMinutesInReviewOrderWithNoOneBarPage(dataset: String) throws {
        let metrics = try Metrics(reading: try #require(Self.datasets[dataset]))
        let year = try #require(metrics.latestYear)
        let deck = DeckPlan(metrics: metrics, year: year)
        let kinds = deck.pages.map(\.kind)
        // Title and closing pages around the charts.
        #expect(deck.pages.count + 2 <= 25 && deck.pages.count >= 8, "\(deck.pages.count + 2) pages")
        // The review's order: headlines, the units' scorecard, the sections (kết quả đạt được), then
        // what was not met (tồn tại, hạn chế) last.
        #expect(Array(kinds.prefix(3)) == [.kpi, .scorecard, .bullet])
        #expect(kinds.last == .shortfalls && kinds.filter { $0 == .shortfalls }.count == 1)
        // "So với cùng kỳ" just before "tồn tại", on one page (two past 20 indicators).
        let comparison = deck.pages.filter { $0.kind == .comparison }
        let both = metrics.figureRows(year: year).filter { $0.scope == .province && $0.previousActual != nil }.count
        #expect(comparison.count == (both > 20 ? 2 : 1) && kinds.dropLast().last == .comparison)
        #expect(comparison.flatMap(\.indicators).count == both)
        // Each section opens with its overview, and an indicator's page follows its section's.
        var section: Set<Int32> = []
        for page in deck.pages.dropFirst(2).dropLast() {
            if page.kind == .bullet {
                #expect(page.indicators.count <= 8)
                if !(page.section?.hasSuffix("(tiếp)") ?? false) { section = [] }
                section.formUnion(page.indicators)
            } else if let indicator = page.indicator {
                #expect(section.contains(indicator), "\(metrics.table.indicators[Int(indicator)]) outside its section")
            }
        }
        // No page of one bar: every per-unit page has at least three units.
        for page in deck.pages where [.completion, .yoy, .multiples].contains(page.kind) {
            let units = metrics.figureRows(year: year).filter { $0.scope == .unit && $0.indicator == page.indicator }.count
            #expect(units >= 3, "\(page.kind) of \(metrics.table.indicators[Int(page.indicator ?? 0)]): \(units) units")
        }
        // Nothing twice.
        #expect(Set(deck.pages.map { "\($0.kind)\($0.indicator ?? -1)\($0.indicators)" }).count == deck.pages.count)
    }

    func manifest(_ folder: URL) throws -> [[String: Any]] {
        let pack = try #require(FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.first { $0.hasSuffix("manifest.json") })
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(pack))) as? [String: Any]
        return try #require(json?["files"] as? [[String: Any]])
    }

    @Test func chartsIndicatorsAndMaxPagesChooseTheDeck() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["report", Self.sample, "--out", folder.path, "--formats", "svg", "--date", "2024-01-15",
                                  "--charts", "kpi,scorecard,completion", "--indicators", "Số tố giác, tin báo về tội phạm đã kiểm sát,số vụ án hình sự",
                                  "--max-pages", "4"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try manifest(folder)
        let charts = files.filter { ($0["path"] as? String)?.hasPrefix("charts/") == true }
        #expect(Set(charts.compactMap { $0["kind"] as? String }) == ["kpi", "scorecard", "completion"])
        #expect(charts.filter { $0["kind"] as? String == "completion" }.count == 2)
        let pages = charts.compactMap { $0["deckPage"] as? Int }.sorted()
        // Title, kpi, closing and the page of the headline the province missed (Số vụ án hình sự
        // đã truy tố, 97,5 %): it is never dropped, the scorecard gives way.
        #expect(pages == [2, 3])
        #expect((charts.first { $0["deckPage"] as? Int == 3 }?["path"] as? String)?.hasSuffix("-completion-so-vu-an-hinh-su-da-truy-to.svg") == true)
        let deck = try #require(files.first { $0["path"] as? String == "deck.pdf" })
        #expect((deck["alt"] as? String)?.hasPrefix("Bộ trình chiếu 4 trang") == true)

        // Three pages: the title, the headlines, the closing — the opening's other pages give way too.
        let three = try CLI.run(["report", Self.sample, "--out", folder.path, "--formats", "svg", "--date", "2024-01-15", "--max-pages", "3", "--no-office"])
        #expect(three.status == 0, "\(three.stderr)")
        #expect(try manifest(folder).compactMap { $0["deckPage"] as? Int }.sorted() == [2])
        let refused = try CLI.run(["report", Self.sample, "--out", folder.path, "--max-pages", "2"])
        #expect(refused.status == 64 && refused.stderr.contains("--max-pages"))
        let unknown = try CLI.run(["report", Self.sample, "--out", folder.path, "--charts", "kpi,pie"])
        #expect(unknown.status == 64 && unknown.stderr.contains("pie"))
    }

    /// The importance rule: whatever the length, a headline the province missed keeps its page.
    @Test(arguments: ["sample", "y-te", "kinh-te-xa-hoi"])
    func aMissedHeadlineKeepsItsPageAtAnyLength(dataset: String) throws {
        let metrics = try Metrics(reading: try #require(Self.datasets[dataset]))
        let year = try #require(metrics.latestYear)
        let headlines = Set(Headlines.ranked(metrics, year: year).prefix(ChartKind.headlineTiles))
        let missed = headlines.filter { id in
            metrics.figureRows(year: year).contains { $0.scope == .province && $0.indicator == id && $0.status == .notMet }
                && metrics.figureRows(year: year).filter { $0.scope == .unit && $0.indicator == id }.count >= 3
        }
        for pages in [5, 8, 12, 25] {
            let deck = DeckPlan(metrics: metrics, year: year, maxPages: pages)
            #expect(deck.pages.count + 2 <= pages)
            for id in missed.prefix(pages - 3) {
                #expect(deck.pages.contains { $0.indicator == id }, "\(dataset), \(pages) pages: \(metrics.table.indicators[Int(id)])")
            }
        }
    }

    /// The cùng kỳ table holds the province's figures as the office writes them.
    @Test func theSamePeriodTableIsTheProvincesFigures() throws {
        let metrics = try Metrics(reading: [Self.sample])
        let words = FigureWords(metrics, .vi)
        let page = try #require(DeckPlan(metrics: metrics, year: 2023).pages.first { $0.kind == .comparison })
        guard case let .table(plot) = Charts.spec(page, metrics: metrics, language: .vi).plot else { Issue.record("not a table"); return }
        #expect(plot.columns == ["Năm 2022", "Năm 2023", "Tăng, giảm"])
        let province = metrics.figureRows(year: 2023).filter { $0.scope == .province }
        for (id, row) in zip(page.indicators, plot.rows) {
            let f = try #require(province.first { $0.indicator == id })
            #expect(row.cells == [words.value(try #require(f.previousActual), f), words.shortActual(f), words.change(f)])
            // Coloured by the better way: up for a "higher" indicator, down for a ceiling.
            if let delta = f.yoyDelta, delta != 0, f.direction != .neutral {
                #expect(row.tones[2] == ((delta > 0) == (f.direction == .higher) ? .met : .notMet))
            }
        }
    }

    /// The scorecard ranks like with like: each group under its label, best first within it.
    @Test func theScorecardRanksWithinEachGroupUnderItsLabel() throws {
        let metrics = try Metrics(reading: [Self.sample])
        guard case let .bars(plot) = Charts.spec(ChartRequest(kind: .scorecard, year: 2023), metrics: metrics, language: .vi).plot else { Issue.record("not bars"); return }
        #expect(plot.rows.filter(\.heading).map(\.label) == ["Các đơn vị cấp tỉnh", "Các đơn vị cấp huyện"])
        #expect(plot.rows.first?.heading == true && plot.rows.filter { !$0.heading }.count == metrics.table.units.count)
        var previous = Double.infinity
        for row in plot.rows {
            if row.heading { previous = .infinity; continue }
            let value = row.bars.first?.value ?? -1
            #expect(value <= previous, "\(row.label) out of rank")
            previous = value
        }
    }

    /// Rates within a few points are drawn as points on an axis that shows the band and says
    /// it does not start at 0; bars keep their zero baseline.
    @Test func ratesInANarrowBandGetAZoomedAxisAndSaySo() throws {
        let metrics = try Metrics(reading: AgencyExportsTests.files("kinh-te-xa-hoi"))
        let year = try #require(metrics.latestYear)
        let rate = try #require(metrics.table.indicators.firstIndex { $0.hasPrefix("Tỷ lệ hồ sơ giải quyết đúng hạn") })
        let spec = Charts.spec(ChartRequest(kind: .completion, year: year, indicator: Int32(rate)), metrics: metrics, language: .vi)
        guard case let .bars(plot) = spec.plot else { Issue.record("not bars"); return }
        let lower = try #require(plot.lowerBound)
        let values = plot.rows.compactMap { $0.bars.first?.value } + plot.rows.compactMap { $0.bars.first?.marker }
        #expect(lower < (values.min() ?? 0) && lower >= 80 && spec.subtitle.contains("không bắt đầu từ 0"))
        let sample = try Metrics(reading: [Self.sample])
        let count = try #require(sample.table.indicators.firstIndex { $0 == "Số bị can đã truy tố" })
        guard case let .bars(counts) = Charts.spec(ChartRequest(kind: .completion, year: 2023, indicator: Int32(count)), metrics: sample, language: .vi).plot else { return }
        #expect(counts.lowerBound == nil)
    }

    /// The earned-place rule for paths: most panels must move on their shared scale.
    @Test func smallMultiplesEarnTheirPageOnlyWhenThePanelsMove() {
        #expect(!DeckPlan.readablePanels([[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 1]]), "all zero but one")
        #expect(!DeckPlan.readablePanels([[99.9, 99.9, 100], [100, 100, 100], [99.8, 99.9, 99.9], [100, 99.9, 100]]), "flat at the top")
        #expect(DeckPlan.readablePanels([[10, 14, 19], [30, 22, 35], [5, 9, 4], [18, 18, 18]]), "three of four move")
        #expect(!DeckPlan.readablePanels([]))
    }

    @Test func theNarrativeFollowsTheDeck() throws {
        let metrics = try Metrics(reading: AgencyExportsTests.files("y-te"))
        let year = try #require(metrics.latestYear)
        let text = Narrative(metrics: metrics, year: year, language: .vi).markdown
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        let sections = DeckPlan(metrics: metrics, year: year).sections.compactMap(\.title)
        #expect(headings == ["Kết quả nổi bật", "Kết quả theo đơn vị"] + sections
                + ["So với cùng kỳ", "Tồn tại, hạn chế"])
        // A missed ceiling is said as a ceiling: above its limit, by how much.
        #expect(text.range(of: #"vượt trần [0-9,.]+ [^ ]+ \(trần "#, options: .regularExpression) != nil, "by how much, then the limit")
        #expect(!text.contains("Số ca mắc sốt xuất huyết: 1.326 ca, tăng 421 ca (46,5 %) so với cùng kỳ; đạt"))
    }
}
