import Foundation
import Testing
import TongKet

/// deck.pptx as PowerPoint's own: python-pptx (not our reader) opens every slide and reads
/// each native chart's series and categories back; they must be the figures the page's spec
/// shows, the tiles' figures must be text on their slide, and small multiples a picture.
@Suite(.serialized) struct NativeDeckTests {
    static let hasPythonPPTX = (try? Process.run("/usr/bin/env", ["python3", "-c", "import pptx"]).status) == 0

    /// Per slide: its charts (categories, series names and values), tables, pictures and text.
    static let reader = #"""
    import sys, json
    from pptx import Presentation
    out = []
    for s in Presentation(sys.argv[1]).slides:
        slide = {'charts': [], 'tables': [], 'pictures': 0, 'text': []}
        for sh in s.shapes:
            if sh.has_chart:
                plot = sh.chart.plots[0]
                book = sh.chart.part.chart_workbook.xlsx_part
                slide['charts'].append({'categories': [str(c) for c in plot.categories],
                    'series': [{'name': se.name, 'values': [v for v in se.values]} for se in plot.series],
                    'workbook': len(book.blob) if book else 0})
            elif sh.has_table:
                slide['tables'].append([[c.text for c in row.cells] for row in sh.table.rows])
            elif sh.shape_type == 13:
                slide['pictures'] += 1
            if sh.has_text_frame:
                slide['text'].append(sh.text_frame.text)
        out.append(slide)
    print(json.dumps(out, ensure_ascii=False))
    """#

    struct Slide: Decodable {
        struct Chart: Decodable {
            struct Series: Decodable {
                var name: String
                var values: [Double?]
            }
            var categories: [String]
            var series: [Series]
            var workbook: Int
        }
        var charts: [Chart]
        var tables: [[[String]]]
        var pictures: Int
        var text: [String]
    }

    static func read(_ pptx: URL) throws -> [Slide] {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-pptx-\(getpid()).py")
        try Data(reader.utf8).write(to: script)
        let result = try Process.run("/usr/bin/env", ["python3", script.path, pptx.path])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([Slide].self, from: Data(result.stdout.utf8))
    }

    static func close(_ a: [Double?], _ b: [Double?]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in x == nil && y == nil || (x.flatMap { x in y.map { abs(x - $0) < 1e-9 * max(1, abs(x)) } } ?? false) }
    }

    @Test(.enabled(if: hasPythonPPTX, "needs python-pptx (pip install python-pptx)"))
    func everyChartReadsBackTheFiguresItsPageShows() throws {
        let slides = try Self.read(OfficeFilesTests.pack.appendingPathComponent("deck.pptx"))
        let metrics = try Metrics(reading: [OfficeFilesTests.sample])
        let deck = DeckPlan(metrics: metrics, year: 2023, language: .vi)
        try #require(slides.count == deck.pages.count + 2)
        var charts = 0, tiles = 0, pictures = 0, tables = 0
        for (index, request) in deck.pages.enumerated() {
            let spec = Charts.spec(request, metrics: metrics, language: .vi)
            let slide = slides[index + 1]
            let text = slide.text.joined(separator: "\n")
            #expect(text.contains(spec.title), "slide \(index + 2): \(spec.title)")
            switch spec.plot {
            case let .bars(plot):
                let chart = try #require(slide.charts.first, "slide \(index + 2): no chart")
                let rows = Array(plot.rows.prefix(chart.categories.count))
                #expect(chart.categories.count == min(plot.rows.count, 14) - (plot.rows.count > 14 ? 1 : 0))
                // The band at the target, the limit or the rule first, then one series per bar.
                let markers = rows.map { $0.bars.first?.marker }
                let band: [Double?]? = markers.contains { $0 != nil } ? markers : plot.rule.map { rule in rows.map { $0.heading ? nil : rule.value } }
                let bars = (0..<(rows.map(\.bars.count).max() ?? 0)).map { b in rows.map { $0.bars.indices.contains(b) ? $0.bars[b].value : nil } }
                let expected = (band.map { [$0] } ?? []) + bars
                #expect(chart.series.count == expected.count, "slide \(index + 2)")
                for (series, values) in zip(chart.series, expected) { #expect(Self.close(series.values, values), "slide \(index + 2) \(series.name): \(series.values) ≠ \(values)") }
                #expect(chart.workbook > 0, "slide \(index + 2): no embedded workbook")
                charts += 1
            case let .bullets(plot):
                let chart = try #require(slide.charts.first, "slide \(index + 2): no chart")
                let shares = plot.rows.map { row in row.target.flatMap { $0 > 0 ? row.actual / $0 * 100 : nil } }
                #expect(Self.close(chart.series.last?.values ?? [], shares), "slide \(index + 2)")
                #expect(chart.categories.count == plot.rows.count)
                charts += 1
            case let .lines(plot):
                let chart = try #require(slide.charts.first, "slide \(index + 2): no chart")
                #expect(chart.categories == plot.categories)
                for (series, spec) in zip(chart.series, plot.series) { #expect(Self.close(series.values, spec.values), "slide \(index + 2) \(series.name)") }
                charts += 1
            case let .tiles(plot):
                for tile in plot.tiles { #expect(text.contains(tile.figure) && text.contains(tile.verdict), "slide \(index + 2): \(tile.name)") }
                tiles += 1
            case let .cells(plot):
                let table = try #require(slide.tables.first)
                #expect(table.dropFirst().map { $0.first ?? "" } == Array(plot.rows.prefix(14)))
            case let .table(plot):
                let table = try #require(slide.tables.first)
                #expect(table.dropFirst().map { Array($0.dropFirst()) } == plot.rows.map(\.cells), "slide \(index + 2)")
                tables += 1
            case .panels:
                #expect(slide.pictures == 1 && slide.charts.isEmpty)
                pictures += 1
            }
        }
        #expect(charts >= 10 && tiles == 1 && tables >= 1)
        // The title and closing pages are text to correct, not pictures.
        #expect(slides[0].pictures == 0 && slides[0].text.joined().contains("Tổng kết năm 2023"))
        #expect(slides[slides.count - 1].text.joined().contains("Xin trân trọng cảm ơn!"))
    }

    @Test(.enabled(if: hasPythonPPTX, "needs python-pptx (pip install python-pptx)"))
    func thePictureDeckIsPicturesStill() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["report", OfficeFilesTests.sample, "--out", out.path, "--date", "2024-01-15", "--formats", "pdf", "--pptx", "pictures", "--max-pages", "5"])
        #expect(result.status == 0, "\(result.stderr)")
        let slides = try Self.read(out.appendingPathComponent("hau-giang/2023/deck.pptx"))
        #expect(slides.count == 5 && slides.allSatisfy { $0.pictures == 1 && $0.charts.isEmpty })
    }
}

/// Names with the five characters XML escapes, in every Office file: each part still parses
/// (Python's XML reader, not ours) and the names read back as they were typed.
@Suite struct MarkupInOfficeFilesTests {
    static let names = (units: ["Phòng \"A\" & <B>", "Huyện O'Neil & Co", "Đội <3>"], indicators: ["Số vụ \"đặc biệt\" & <nghiêm trọng>", "Số tin 'A' > B"])

    static let reader = #"""
    import sys, zipfile, xml.dom.minidom as m
    z = zipfile.ZipFile(sys.argv[1]); words = []
    def walk(n):
        if n.nodeType == n.TEXT_NODE: words.append(n.data)
        if n.attributes:
            for i in range(n.attributes.length): words.append(n.attributes.item(i).value)
        for c in n.childNodes: walk(c)
    for name in z.namelist():
        if name.endswith('.xml') or name.endswith('.rels'): walk(m.parseString(z.read(name)))
        if name.endswith('.xlsx'):
            import io
            inner = zipfile.ZipFile(io.BytesIO(z.read(name)))
            for n in inner.namelist():
                if n.endswith('.xml'): walk(m.parseString(inner.read(n)))
    print('\n'.join(words))
    """#

    @Test func everyOfficePartParsesAndKeepsTheNames() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        var csv = "năm,đơn vị,chỉ tiêu,đơn vị tính,kế hoạch,thực hiện\n"
        for year in [2022, 2023] {
            for (u, unit) in Self.names.units.enumerated() {
                for (i, indicator) in Self.names.indicators.enumerated() {
                    let field = { (s: String) in "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                    csv += "\(year),\(field(unit)),\(field(indicator)),vụ,\(10 + u),\(9 + u + i + year - 2022)\n"
                }
            }
        }
        let file = out.appendingPathComponent("ten-dac-biet.csv")
        try Data(csv.utf8).write(to: file)
        let result = try CLI.run(["report", file.path, "--out", out.path, "--date", "2024-01-15", "--formats", "png", "--organisation", "Sở \"A\" & <B>"])
        #expect(result.status == 0, "\(result.stderr)")
        let script = out.appendingPathComponent("words.py")
        try Data(Self.reader.utf8).write(to: script)
        let pack = try #require(FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String }.first { $0.hasSuffix("/deck.pptx") })
        for office in ["deck.pptx", "report.docx", "metrics.xlsx"] {
            let path = out.appendingPathComponent(pack).deletingLastPathComponent().appendingPathComponent(office).path
            let read = try Process.run("/usr/bin/env", ["python3", script.path, path])
            #expect(read.status == 0, "\(office): \(read.stderr)")
            for name in Self.names.indicators { #expect(read.stdout.contains(name), "\(office): \(name)") }
            if office != "report.docx" { for name in Self.names.units { #expect(read.stdout.contains(name), "\(office): \(name)") } }
        }
    }
}
