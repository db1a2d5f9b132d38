import Foundation
import TongKetCharts

/// A chart PowerPoint and Word draw themselves (DrawingML `c:chartSpace`) from the same
/// `ChartSpec` the picture is drawn from: its figures in an embedded workbook ("Edit Data"),
/// each bar in its tone, each point labelled with the figure the picture writes beside it.
/// A target, threshold or limit is a pale band behind the bars (a second series at the
/// target, overlapping), so a shortfall shows as the band's uncovered end and the figure stays
/// editable; a bullet page's bars are each indicator's actual as a share of its target.
struct NativeChart {
    enum Shape { case bars, lines }

    struct Series {
        var name: String
        var values: [Double?]
        var color: ChartColor
        /// Per point, where a point differs from the series' colour (met, not met).
        var pointColors: [ChartColor?] = []
        /// Per point, written at it; nil: none.
        var labels: [String?] = []
        var dashed = false
    }

    var shape: Shape
    var categories: [String]
    var series: [Series]
    /// Values are percentages: the axis writes "50 %".
    var percent = false
    /// The first series is the band the others are read against, drawn behind them.
    var banded = false
    var minimumUpper: Double = 0
    /// The value axis's start when the spec zooms into a narrow band (its subtitle says so);
    /// else 0.
    var lower: Double = 0
    /// The rows the page had no room for, said under the chart.
    var overflow: String?
    let theme: Theme
    let lang: String

    static let rowLimit = 14

    /// nil for what has no native chart form (tiles and cells are shapes and tables; small
    /// multiples stay a picture).
    init?(_ spec: ChartSpec, theme: Theme, lang: String) {
        self.theme = theme
        self.lang = lang
        let vi = lang.hasPrefix("vi")
        func named(_ tone: Tone, in legend: [LegendEntry]) -> String? { legend.first { $0.tone == tone }?.label }
        switch spec.plot {
        case let .bars(plot):
            shape = .bars
            var rows = plot.rows
            if rows.count > Self.rowLimit {
                let left = rows.count - (Self.rowLimit - 1)
                rows = Array(rows.prefix(Self.rowLimit - 1))
                overflow = plot.overflow?(left) ?? (vi ? "và \(left) dòng khác" : "and \(left) more rows")
            }
            // A row with no bar says why in its label ("Huyện Cù Lao Dung — không có chỉ tiêu").
            categories = rows.map { row in
                row.heading ? row.label.uppercased() : row.bars.allSatisfy({ $0.value == nil }) && (row.bars.first?.label.contains { $0.isLetter || $0.isNumber } ?? false) ? row.label + " — " + (row.bars.first?.label ?? "") : row.label
            }
            percent = plot.axis == .percentPoints
            minimumUpper = plot.minimumUpper
            lower = plot.lowerBound ?? 0
            series = []
            let markers = rows.map { $0.bars.first?.marker }
            if markers.contains(where: { $0 != nil }) {
                let name = plot.legend.first { $0.tone == .target }?.label ?? (vi ? "Mức kế hoạch" : "Target")
                series.append(Series(name: name, values: markers, color: theme.grid))
                banded = true
            } else if let rule = plot.rule {
                series.append(Series(name: rule.label, values: rows.map { $0.heading ? nil : rule.value }, color: theme.grid))
                banded = true
            }
            let width = rows.map(\.bars.count).max() ?? 0
            for b in 0..<width {
                let bars = rows.map { $0.bars.indices.contains(b) ? $0.bars[b] : nil }
                let tone = bars.compactMap { $0?.tone }.first ?? .current
                let name = width > 1 ? named(tone, in: plot.legend) ?? spec.title : spec.title
                let labels: [String?] = zip(rows, bars).map { row, bar in
                    guard let bar, bar.value != nil else { return nil }
                    let note = b == width - 1 && !row.note.isEmpty ? " · " + row.note : ""
                    return bar.label + note
                }
                series.append(Series(name: name, values: bars.map { $0?.value }, color: theme.color(tone),
                                     pointColors: bars.map { $0.map { theme.color($0.tone) } }, labels: labels))
            }
        case let .bullets(plot):
            shape = .bars
            percent = true
            banded = true
            minimumUpper = 100
            categories = plot.rows.map(\.label)
            let shares = plot.rows.map { row in row.target.flatMap { $0 > 0 ? row.actual / $0 * 100 : nil } }
            series = [
                Series(name: vi ? "Kế hoạch, mức trần (100 %)" : "Target or limit (100 %)", values: plot.rows.map { $0.target.map { _ in 100 } }, color: theme.grid),
                Series(name: vi ? "Thực hiện so với kế hoạch (%)" : "Actual against the target (%)", values: shares, color: theme.current,
                       pointColors: plot.rows.map { theme.color($0.tone) }, labels: plot.rows.map { Self.brief($0.valueLabel) }),
            ]
            // A row without a target has no share to draw: its figure goes in its label.
            for (i, row) in plot.rows.enumerated() where shares[i] == nil { categories[i] = row.label + " — " + Self.brief(row.valueLabel) }
        case let .lines(plot):
            shape = .lines
            categories = plot.categories
            series = plot.series.map { s in
                Series(name: named(s.tone, in: plot.legend) ?? "", values: s.values, color: theme.color(s.tone), labels: s.labels, dashed: s.dashed)
            }
        case .tiles, .cells, .panels, .table:
            return nil
        }
    }

