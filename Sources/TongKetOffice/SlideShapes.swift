import TongKetCharts

/// The shapes of a native slide — text boxes, the headline tiles, a table, a chart's frame —
/// in EMU (914 400 an inch) on the 13.333 × 7.5 inch slide, every one editable text.
struct SlideShapes {
    let theme: Theme
    let lang: String
    /// Lays text out as the slide's program will (Arial's metrics), so each box's text is set at a
    /// size that fits it; nil: the program's own shrinking is asked for instead.
    let measurer: (any TextMeasurer)?
    private(set) var next = 4

    init(theme: Theme, lang: String, measurer: (any TextMeasurer)? = nil) {
        self.theme = theme
        self.lang = lang
        self.measurer = measurer
    }

    /// Arial's metrics, as Liberation Sans has them (what LibreOffice sets Arial in).
    static let family = "Liberation Sans"

    struct Box {
        var x, y, width, height: Int
        var xfrm: Markup { "<a:xfrm><a:off x=\"\(x)\" y=\"\(y)\"/><a:ext cx=\"\(width)\" cy=\"\(height)\"/></a:xfrm>" }
    }

    /// A run of text: its size in hundredths of a point, colour and weight.
    struct Run {
        var text: String
        var size: Int
        var color: ChartColor
        var bold = false
    }

    mutating func id() -> Int {
        next += 1
        return next
    }

    /// A paragraph of runs; `align` "l", "ctr" or "r"; `spaceBefore` in hundredths of a point.
    struct Paragraph {
        var runs: [Run]
        var align = "l"
        var spaceBefore = 0
    }

    func run(_ r: Run) -> Markup {
        "<a:r><a:rPr lang=\"\(lang)\" sz=\"\(r.size)\" b=\"\(r.bold ? 1 : 0)\" dirty=\"0\"><a:solidFill>\(NativeChart.fill(r.color))</a:solidFill></a:rPr><a:t>\(r.text)</a:t></a:r>"
    }

    func paragraph(_ runs: [Run], align: String = "l", spaceBefore: Int = 0) -> Paragraph {
        Paragraph(runs: runs, align: align, spaceBefore: spaceBefore)
    }

