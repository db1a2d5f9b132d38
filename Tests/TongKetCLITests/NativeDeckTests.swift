import Foundation
import Testing
import TongKet

/// deck.pptx as PowerPoint's own: python-pptx (not our reader) opens every slide and reads
/// each native chart back from its XML — its series, what they are drawn as, the cells they
/// point at, the value axis — and they must be what the page's spec shows in deck.pdf: bars
/// from 0, a goal as a series of its own, every row, alt text on every chart.
@Suite(.serialized) struct NativeDeckTests {
    static let hasPythonPPTX = (try? Process.run("/usr/bin/env", ["python3", "-c", "import pptx, openpyxl"]).status) == 0

    /// Per slide: its charts (categories; per series its name, values, kind, cells and marker; the
    /// value axis; the embedded workbook's first row; the frame's alt text), tables, pictures and text.
    static let reader = #"""
    import sys, json, io, openpyxl
    from pptx import Presentation
    C = '{http://schemas.openxmlformats.org/drawingml/2006/chart}'
    out = []
    for s in Presentation(sys.argv[1]).slides:
        slide = {'charts': [], 'tables': [], 'pictures': 0, 'text': [], 'described': 0, 'frames': 0}
        for sh in s.shapes:
            descr = sh._element.xpath('./*[1]/p:cNvPr/@descr')
            if sh.has_chart or sh.has_table or sh.shape_type == 13:
                slide['frames'] += 1
                slide['described'] += 1 if descr and descr[0].strip() else 0
            if sh.has_chart:
                space = sh.chart._chartSpace
                series = []
                for kind in ('barChart', 'lineChart', 'scatterChart'):
                    for plot in space.iter(C + kind):
                        bar_dir = plot.find(C + 'barDir')
                        for ser in plot.iter(C + 'ser'):
                            name = ser.find('.//' + C + 'tx//' + C + 'v')
                            ref = ser.find(C + 'val/' + C + 'numRef/' + C + 'f')
                            count = ser.find(C + 'val//' + C + 'ptCount')
                            values = [None] * int(count.get('val'))
                            for pt in ser.find(C + 'val').iter(C + 'pt'):
                                values[int(pt.get('idx'))] = float(pt.find(C + 'v').text)
                            symbol = ser.find(C + 'marker/' + C + 'symbol')
                            series.append({'name': name.text if name is not None else '', 'values': values,
                                           'kind': kind[:-5] + ('' if bar_dir is None else ':' + bar_dir.get('val')),
                                           'ref': ref.text if ref is not None else '',
                                           'marker': symbol.get('val') if symbol is not None else ''})
                scaling = space.find('.//' + C + 'valAx/' + C + 'scaling')
                lo, hi = scaling.find(C + 'min'), scaling.find(C + 'max')
                categories = [pt.find(C + 'v').text for pt in space.find('.//' + C + 'cat').iter(C + 'pt')]
                book = openpyxl.load_workbook(io.BytesIO(sh.chart.part.chart_workbook.xlsx_part.blob)).active
                slide['charts'].append({'categories': categories, 'series': series,
                    'min': float(lo.get('val')) if lo is not None else None, 'max': float(hi.get('val')) if hi is not None else None,
                    'header': [c.value or '' for c in book[1]], 'row2': [str(c.value) for c in book[2]]})
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
                /// "bar:bar" (horizontal), "bar:col", "line".
                var kind: String
                /// "Sheet1!$F$2:$F$6": the cells it reads.
                var ref: String
                var marker: String
            }
            var categories: [String]
            var series: [Series]
            var min: Double?
            var max: Double?
            var header: [String]
            var row2: [String]

            func series(_ name: String) -> Series? { series.first { $0.name == name } }
        }
        var charts: [Chart]
        var tables: [[[String]]]
        var pictures: Int
        var text: [String]
        var described: Int
        var frames: Int
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

    /// Each row's value, from whichever of `series` has it (met and not met are two series).
    static func merged(_ series: [Slide.Chart.Series], count: Int) -> [Double?] {
        (0..<count).map { i in series.lazy.compactMap { i < $0.values.count ? $0.values[i] : nil }.first }
    }

    @Test(.enabled(if: hasPythonPPTX, "needs python-pptx and openpyxl (pip install python-pptx openpyxl)"))
    func everyChartReadsBackTheFiguresItsPageShows() throws {
        let metrics = try Metrics(reading: [OfficeFilesTests.sample])
        let slides = try Self.read(OfficeFilesTests.pack.appendingPathComponent("deck.pptx"))
        let (goals, bars, lines, tiles, tables, panels) = try Self.check(slides, metrics, year: 2023)
        #expect(goals >= 5 && bars >= 2 && lines >= 1 && tiles == 1 && tables >= 2 && panels >= 2,
                "\([goals, bars, lines, tiles, tables, panels])")
        // The title and closing pages are text to correct, not pictures.
        #expect(slides[0].pictures == 0 && slides[0].text.joined().contains("Tổng kết năm 2023"))
        #expect(slides[slides.count - 1].text.joined().contains("Xin trân trọng cảm ơn!"))
    }

    /// The same of two agencies nobody here laid out: a tax department's workbook and a police's
    /// (`Generated/verdicts.py`, seed 7), packs made from the files as they come.
    @Test(.enabled(if: hasPythonPPTX, "needs python-pptx and openpyxl (pip install python-pptx openpyxl)"),
          arguments: ["case-000", "case-001"])
    func everyChartOfAGeneratedAgencyReadsBackItsPage(agency: String) throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TongKetAnalyticsTests/Generated/verdicts.py")
        let generated = try Process.run("/usr/bin/env", ["python3", script.path, "--seed", "7", "--count", "2",
                                                         "--out", out.appendingPathComponent("in").path])
        #expect(generated.status == 0, "\(generated.stderr)")
        let folder = out.appendingPathComponent("in/\(agency)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".json") }
            .map { folder.appendingPathComponent($0).path }
        let result = try CLI.run(["report"] + files + ["--out", out.appendingPathComponent("pack").path, "--formats", "pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        let pack = out.appendingPathComponent("pack")
        let pptx = try #require(FileManager.default.enumerator(atPath: pack.path)?.compactMap { $0 as? String }
            .first { $0.hasSuffix("deck.pptx") && !$0.contains("units/") })
        let metrics = try Metrics(reading: files)
        let year = try #require(metrics.table.rows.map { Int($0.year) }.max())
        let (goals, bars, _, _, _, _) = try Self.check(try Self.read(pack.appendingPathComponent(pptx)), metrics, year: year)
        #expect(goals + bars >= 1)
    }

    /// Each slide against its page's spec; the count of each kind of page.
    static func check(_ slides: [Slide], _ metrics: Metrics, year: Int) throws -> (Int, Int, Int, Int, Int, Int) {
        let deck = DeckPlan(metrics: metrics, year: year, language: .vi)
        try #require(slides.count == deck.pages.count + 2)
        var goals = 0, bars = 0, lines = 0, tiles = 0, tables = 0, panels = 0
        for (index, request) in deck.pages.enumerated() {
            let spec = Charts.spec(request, metrics: metrics, language: .vi)
            let slide = slides[index + 1], page = "slide \(index + 2)"
            let text = slide.text.joined(separator: "\n")
            #expect(text.contains(spec.title), "\(page): \(spec.title)")
            // No page is a picture, and every chart and table says what it shows to a screen reader.
            #expect(slide.pictures == 0 && slide.described == slide.frames, "\(page): \(slide.described)/\(slide.frames) described")
            switch spec.plot {
            case let .bars(plot):
                let chart = try #require(slide.charts.first, "\(page): no chart")
                // Every row deck.pdf shows: all, or as many as the page's own limit, the rest counted under the chart.
                let shown = plot.maximumRows.map { plot.rows.count > $0 + 1 ? $0 : plot.rows.count } ?? plot.rows.count
                #expect(chart.categories.count == shown, "\(page)")
                if shown < plot.rows.count {
                    #expect(text.contains(plot.overflow?(plot.rows.count - shown) ?? "và \(plot.rows.count - shown)"), "\(page)")
                }
                let values = plot.rows.prefix(shown).map { $0.bars.first?.value }
                if plot.rows.contains(where: { $0.bars.first?.figures != nil }) {
                    // Met and not met are two series of the same kind (a row the page does not judge, a third); the goal is a
                    // line or marks of its own.
                    let drawn = chart.series.filter { $0.marker != "dash" && !$0.kind.hasPrefix("line") || $0.marker == "circle" }
                    let unjudged = plot.rows.prefix(shown).compactMap(\.bars.first)
                        .contains { $0.value != nil && $0.tone != .met && $0.tone != .notMet }
                    #expect(drawn.count == (unjudged ? 3 : 2), "\(page): \(chart.series.map(\.name))")
                    #expect(Self.close(Self.merged(drawn, count: values.count), values), "\(page)")
                    for i in values.indices where values[i] != nil {
                        #expect(drawn.filter { $0.values[i] != nil }.count == 1, "\(page) row \(i)")
                    }
                    let goal = try #require(chart.series.first { $0.kind == "line" && $0.marker != "circle" }, "\(page): no goal series")
                    let expected = plot.rule.map { rule in values.map { _ in Optional(rule.value) } }
                        ?? plot.rows.prefix(shown).map { $0.bars.first?.marker }
                    #expect(Self.close(goal.values, expected), "\(page): goal \(goal.values)")
                    // From 0, unless the page's points start higher, which the slide then says.
                    #expect(chart.min == (plot.lowerBound ?? 0), "\(page): axis from \(chart.min ?? -1)")
                    if let start = plot.lowerBound, start != 0 {
                        #expect(drawn.allSatisfy { $0.kind == "line" && $0.marker == "circle" }, "\(page)")
                        #expect(spec.subtitle.contains("không bắt đầu từ 0") && text.contains(spec.subtitle), "\(page)")
                    } else {
                        #expect(drawn.allSatisfy { $0.kind == "bar:col" }, "\(page)")
                    }
                    // The workbook holds each row's target and actual; the series read the cells computed from them.
                    #expect(Array(chart.header.dropFirst().prefix(2)) == ["Kế hoạch", "Thực hiện"], "\(page): \(chart.header)")
                    #expect(drawn.allSatisfy { ["F", "G", "H"].contains($0.ref.dropFirst(8).prefix(1)) }, "\(page)")
                    goals += 1
                } else {
                    #expect(chart.min == 0 && chart.series.allSatisfy { $0.kind == "bar:bar" }, "\(page)")
                    let width = plot.rows.map(\.bars.count).max() ?? 0
                    if width == 1 { #expect(Self.close(Self.merged(chart.series, count: values.count), values), "\(page)") }
                    bars += 1
                }
            case let .bullets(plot):
                let table = try #require(slide.tables.first, "\(page): no table")
                #expect(table.dropFirst().map { $0[0] } == plot.rows.map(\.label), "\(page)")
                tables += 1
            case let .lines(plot):
                let chart = try #require(slide.charts.first, "\(page): no chart")
                #expect(chart.categories == plot.categories && chart.min == 0)
                for (series, spec) in zip(chart.series, plot.series) {
                    #expect(Self.close(series.values, spec.values), "\(page) \(series.name)")
                }
                lines += 1
            case let .tiles(plot):
                for tile in plot.tiles { #expect(text.contains(tile.figure) && text.contains(tile.verdict), "\(page): \(tile.name)") }
                tiles += 1
            case let .cells(plot):
                let table = try #require(slide.tables.first)
                #expect(table.dropFirst().map { $0.first ?? "" } == Array(plot.rows.prefix(24)))
            case let .table(plot):
                let table = try #require(slide.tables.first)
                #expect(table.dropFirst().map { Array($0.dropFirst()) } == plot.rows.map(\.cells), "\(page)")
                tables += 1
            case let .panels(plot):
                // Small multiples: a chart per unit, its values and targets, all on one scale.
                #expect(slide.charts.count == plot.panels.count, "\(page)")
                for (chart, panel) in zip(slide.charts, plot.panels) {
                    #expect(Self.close(chart.series[0].values, panel.values), "\(page) \(panel.title)")
                    #expect(chart.max == slide.charts[0].max && chart.min == 0)
                }
                panels += 1
            }
        }
        return (goals, bars, lines, tiles, tables, panels)
    }

    /// "Edit Data" the night before: an actual corrected in the embedded workbook, the workbook
    /// computed again by LibreOffice, and the chart's series read from the cells they point at —
    /// the unit's completion follows and its column moves to the series of targets not met.
    @Test(.enabled(if: hasPythonPPTX && OfficeFilesTests.soffice != nil, "needs python-pptx, openpyxl and LibreOffice"))
    func correctingAFigureInTheWorkbookMovesItsColumn() throws {
        let script = #"""
        import sys, json, io, os, re, subprocess, tempfile, openpyxl
        from pptx import Presentation
        C = '{http://schemas.openxmlformats.org/drawingml/2006/chart}'
        for s in Presentation(sys.argv[1]).slides:
            for sh in s.shapes:
                if not sh.has_chart: continue
                part = sh.chart.part.chart_workbook.xlsx_part
                book = openpyxl.load_workbook(io.BytesIO(part.blob))
                sheet = book.active
                if sheet['D1'].value != 'Tỷ lệ hoàn thành (%)': continue
                before = [sheet['B2'].value, sheet['C2'].value]
                sheet['C2'] = before[0] / 2
                folder = tempfile.mkdtemp()
                book.save(os.path.join(folder, 'edited.xlsx'))
                subprocess.run([sys.argv[2], '--headless', '--calc', '--convert-to', 'xlsx', '--outdir', os.path.join(folder, 'out'),
                                os.path.join(folder, 'edited.xlsx')], check=True, capture_output=True)
                computed = openpyxl.load_workbook(os.path.join(folder, 'out', 'edited.xlsx'), data_only=True).active
                series = {}
                for ser in sh.chart._chartSpace.iter(C + 'ser'):
                    ref = ser.find(C + 'val/' + C + 'numRef/' + C + 'f').text
                    column, first, last = re.match(r"Sheet1!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)", ref).groups()
                    cells = [computed['%s%d' % (column, r)].value for r in range(int(first), int(last) + 1)]
                    series[ser.find('.//' + C + 'tx//' + C + 'v').text] = [c if isinstance(c, (int, float)) else None for c in cells]
                print(json.dumps({'target': before[0], 'series': series}, ensure_ascii=False))
                sys.exit(0)
        """#
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-edit-\(getpid()).py")
        try Data(script.utf8).write(to: file)
        let run = try Process.run("/usr/bin/env", ["python3", file.path, OfficeFilesTests.pack.appendingPathComponent("deck.pptx").path,
                                                    try #require(OfficeFilesTests.soffice)])
        #expect(run.status == 0, "\(run.stderr)")
        struct Edited: Decodable { var target: Double; var series: [String: [Double?]] }
        let edited = try JSONDecoder().decode(Edited.self, from: Data(run.stdout.utf8))
        // Half the target: 50 %, now among the targets not met, no longer among those met.
        #expect(edited.series["không đạt"]?.first == 50 && edited.series["đạt"]?.first == .some(nil), "\(edited.series)")
        #expect(edited.series["Kế hoạch (100 %)"]?.first == 100)
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