    var workbook: EmbeddedWorkbook { EmbeddedWorkbook(categories: categories, series: series.map { ($0.name, $0.values) }) }

    /// The chart part; `workbook` the relationship id of the embedded workbook.
    func part(workbook workbookID: String) -> Markup {
        let book = self.workbook
        let body: Markup
        switch shape {
        case .bars:
            body = "<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>"
                + series.enumerated().map { serie($0, $1, book) }.joined()
                + "<c:gapWidth val=\"\(series.count > 2 || !banded && series.count > 1 ? 40 : 55)\"/><c:overlap val=\"\(banded && series.count == 2 ? 100 : -5)\"/>"
                + "<c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart>"
        case .lines:
            body = "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>"
                + series.enumerated().map { serie($0, $1, book) }.joined()
                + "<c:marker val=\"1\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:lineChart>"
        }
        let horizontal = shape == .bars
        let line = { (color: ChartColor) -> Markup in "<c:spPr><a:ln w=\"9525\"><a:solidFill>\(Self.fill(color))</a:solidFill></a:ln></c:spPr>" }
        let categoryAxis: Markup = "<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"\(horizontal ? "maxMin" : "minMax")\"/></c:scaling>"
            + "<c:delete val=\"0\"/><c:axPos val=\"\(horizontal ? "l" : "b")\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/>"
            + "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>\(line(theme.grid))\(text(categorySize))"
            + "<c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:tickLblSkip val=\"1\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>"
        var scaling: Markup = "<c:orientation val=\"minMax\"/>"
        if horizontal {
            let axis = valueAxis
            // From the spec's own start (a round tick it names), never one this rounding picks.
            scaling += "<c:max val=\"\(axis.upperBound)\"/><c:min val=\"\(lower)\"/>"
        }
        let format = percent ? "0\" %\"" : "#,##0"
        let valueAxis: Markup = "<c:valAx><c:axId val=\"1002\"/><c:scaling>\(scaling)</c:scaling><c:delete val=\"0\"/><c:axPos val=\"\(horizontal ? "b" : "l")\"/>"
            + "<c:majorGridlines>\(line(theme.grid))</c:majorGridlines><c:numFmt formatCode=\"\(format)\" sourceLinked=\"0\"/>"
            + "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr>\(text(1200, color: theme.secondaryText))"
            // Bars run down from the top: the value axis sits under the last one.
            + "<c:crossAx val=\"1001\"/><c:crosses val=\"\(horizontal ? "max" : "autoZero")\"/><c:crossBetween val=\"between\"/></c:valAx>"
        return "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<c:date1904 val=\"0\"/><c:lang val=\"\(lang)\"/><c:roundedCorners val=\"0\"/><c:chart><c:autoTitleDeleted val=\"1\"/>"
            + "<c:plotArea><c:layout/>\(body)\(categoryAxis)\(valueAxis)</c:plotArea><c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>"
            + "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>\(text(1400))"
            + "<c:externalData r:id=\"\(workbookID)\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>"
    }

    /// Names small enough that each keeps its row (a program hides names that overlap).
    var categorySize: Int { categories.count > 10 ? 1100 : categories.count > 6 ? 1200 : 1400 }

    /// A label without its closing parenthesis ("(số của Phòng 7)"): the source line says
    /// whose figure it is, and the bar has a line's room.
    static func brief(_ label: String) -> String {
        guard label.hasSuffix(")"), let open = label.range(of: " (", options: .backwards) else { return label }
        return String(label[..<open.lowerBound])
    }

    /// The value axis: from 0 (or the zoomed band's start) to room past the longest bar for
    /// its label (a label does not wrap), both ends on round ticks. Inches as the slide's frame has them: 12,3 wide, the
    /// categories' names at 14 pt on the left, the labels at 12 pt.
    var valueAxis: ClosedRange<Double> {
        let top = max(minimumUpper, series.flatMap(\.values).compactMap { $0 }.max() ?? 0)
        guard top > lower else { return lower...(lower + 1) }
        let label = Double(series.flatMap(\.labels).compactMap { $0?.count }.max() ?? 0)
        let names = Double(categories.map(\.count).max() ?? 0)
        let plot = 12.3 - min(5, names * 0.1)
        let room = min(0.6, label * 0.085 / plot)
        // The axis's end on a round tick past the room wanted, as the pictures' axes round.
        return LinearScale(lower: lower, upper: lower + (top - lower) / (1 - room - 0.04), from: 0, to: 1).domain
    }