    /// A paragraph's markup, its sizes times `scale`.
    func markup(_ p: Paragraph, scale: Double = 1) -> Markup {
        let space = Int(Double(p.spaceBefore) * scale)
        return "<a:p><a:pPr algn=\"\(p.align)\">\(space > 0 ? "<a:spcBef><a:spcPts val=\"\(space)\"/></a:spcBef>" as Markup : "")</a:pPr>"
            + p.runs.map { r in var r = r; r.size = max(100, Int(Double(r.size) * scale)); return run(r) }.joined() + "</a:p>"
    }

    /// How much of their sizes `paragraphs` keep to fit `width` × `height` (EMU), as the
    /// measurer lays them out — 1, or less in steps of 5 % down to a half; nil without a measurer.
    func fit(_ paragraphs: [Paragraph], width: Int, height: Int) -> Double? {
        guard let measurer else { return nil }
        let points = { (emu: Int) in Double(emu) / 12_700 }
        var scale = 1.0
        while scale > 0.5 {
            var used = 0.0
            for p in paragraphs where !p.runs.isEmpty {
                let size = Double(p.runs.map(\.size).max() ?? 1800) / 100 * scale
                let bold = p.runs.contains(where: \.bold)
                let style = TextStyle(role: .label, size: size, bold: bold, color: theme.text, family: Self.family)
                // A little room for the program's own rounding and its line spacing (1.2 lines).
                let laid = measurer.measure(p.runs.map(\.text).joined(), style: style, width: points(width) * 0.96, maxLines: 50)
                used += Double(p.spaceBefore) / 100 * scale + Double(laid.lines) * size * 1.2
            }
            if used <= points(height) { return scale }
            scale -= 0.05
        }
        return 0.5
    }

    /// A text box, its text set at a size that fits it (measured; without a measurer, the
    /// program's "shrink text on overflow").
    /// `scale`: the one a set of boxes shares (the tiles), else the box's own.
    mutating func textBox(_ name: String, _ box: Box, _ paragraphs: [Paragraph], anchor: String = "t", fill: ChartColor? = nil,
                          rounded: Bool = false,
                          inset: Int = 0, scale shared: Double? = nil) -> Markup {
        let scale = shared ?? fit(paragraphs, width: box.width - 2 * inset, height: box.height - 2 * inset)
        let autofit: Markup = scale == nil ? "<a:normAutofit/>" : "<a:noAutofit/>"
        let geometry: Markup = rounded ? "<a:prstGeom prst=\"roundRect\"><a:avLst><a:gd name=\"adj\" fmla=\"val 6000\"/></a:avLst></a:prstGeom>" : "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
        let fillMarkup: Markup = fill.map { "<a:solidFill>\(NativeChart.fill($0))</a:solidFill>" } ?? "<a:noFill/>"
        return "<p:sp><p:nvSpPr><p:cNvPr id=\"\(id())\" name=\"\(name)\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>"
            + "<p:spPr>\(box.xfrm)\(geometry)\(fillMarkup)<a:ln><a:noFill/></a:ln></p:spPr>"
            + "<p:txBody><a:bodyPr wrap=\"square\" lIns=\"\(inset)\" tIns=\"\(inset)\" rIns=\"\(inset)\" bIns=\"\(inset)\" "
            + "anchor=\"\(anchor)\">"
            + autofit + "</a:bodyPr><a:lstStyle/>"
            + (paragraphs.isEmpty ? "<a:p><a:endParaRPr lang=\"\(lang)\"/></a:p>"
                : paragraphs.map { markup($0, scale: scale ?? 1) }.joined())
            + "</p:txBody></p:sp>"
    }

    /// The legend as one line of coloured squares and words, under the subtitle.
    func legendRuns(_ entries: [LegendEntry]) -> [Run] {
        entries.flatMap { entry -> [Run] in
            let mark = entry.symbol == .swatch ? "■ " : entry.symbol == .line ? "━ " : "┅ "
            return [Run(text: mark, size: 1400, color: theme.color(entry.tone), bold: true), Run(text: entry.label + "     ", size: 1400, color: theme.text)]
        }
    }

    /// The headline tiles: up to three in a row, each a rounded box holding its name, its
    /// figure and measure, the change with its arrow and the verdict — text to correct in place.
    mutating func tiles(_ plot: TilePlot, in area: Box) -> Markup {
        let count = max(plot.tiles.count, 1)
        let columns = count <= 3 ? count : count <= 4 ? 2 : count <= 6 ? 3 : 4
        let rows = (count + columns - 1) / columns
        let gap = 228_600
        let width = (area.width - gap * (columns - 1)) / columns
        let height = (area.height - gap * (rows - 1)) / rows
        let figureSize = rows > 1 ? 4000 : 5400
        let inset = 152_400
        let boxes = plot.tiles.indices.map { i in
            Box(x: area.x + (i % columns) * (width + gap), y: area.y + (i / columns) * (height + gap), width: width, height: height)
        }
        let texts = plot.tiles.map { tile -> [Paragraph] in
            var change: [Run] = []
            if let arrow = tile.arrow {
                change.append(Run(text: arrow.up ? "▲ " : "▼ ", size: 1600, color: arrow.better ? theme.met : theme.notMet))
            }
            change.append(Run(text: tile.change, size: 1600, color: theme.text))
            var figure = [Run(text: tile.figure, size: figureSize, color: theme.current, bold: true)]
            if !tile.measure.isEmpty { figure.append(Run(text: " " + tile.measure, size: 1800, color: theme.secondaryText)) }
            return [
                paragraph([Run(text: tile.name, size: 1800, color: theme.text, bold: true)]),
                paragraph(figure, spaceBefore: 600),
                paragraph(change, spaceBefore: 600),
                paragraph([Run(text: tile.verdict, size: 1600, color: theme.color(tile.verdictTone), bold: true)], spaceBefore: 300),
            ]
        }
        // One size for every tile, the one the fullest needs: tiles that differ in size read as differing in weight.
        let scale = zip(texts, boxes).compactMap { fit($0, width: $1.width - 2 * inset, height: $1.height - 2 * inset) }.min()
        var out: Markup = ""
        for (i, (text, box)) in zip(texts, boxes).enumerated() {
            out += textBox("Tile \(i + 1)", box, text, fill: theme.neutral, rounded: true, inset: inset, scale: scale)
        }
        return out
    }

    /// A table PowerPoint draws: a header row, one row per line, the first column the row's
    /// name; `fills` colours a cell (a heatmap's), with ink that reads on it, or `inks` its
    /// text; `figures` aligns the other columns ("ctr", "r").
    mutating func table(_ name: String, alt: String, header: [String], rows: [[String]], fills: [[ChartColor?]] = [],
                        inks: [[ChartColor?]] = [],
                        in area: Box, firstColumn: Double = 0.34, figures: String = "ctr") -> Markup {
        let columns = max(header.count, 1)
        let first = columns == 1 ? area.width : Int(Double(area.width) * firstColumn)
        let rest = columns > 1 ? (area.width - first) / (columns - 1) : 0
        let rowHeight = min(457_200, area.height / max(rows.count + 1, 1))
        let size = rows.count > 14 || columns > 8 ? 1100 : rows.count > 9 ? 1200 : 1400
        func cell(_ text: String, bold: Bool, fill: ChartColor?, align: String, ink: ChartColor? = nil) -> Markup {
            let ink = ink ?? fill.map(theme.ink) ?? theme.text
            let fillMarkup: Markup = fill.map { "<a:solidFill>\(NativeChart.fill($0))</a:solidFill>" } ?? "<a:noFill/>"
            let border: Markup = "<a:lnB w=\"6350\"><a:solidFill>\(NativeChart.fill(theme.grid))</a:solidFill></a:lnB>"
            let content = markup(paragraph([Run(text: text, size: size, color: ink, bold: bold)], align: align))
            return "<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>\(content)</a:txBody>"
                + "<a:tcPr marL=\"68580\" marR=\"68580\" marT=\"22860\" marB=\"22860\" anchor=\"ctr\">\(border)\(fillMarkup)</a:tcPr></a:tc>"
        }
        let grid: Markup = "<a:tblGrid>" + (0..<columns).map { "<a:gridCol w=\"\($0 == 0 ? first : rest)\"/>" as Markup }.joined() + "</a:tblGrid>"
        var body: Markup = "<a:tr h=\"\(rowHeight)\">" + header.enumerated().map { cell($1, bold: true, fill: theme.neutral, align: $0 == 0 ? "l" : figures) }.joined() + "</a:tr>"
        for (r, row) in rows.enumerated() {
            body += "<a:tr h=\"\(rowHeight)\">"
            for c in 0..<columns {
                let fill = r < fills.count && c < fills[r].count ? fills[r][c] : nil
                let ink = r < inks.count && c < inks[r].count ? inks[r][c] : nil
                body += cell(c < row.count ? row[c] : "", bold: c == 0, fill: fill, align: c == 0 ? "l" : figures, ink: ink)
            }
            body += "</a:tr>"
        }
        let height = rowHeight * (rows.count + 1)
        return "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"\(id())\" name=\"\(name)\" descr=\"\(alt)\"/>"
            + "<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>"
            + "<p:xfrm><a:off x=\"\(area.x)\" y=\"\(area.y)\"/><a:ext cx=\"\(area.width)\" cy=\"\(height)\"/></p:xfrm>"
            + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\"><a:tbl><a:tblPr firstRow=\"1\" bandRow=\"0\"/>\(grid)\(body)</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"
    }

    /// The frame a chart part is shown in; `chart` the slide's relationship id to it.
    mutating func chartFrame(_ name: String, alt: String, chart: String, in area: Box) -> Markup {
        "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"\(id())\" name=\"\(name)\" descr=\"\(alt)\"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>"
            + "<p:xfrm><a:off x=\"\(area.x)\" y=\"\(area.y)\"/><a:ext cx=\"\(area.width)\" cy=\"\(area.height)\"/></p:xfrm>"
            + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"\(chart)\"/></a:graphicData></a:graphic></p:graphicFrame>"
    }

    /// A picture; `image` the slide's relationship id to it.
    mutating func picture(_ name: String, alt: String, image: String, in area: Box) -> Markup {
        "<p:pic><p:nvPicPr><p:cNvPr id=\"\(id())\" name=\"\(name)\" descr=\"\(alt)\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"
            + "<p:blipFill><a:blip r:embed=\"\(image)\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>"
            + "<p:spPr>\(area.xfrm)<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>"
    }
}
