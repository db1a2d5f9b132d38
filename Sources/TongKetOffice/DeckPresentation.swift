import TongKetCharts

/// The deck as a PowerPoint file (16:9) the office can correct the night before: each chart
/// page a native chart (bars, lines, the bullet as bars against a band) with its figures in
/// an embedded workbook, the headline tiles as text boxes, the heatmap as a table with
/// fills, the title and closing pages as text; the title in the slide's title placeholder,
/// the alt text on the chart, what to say in the speaker notes. Small multiples, and every
/// page of the picture deck (`--pptx pictures`), are the page's picture filling the slide.
package enum DeckPresentation {
    public enum Content: Sendable {
        /// The page as a 1920×1080 PNG filling the slide.
        case picture([UInt8])
        /// The page drawn by PowerPoint from its spec; `source` the line under it.
        case chart(ChartSpec, source: String)
        /// A title or closing page: its title and the lines under it, as text.
        case cover(title: String, lines: [String])
    }

    public struct Slide: Sendable {
        public var title: String
        public var content: Content
        public var alt: String
        public var notes: [String]
        /// "3 / 12" in the corner; nil on the title page.
        public var number: String?

        var isPicture: Bool { if case .picture = content { return true } else { return false } }

        public init(title: String, content: Content, alt: String, notes: [String], number: String? = nil) {
            self.title = title
            self.content = content
            self.alt = alt
            self.notes = notes
            self.number = number
        }
    }

    /// EMU: 914 400 an inch; a 13.333 × 7.5 inch slide.
    static let width = 12_192_000, height = 6_858_000

    /// `lang`: the text's language tag for proofing ("vi-VN", "en-GB"); `measurer` sets each text box's
    /// text at a size that fits it (nil: PowerPoint's own shrinking).
    public static func data(_ slides: [Slide], title: String, lang: String, theme: Theme = .light,
                            measurer: (any TextMeasurer)? = nil) -> [UInt8] {
        var package = OfficePackage()
        let presentation = "ppt/presentation.xml"
        package.relate("", to: presentation, .document)
        package.addProperties(title: title)

        let master = "ppt/slideMasters/slideMaster1.xml", layout = "ppt/slideLayouts/slideLayout1.xml"
        let notesMaster = "ppt/notesMasters/notesMaster1.xml"
        let masterID = package.relate(presentation, to: master, .slideMaster)
        let notesMasterID = package.relate(presentation, to: notesMaster, .notesMaster)
        package.relate(presentation, to: "ppt/theme/theme1.xml", .theme)
        for (part, relation) in [("ppt/presProps.xml", Relation.presProps), ("ppt/viewProps.xml", .viewProps), ("ppt/tableStyles.xml", .tableStyles)] {
            package.relate(presentation, to: part, relation)
        }
        let slideIDs = slides.indices.map { package.relate(presentation, to: "ppt/slides/slide\($0 + 1).xml", .slide) }
        package.add(presentation, type: ContentType.presentation, "<p:presentation \(namespaces) saveSubsetFonts=\"1\">"
            + "<p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"\(masterID)\"/></p:sldMasterIdLst>"
            + "<p:notesMasterIdLst><p:notesMasterId r:id=\"\(notesMasterID)\"/></p:notesMasterIdLst><p:sldIdLst>"
            + slideIDs.enumerated().map { "<p:sldId id=\"\(256 + $0)\" r:id=\"\($1)\"/>" as Markup }.joined()
            + "</p:sldIdLst><p:sldSz cx=\"\(width)\" cy=\"\(height)\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>")
        package.add("ppt/presProps.xml", type: ContentType.presProps, "<p:presentationPr \(namespaces)/>")
        package.add("ppt/viewProps.xml", type: ContentType.viewProps, "<p:viewPr \(namespaces)><p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>")
        package.add("ppt/tableStyles.xml", type: ContentType.tableStyles,
                    "<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>")
        package.add("ppt/theme/theme1.xml", type: ContentType.theme, OfficeTheme.markup(name: "TongKet"))
        package.add("ppt/theme/theme2.xml", type: ContentType.theme, OfficeTheme.markup(name: "TongKet Notes"))

        let layoutID = package.relate(master, to: layout, .slideLayout)
        package.relate(master, to: "ppt/theme/theme1.xml", .theme)
        package.add(master, type: ContentType.slideMaster, "<p:sldMaster \(namespaces)><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>\(group)"
            + placeholder(2, "Title Placeholder 1", ph: "type=\"title\"", spPr: "<p:spPr>\(titleBox)\(rect)</p:spPr>", bodyPr: "<a:bodyPr anchor=\"ctr\"/>", text: empty(lang))
            + "</p:spTree></p:cSld>\(colorMap)<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"\(layoutID)\"/></p:sldLayoutIdLst>"
            + "<p:txStyles><p:titleStyle>\(level(3600))</p:titleStyle><p:bodyStyle>\(level(2400))</p:bodyStyle><p:otherStyle>\(level(1800))</p:otherStyle></p:txStyles></p:sldMaster>")
        package.relate(layout, to: master, .slideMaster)
        package.add(layout, type: ContentType.slideLayout, "<p:sldLayout \(namespaces) type=\"titleOnly\" preserve=\"1\"><p:cSld name=\"Title Only\"><p:spTree>\(group)"
            + placeholder(2, "Title 1", ph: "type=\"title\"", text: empty(lang)) + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>")
        package.relate(notesMaster, to: "ppt/theme/theme2.xml", .theme)
        package.add(notesMaster, type: ContentType.notesMaster, "<p:notesMaster \(namespaces)><p:cSld><p:spTree>\(group)"
            + placeholder(2, "Slide Image Placeholder 1", ph: "type=\"sldImg\" idx=\"2\"", locks: imageLocks,
                          spPr: "<p:spPr><a:xfrm><a:off x=\"381000\" y=\"685800\"/><a:ext cx=\"6096000\" cy=\"3429000\"/></a:xfrm>\(rect)</p:spPr>")
            + placeholder(3, "Notes Placeholder 2", ph: "type=\"body\" idx=\"1\"",
                          spPr: "<p:spPr><a:xfrm><a:off x=\"685800\" y=\"4343400\"/><a:ext cx=\"5486400\" cy=\"4114800\"/></a:xfrm>\(rect)</p:spPr>", text: empty(lang))
            + "</p:spTree></p:cSld>\(colorMap)<p:notesStyle>\(level(1200))</p:notesStyle></p:notesMaster>")

        var charts = 0
        for (index, slide) in slides.enumerated() {
            let n = index + 1
            let part = "ppt/slides/slide\(n).xml"
            package.relate(part, to: layout, .slideLayout)
            var shapes = SlideShapes(theme: theme, lang: lang, measurer: measurer)
            var tree: Markup
            switch slide.content {
            case let .picture(png):
                tree = picturePage(png, slide, part: part, n: n, &package, &shapes)
            case let .cover(title, lines):
                let heading = shapes.paragraph([SlideShapes.Run(text: title, size: 4400, color: theme.text, bold: true)])
                tree = placeholder(2, "Title 1", ph: "type=\"title\"",
                                   spPr: "<p:spPr><a:xfrm><a:off x=\"1219200\" y=\"1828800\"/><a:ext cx=\"9753600\" cy=\"1600200\"/></a:xfrm>\(rect)</p:spPr>",
                                   bodyPr: "<a:bodyPr anchor=\"b\"><a:normAutofit/></a:bodyPr>",
                                   text: shapes.markup(heading, scale: shapes.fit([heading], width: 9_753_600, height: 1_600_200) ?? 1),
                                   descr: slide.alt)
                tree += shapes.textBox("Accent", .init(x: 1_219_200, y: 1_600_000, width: 1_016_000, height: 76_200), [], fill: theme.current)
                tree += shapes.textBox("Lines", .init(x: 1_219_200, y: 3_581_400, width: 9_753_600, height: 1_828_800),
                                       lines.enumerated().map { i, line in shapes.paragraph([.init(text: line, size: i == 0 ? 2800 : 2200, color: theme.secondaryText)], spaceBefore: i == 0 ? 0 : 1200) })
            case let .chart(spec, source):
                tree = chartPage(spec, source: source, slide, part: part, &charts, &package, &shapes)
            }
            // A picture carries its own page number.
            if let number = slide.number, !slide.isPicture {
                tree += shapes.textBox("Page number", .init(x: 10_515_600, y: 6_400_800, width: 1_219_200, height: 304_800),
                                       [shapes.paragraph([.init(text: number, size: 1100, color: theme.secondaryText)], align: "r")])
            }
            let notesPart = "ppt/notesSlides/notesSlide\(n).xml"
            package.relate(part, to: notesPart, .notesSlide)
            package.add(part, type: ContentType.slide, "<p:sld \(namespaces)><p:cSld>\(background(theme))<p:spTree>\(group)\(tree)</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>")
            let paragraphs: Markup = slide.notes.isEmpty ? empty(lang) : slide.notes.map { "<a:p><a:r><a:rPr lang=\"\(lang)\"/><a:t>\($0)</a:t></a:r></a:p>" as Markup }.joined()
            package.relate(notesPart, to: notesMaster, .notesMaster)
            package.relate(notesPart, to: part, .slide)
            package.add(notesPart, type: ContentType.notesSlide, "<p:notes \(namespaces)><p:cSld><p:spTree>\(group)"
                + placeholder(2, "Slide Image Placeholder 1", ph: "type=\"sldImg\"", locks: imageLocks)
                + placeholder(3, "Notes Placeholder 2", ph: "type=\"body\" idx=\"1\"", text: paragraphs)
                + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>")
        }
        return package.finished()
    }

    /// The page's picture over the whole slide, its title in the placeholder behind it (for
    /// the outline, the slide sorter and screen readers — the picture shows it already).
    private static func picturePage(_ png: [UInt8], _ slide: Slide, part: String, n: Int, _ package: inout OfficePackage, _ shapes: inout SlideShapes) -> Markup {
        let media = "ppt/media/image\(n).png"
        package.add(media, defaultType: ContentType.png, bytes: png)
        let image = package.relate(part, to: media, .image)
        return placeholder(2, "Title 1", ph: "type=\"title\"", text: "<a:p><a:r><a:rPr lang=\"\(shapes.lang)\"/><a:t>\(slide.title)</a:t></a:r></a:p>")
            + shapes.picture(slide.title, alt: slide.alt, image: image, in: .init(x: 0, y: 0, width: width, height: height))
    }

    /// A chart page as PowerPoint's own: the title in the placeholder, the subtitle and the
    /// legend as text, the plot as a chart part, tiles or a table, the source line at the foot.
    private static func chartPage(_ spec: ChartSpec, source: String, _ slide: Slide, part: String, _ charts: inout Int,
                                  _ package: inout OfficePackage, _ shapes: inout SlideShapes) -> Markup {
        let theme = shapes.theme, lang = shapes.lang
        let margin = 457_200, inner = width - 2 * margin
        let chart = NativeChart(spec, theme: theme, lang: lang)
        // The alt text goes on the chart's frame, or on the title of a page of tiles or a table.
        let heading = shapes.paragraph([.init(text: spec.title, size: 2800, color: theme.text, bold: true)])
        let title = shapes.markup(heading, scale: shapes.fit([heading], width: inner, height: 838_200) ?? 1)
        var tree = placeholder(2, "Title 1", ph: "type=\"title\"",
                               spPr: "<p:spPr><a:xfrm><a:off x=\"\(margin)\" y=\"228600\"/><a:ext cx=\"\(inner)\" cy=\"838200\"/></a:xfrm>\(rect)</p:spPr>",
                               bodyPr: "<a:bodyPr lIns=\"0\" rIns=\"0\" anchor=\"b\"><a:normAutofit/></a:bodyPr>", text: title,
                               descr: chart == nil ? slide.alt : nil)
        tree += shapes.textBox("Subtitle", .init(x: margin, y: 1_104_900, width: inner, height: 533_400),
                               [shapes.paragraph([.init(text: spec.subtitle, size: 1600, color: theme.secondaryText)])])
        var legend: [LegendEntry] = []
        var area = SlideShapes.Box(x: margin, y: 1_714_500, width: inner, height: 4_400_000)
        var foot = [source] + (spec.note.map { [$0] } ?? [])
        switch spec.plot {
        case let .panels(plot): legend = plot.legend
        // Bars with no goal: what their colours mean (a rule is the axis's end here, not a line).
        case let .bars(plot) where chart?.shape == .bars: legend = plot.legend.filter { $0.symbol == .swatch }
        default: break
        }
        // A chart of its own series has its own legend (it follows an edit); a page of bars, tiles or a table the spec's.
        if chart.map({ $0.shape != .bars }) ?? false { legend = [] }
        let legendRuns = shapes.legendRuns(legend)
        if !legendRuns.isEmpty {
            tree += shapes.textBox("Legend", .init(x: margin, y: 1_676_400, width: inner, height: 342_900), [shapes.paragraph(legendRuns)])
            area.y += 381_000
            area.height -= 381_000
        }
        func embed(_ chart: NativeChart, _ name: String, in box: SlideShapes.Box) -> Markup {
            charts += 1
            let chartPart = "ppt/charts/chart\(charts).xml", book = "ppt/embeddings/Microsoft_Excel_Worksheet\(charts).xlsx"
            package.add(book, defaultType: ContentType.xlsx, bytes: chart.workbook.data())
            let bookID = package.relate(chartPart, to: book, .package)
            package.add(chartPart, type: ContentType.chart, chart.part(workbook: bookID))
            let id = package.relate(part, to: chartPart, .chart)
            return shapes.chartFrame(name, alt: name == spec.title ? slide.alt : name + ". " + slide.alt, chart: id, in: box)
        }
        if let chart {
            tree += embed(chart, spec.title, in: area)
            foot = (chart.overflow.map { [$0] } ?? []) + foot
        } else {
            switch spec.plot {
            case let .tiles(plot):
                tree += shapes.tiles(plot, in: area)
            case let .cells(plot):
                // As many rows as a table's type reads at on a slide.
                let shown = min(plot.rows.count, 14)
                if plot.rows.count > shown, let overflow = plot.overflow { foot.insert(overflow(plot.rows.count - shown), at: 0) }
                let rows = (0..<shown).map { r in [plot.rows[r]] + plot.columns.indices.map { c in c < plot.cells[r].count ? plot.cells[r][c]?.text ?? "" : "" } }
                let fills = (0..<shown).map { r in [nil] + plot.columns.indices.map { c -> ChartColor? in
                    guard c < plot.cells[r].count, let cell = plot.cells[r][c] else { return nil }
                    return cell.score.map(theme.heatColor) } }
                tree += shapes.table(spec.title, alt: slide.alt, header: [""] + plot.columns, rows: rows, fills: fills, in: area,
                                     firstColumn: plot.columns.count > 6 ? 0.26 : 0.34)
                tree += shapes.textBox("Scale", .init(x: margin, y: 1_676_400, width: inner, height: 342_900),
                                       [shapes.paragraph(plot.scale.flatMap { entry -> [SlideShapes.Run] in
                                           [.init(text: "■ ", size: 1400, color: theme.heatColor(entry.score), bold: true),
                                            .init(text: entry.label + "     ", size: 1400, color: theme.text)] })])
            case let .table(plot):
                let rows = plot.rows.map { [$0.label] + $0.cells }
                let inks = plot.rows.map { row in [nil] + row.cells.indices.map { $0 < row.tones.count ? row.tones[$0].map(theme.color) : nil } }
                tree += shapes.table(spec.title, alt: slide.alt, header: [plot.labelHeader] + plot.columns, rows: rows, inks: inks,
                                     in: area, firstColumn: 0.5, figures: "r")
            case let .bullets(plot):
                // Indicators of different measures have no one axis: each its figure against its own target, in words.
                let vi = lang.hasPrefix("vi")
                let rows = plot.rows.map { [$0.label, $0.valueLabel] }
                let inks = plot.rows.map { [nil, theme.color($0.tone == .met ? .text : $0.tone)] }
                let header = [vi ? "Chỉ tiêu" : "Indicator", vi ? "Kết quả" : "Result"]
                tree += shapes.table(spec.title, alt: slide.alt, header: header, rows: rows, inks: inks, in: area,
                                     firstColumn: 0.55, figures: "l")
            case let .panels(plot):
                // Small multiples: a chart per unit in a grid, on one scale.
                let top = max(plot.percent ? 100 : 0, plot.panels.flatMap { $0.values + $0.targets }.compactMap { $0 }.max() ?? 1)
                let upper = LinearScale(lower: 0, upper: top * 1.15, from: 0, to: 1).domain.upperBound
                let across = plot.panels.count <= 4 ? 2 : 3
                let down = (plot.panels.count + across - 1) / across
                let gap = 114_300
                let width = (area.width - gap * (across - 1)) / across, height = (area.height - gap * (down - 1)) / max(down, 1)
                for (i, panel) in plot.panels.enumerated() {
                    let box = SlideShapes.Box(x: area.x + (i % across) * (width + gap), y: area.y + (i / across) * (height + gap),
                                              width: width, height: height)
                    tree += shapes.textBox("Panel title", .init(x: box.x, y: box.y, width: box.width, height: 320_000),
                                           [shapes.paragraph([.init(text: panel.title, size: 1400, color: theme.text, bold: true)])])
                    let small = NativeChart(panel: panel, of: plot, upper: upper, theme: theme, lang: lang)
                    let plotBox = SlideShapes.Box(x: box.x, y: box.y + 320_000, width: box.width, height: box.height - 320_000)
                    tree += embed(small, panel.title, in: plotBox)
                }
            case .bars, .lines:
                break
            }
        }
        tree += shapes.textBox("Source", .init(x: margin, y: 6_286_500, width: 9_906_000, height: 457_200),
                               [shapes.paragraph([.init(text: foot.joined(separator: " · "), size: 1100, color: theme.secondaryText)])], anchor: "b")
        return tree
    }

    static let namespaces: Markup = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\""
    static let rect: Markup = "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
    static let imageLocks: Markup = "noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\""
    static let group: Markup = "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>"
    static let titleBox: Markup = "<a:xfrm><a:off x=\"457200\" y=\"228600\"/><a:ext cx=\"11277600\" cy=\"914400\"/></a:xfrm>"
    static let colorMap: Markup = "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>"

    /// The theme's page colour behind every slide (a dark deck stays dark).
    static func background(_ theme: Theme) -> Markup {
        "<p:bg><p:bgPr><a:solidFill>\(NativeChart.fill(theme.background))</a:solidFill><a:effectLst/></p:bgPr></p:bg>"
    }

    static func empty(_ lang: String) -> Markup { "<a:p><a:endParaRPr lang=\"\(lang)\"/></a:p>" }

    static func level(_ size: Int) -> Markup {
        "<a:lvl1pPr><a:defRPr sz=\"\(size)\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr></a:lvl1pPr>"
    }

    /// A placeholder shape: `ph` its type (and index), `locks` what may not change, `spPr`
    /// its geometry (empty: the master's), `text` its text body's paragraphs (nil: none).
    static func placeholder(_ id: Int, _ name: String, ph: Markup, locks: Markup = "noGrp=\"1\"", spPr: Markup = "<p:spPr/>",
                            bodyPr: Markup = "<a:bodyPr/>", text: Markup? = nil, descr: String? = nil) -> Markup {
        "<p:sp><p:nvSpPr><p:cNvPr id=\"\(id)\" name=\"\(name)\"\(descr.map { " descr=\"\($0)\"" as Markup } ?? "")/><p:cNvSpPr><a:spLocks \(locks)/></p:cNvSpPr><p:nvPr><p:ph \(ph)/></p:nvPr></p:nvSpPr>"
            + spPr + (text.map { "<p:txBody>\(bodyPr)<a:lstStyle/>\($0)</p:txBody>" as Markup } ?? "") + "</p:sp>"
    }
}