    private func serie(_ index: Int, _ s: Series, _ book: EmbeddedWorkbook) -> Markup {
        let column = index + 1
        let fill: Markup
        switch shape {
        case .bars: fill = "<c:spPr><a:solidFill>\(Self.fill(s.color))</a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>"
        case .lines:
            fill = "<c:spPr><a:ln w=\"\(s.dashed ? 28575 : 44450)\" cap=\"rnd\"><a:solidFill>\(Self.fill(s.color))</a:solidFill>\(s.dashed ? "<a:prstDash val=\"dash\"/>" as Markup : "")<a:round/></a:ln></c:spPr>"
                + (s.dashed ? "<c:marker><c:symbol val=\"none\"/></c:marker>" as Markup
                    : "<c:marker><c:symbol val=\"circle\"/><c:size val=\"8\"/><c:spPr><a:solidFill>\(Self.fill(s.color))</a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:marker>")
        }
        var points: Markup = ""
        if shape == .bars {
            for (i, color) in s.pointColors.enumerated() where color != nil && color != s.color {
                points += "<c:dPt><c:idx val=\"\(i)\"/><c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/><c:spPr><a:solidFill>\(Self.fill(color ?? s.color))</a:solidFill></c:spPr></c:dPt>"
            }
        }
        var labels: Markup = ""
        if s.labels.contains(where: { $0 != nil }) {
            let flags: Markup = "<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/>"
            let position: Markup = shape == .bars ? "<c:dLblPos val=\"outEnd\"/>" : "<c:dLblPos val=\"t\"/>"
            labels = "<c:dLbls>"
            for i in categories.indices {
                let label = i < s.labels.count ? s.labels[i] : nil
                if let label, i < s.values.count, s.values[i] != nil {
                    labels += "<c:dLbl><c:idx val=\"\(i)\"/><c:tx><c:rich><a:bodyPr wrap=\"none\"/><a:lstStyle/><a:p><a:r><a:rPr lang=\"\(lang)\"/><a:t>\(label)</a:t></a:r></a:p></c:rich></c:tx>\(position)\(flags)</c:dLbl>"
                } else {
                    labels += "<c:dLbl><c:idx val=\"\(i)\"/><c:delete val=\"1\"/></c:dLbl>"
                }
            }
            labels += "\(text(1200))\(position)\(flags)</c:dLbls>"
        }
        let n = categories.count
        let categoryCache = categories.enumerated().map { "<c:pt idx=\"\($0)\"><c:v>\($1)</c:v></c:pt>" as Markup }.joined()
        let valueCache = s.values.prefix(n).enumerated().compactMap { i, v in v.map { "<c:pt idx=\"\(i)\"><c:v>\($0)</c:v></c:pt>" as Markup } }.joined()
        return "<c:ser><c:idx val=\"\(index)\"/><c:order val=\"\(index)\"/>"
            + "<c:tx><c:strRef><c:f>\(book.nameCell(column: column))</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>\(s.name)</c:v></c:pt></c:strCache></c:strRef></c:tx>"
            + fill + points + labels
            + "<c:cat><c:strRef><c:f>\(book.range(column: 0))</c:f><c:strCache><c:ptCount val=\"\(n)\"/>\(categoryCache)</c:strCache></c:strRef></c:cat>"
            + "<c:val><c:numRef><c:f>\(book.range(column: column))</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"\(n)\"/>\(valueCache)</c:numCache></c:numRef></c:val>"
            + (shape == .lines ? "<c:smooth val=\"0\"/>" as Markup : "") + "</c:ser>"
    }

    private func text(_ size: Int, color: ChartColor? = nil) -> Markup {
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"\(size)\"><a:solidFill>\(Self.fill(color ?? theme.text))</a:solidFill></a:defRPr></a:pPr><a:endParaRPr lang=\"\(lang)\"/></a:p></c:txPr>"
    }

    /// `<a:srgbClr val="1F5A96"/>`.
    static func fill(_ color: ChartColor) -> Markup { "<a:srgbClr val=\"\(hex(color))\"/>" }

    static func hex(_ color: ChartColor) -> String {
        let digits = Array("0123456789ABCDEF")
        var out = ""
        for component in [color.red, color.green, color.blue] {
            let v = Int((min(max(component, 0), 1) * 255).rounded())
            out.append(digits[v / 16])
            out.append(digits[v % 16])
        }
        return out
    }
}
