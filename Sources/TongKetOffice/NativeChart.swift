import Foundation
import TongKetCharts

/// A chart PowerPoint and Word draw themselves (DrawingML `c:chartSpace`) from the same
/// `ChartSpec` the picture is drawn from, as honest as the picture:
/// - a bar starts at 0; where the picture zooms into a narrow band it draws points, and so does
///   this (markers on a line chart with no line), the axis's start said under the chart;
/// - a target, threshold or limit is a series of its own — a line across the columns, or a
///   mark at each — never a band the bar is read against;
/// - met and not met are two series, so a corrected figure moves to the right colour;
/// - its figures sit in an embedded workbook ("Edit Data"): each row's target and actual, the
///   completion and the verdict as formulas of them, the series and labels read from those cells.
struct NativeChart {
    enum Shape { case bars, columns, lines }

    /// How a series is drawn.
    enum Mark: Equatable {
        case bar
        /// A line through the points (a constant: across the plot).
        case line
        /// Only a mark at each point: "circle" (a value), "dash" (a target on its column).
        case markers(String)
    }

    struct Series {
        var name: String
        /// Its column in the workbook (1 is B).
        var column: Int
        var color: ChartColor
        var mark: Mark = .bar
        /// Per point, words written at it (nil: none).
        var labels: [String?] = []
        /// The value itself written at each point, from its cell, as the axis formats it.
        var valueLabels = false
        var dashed = false
    }

    var shape: Shape
    var workbook: EmbeddedWorkbook
    var series: [Series]
    /// Values are percentages: the axis writes "50 %".
    var percent = false
    /// The chart names its series above the plot (a small multiple's panel has its title instead).
    var legend = true
    /// The value axis's start: 0, or where the picture's points start (its subtitle says so).
    var lower: Double = 0
    /// The value axis's end; nil: the program's own, so an edited figure still fits.
    var upper: Double?
    var minimumUpper: Double = 0
    /// The rows the page had no room for, said under the chart.
    var overflow: String?
    let theme: Theme
    let lang: String

    var categories: [String] { workbook.categories }
    func values(_ s: Series) -> [Double?] { workbook.columns[s.column - 1].cells.map { $0?.value } }

    /// More rows than a slide can read: the rest is said under the chart.
    static let rowLimit = 24

    /// nil for what has no native chart form (tiles, cells, tables and a bullet's rows are
    /// shapes and tables; small multiples are a chart per panel, `panels`).
    init?(_ spec: ChartSpec, theme: Theme, lang: String) {
        self.theme = theme
        self.lang = lang
        let vi = lang.hasPrefix("vi")
        switch spec.plot {
        case let .bars(plot):
            // The rows the picture shows: its own limit (the shortfalls' twelve), else what a slide can read.
            var rows = plot.rows
            let limit = plot.maximumRows.map { $0 + 1 } ?? Self.rowLimit
            if rows.count > limit {
                let left = rows.count - (limit - 1)
                rows = Array(rows.prefix(limit - 1))
                overflow = plot.overflow?(left) ?? (vi ? "và \(left) dòng khác" : "and \(left) more rows")
            }
            // A row with no bar says why in its label ("Huyện Cù Lao Dung — không có chỉ tiêu").
            let categories = rows.map { row in
                row.heading ? row.label.uppercased()
                    : row.bars.allSatisfy({ $0.value == nil }) && (row.bars.first?.label.contains { $0.isLetter || $0.isNumber } ?? false)
                    ? row.label + " — " + (row.bars.first?.label ?? "") : row.label
            }
            percent = plot.axis == .percentPoints
            minimumUpper = plot.minimumUpper
            // A value read against its goal, whose figures the spec gives (completion, a rate, a ceiling).
            let goals = rows.contains { $0.bars.first?.figures != nil }
                && (rows.contains { $0.bars.first?.marker != nil } || plot.rule != nil)
            if goals, rows.allSatisfy({ $0.bars.count <= 1 }) {
                (shape, workbook, series) = Self.against(plot, rows: rows, categories: categories, theme: theme, vi: vi)
                // Where the picture's points start, as its subtitle says ("trục từ 80 %, không bắt đầu từ 0").
                if let start = plot.lowerBound { lower = start }
                let labels = rows.compactMap { $0.bars.first?.label }
                labelDecimals = Self.decimals(labels, vi: vi)
                // A rate against its threshold or limit is in % too, though its axis is the rate's own ("2,9 %").
                percent = percent || !labels.isEmpty && labels.allSatisfy(Self.isPercent)
            } else {
                shape = .bars
                (workbook, series) = Self.bars(plot, rows: rows, categories: categories, title: spec.title, theme: theme)
                upper = valueAxis.upperBound
            }
        case let .lines(plot):
            shape = .lines
            percent = plot.percent
            let columns = plot.series.map { s in
                EmbeddedWorkbook.Column(name: plot.legend.first { $0.tone == s.tone }?.label ?? "",
                                        cells: s.values.map { $0.map { .number($0) } })
            }
            workbook = EmbeddedWorkbook(categories: plot.categories, columns: columns)
            series = plot.series.enumerated().map { i, s in
                Series(name: columns[i].name, column: i + 1, color: theme.color(s.tone), mark: .line, labels: s.labels, dashed: s.dashed)
            }
            // From 0, as the picture's axis.
            lower = min(0, plot.series.flatMap(\.values).compactMap { $0 }.min() ?? 0)
        case .tiles, .cells, .panels, .table, .bullets:
            return nil
        }
    }

    /// One panel of small multiples as a line chart of its own: the unit's values and its
    /// targets (dashed), on the scale every panel shares (`upper`).
    init(panel: PanelPlot.Panel, of plot: PanelPlot, upper: Double, theme: Theme, lang: String) {
        self.theme = theme
        self.lang = lang
        let vi = lang.hasPrefix("vi")
        shape = .lines
        percent = plot.percent
        var columns = [EmbeddedWorkbook.Column(name: panel.title, cells: panel.values.map { $0.map { .number($0) } })]
        series = [Series(name: panel.title, column: 1, color: theme.color(panel.tone), mark: .line,
                         labels: panel.values.indices.map { $0 == panel.values.count - 1 ? panel.label : nil })]
        if panel.targets.contains(where: { $0 != nil }) {
            let name = plot.legend.first { $0.symbol == .dashedLine }?.label ?? (vi ? "Kế hoạch" : "Target")
            columns.append(.init(name: name, cells: panel.targets.map { $0.map { .number($0) } }))
            series.append(Series(name: name, column: 2, color: theme.secondaryText, mark: .line, dashed: true))
        }
        workbook = EmbeddedWorkbook(categories: plot.categories, columns: columns)
        self.upper = upper
        legend = false
    }

    /// A value against its goal (a completion against 100 %, a rate against its threshold, a
    /// ceiling against its limit): columns from 0, or points where the picture zooms; the goal
    /// a series of its own; met and not met as two series computed in the workbook from each
    /// row's target and actual.
    private static func against(_ plot: BarPlot, rows: [BarPlot.Row], categories: [String], theme: Theme, vi: Bool)
        -> (Shape, EmbeddedWorkbook, [Series]) {
        let bars = rows.map { $0.bars.first }
        let completion = bars.contains { $0?.figures?.completion == true }
        func named(_ tone: Tone) -> String? { plot.legend.first { $0.tone == tone && $0.symbol == .swatch }?.label }
        let goalName = plot.rule?.label ?? plot.legend.first { $0.symbol != .swatch }?.label ?? (vi ? "Kế hoạch" : "Target")
        // Columns (1 is B): target, actual, the value drawn, its goal, met, not met, not judged.
        let (target, actual, value, goal, met, notMet, other) = (1, 2, 3, 4, 5, 6, 7)
        func at(_ column: Int, _ i: Int) -> String { EmbeddedWorkbook.cell(column, row: i + 2) }
        var columns: [EmbeddedWorkbook.Column] = [
            .init(name: vi ? "Kế hoạch" : "Target", cells: bars.map { $0?.figures?.target.map { .number($0) } }),
            .init(name: vi ? "Thực hiện" : "Actual", cells: bars.map { $0?.figures.map { .number($0.actual) } }),
        ]
        columns.append(.init(name: completion ? (vi ? "Tỷ lệ hoàn thành (%)" : "Completion (%)") : (vi ? "Giá trị" : "Value"),
                             cells: bars.enumerated().map { i, bar -> EmbeddedWorkbook.Cell? in
            guard let bar, let v = bar.value else { return nil }
            guard let figures = bar.figures else { return .number(v) }
            if figures.completion { return .formula("IF(\(at(target, i))>0,\(at(actual, i))/\(at(target, i))*100,NA())", value: v) }
            return .formula(at(actual, i), value: v)
        }))
        columns.append(.init(name: goalName, cells: bars.enumerated().map { i, bar -> EmbeddedWorkbook.Cell? in
            if let rule = plot.rule { return bar == nil ? nil : .number(rule.value) }
            guard let marker = bar?.marker else { return nil }
            return bar?.figures?.target != nil ? .formula(at(target, i), value: marker) : .number(marker)
        }))
        // A judged row is met when its value reaches its goal (a ceiling's: stays within it), computed from
        // the cells; a row the picture does not judge (a part of the year's progress, no target) is neither.
        func isJudged(_ bar: BarPlot.Bar) -> Bool { bar.tone == .met || bar.tone == .notMet }
        let judged = bars.map { bar in bar.map { isJudged($0) && (plot.rule != nil || $0.marker != nil) } ?? false }
        func verdict(_ wanted: Bool) -> [EmbeddedWorkbook.Cell?] {
            bars.enumerated().map { i, bar in
                guard let bar, let v = bar.value, isJudged(bar) else { return nil }
                guard judged[i] else { return (bar.tone == .met) == wanted ? .number(v) : nil }
                let test = bar.figures?.ceiling == true ? "<=" : ">="
                let (yes, no) = wanted ? (at(value, i), "NA()") : ("NA()", at(value, i))
                return .formula("IF(\(at(value, i))\(test)\(at(goal, i)),\(yes),\(no))", value: (bar.tone == .met) == wanted ? v : nil)
            }
        }
        columns.append(.init(name: named(.met) ?? (vi ? "Đạt" : "Met"), cells: verdict(true)))
        columns.append(.init(name: named(.notMet) ?? (vi ? "Không đạt" : "Not met"), cells: verdict(false)))
        let unjudged = bars.map { bar in bar.flatMap { isJudged($0) ? nil : $0.value.map { EmbeddedWorkbook.Cell.number($0) } } }
        let zoomed = plot.lowerBound.map { $0 != 0 } ?? false
        let mark: Mark = zoomed ? .markers("circle") : .bar
        var series = [
            Series(name: columns[met - 1].name, column: met, color: theme.color(.met), mark: mark, valueLabels: true),
            Series(name: columns[notMet - 1].name, column: notMet, color: theme.color(.notMet), mark: mark, valueLabels: true),
        ]
        if unjudged.contains(where: { $0 != nil }) {
            columns.append(.init(name: named(.undefined) ?? (vi ? "Chưa đánh giá" : "Not judged"), cells: unjudged))
            series.append(Series(name: columns[other - 1].name, column: other, color: theme.color(.undefined), mark: mark,
                                 valueLabels: true))
        }
        // A threshold the same for every row is a line across; a target per row a mark on its column.
        series.append(Series(name: goalName, column: goal, color: theme.text, mark: plot.rule != nil ? .line : .markers("dash"),
                             dashed: plot.rule != nil))
        return (zoomed ? .lines : .columns, EmbeddedWorkbook(categories: categories, columns: columns), series)
    }

    /// Bars with no goal to read them against (the units' share of targets met, the gaps, this
    /// year beside the last): horizontal, from 0, a series per kind of bar (met and not met
    /// apart), each labelled with the words the picture writes.
    private static func bars(_ plot: BarPlot, rows: [BarPlot.Row], categories: [String], title: String, theme: Theme)
        -> (EmbeddedWorkbook, [Series]) {
        func named(_ tone: Tone) -> String? { plot.legend.first { $0.tone == tone }?.label }
        var columns: [EmbeddedWorkbook.Column] = []
        var series: [Series] = []
        let width = rows.map(\.bars.count).max() ?? 0
        for b in 0..<width {
            let bars = rows.map { $0.bars.indices.contains(b) ? $0.bars[b] : nil }
            // One series per tone, so a bar's colour is its series'.
            var tones: [Tone] = []
            for bar in bars.compactMap({ $0 }) where bar.value != nil && !tones.contains(bar.tone) { tones.append(bar.tone) }
            for tone in tones {
                let name = named(tone) ?? title
                let cells = bars.map { bar in bar.flatMap { $0.tone == tone ? $0.value.map { EmbeddedWorkbook.Cell.number($0) } : nil } }
                columns.append(.init(name: name, cells: cells))
                let labels: [String?] = zip(rows, bars).map { row, bar in
                    guard let bar, bar.tone == tone, bar.value != nil else { return nil }
                    return bar.label + (b == width - 1 && !row.note.isEmpty ? " · " + row.note : "")
                }
                series.append(Series(name: name, column: columns.count, color: theme.color(tone), labels: labels))
            }
        }
        return (EmbeddedWorkbook(categories: categories, columns: columns), series)
    }

    /// The chart part; `workbook` the relationship id of the embedded workbook.
    func part(workbook workbookID: String) -> Markup {
        let barSeries = series.enumerated().filter { $0.element.mark == .bar }
        let lineSeries = series.enumerated().filter { $0.element.mark != .bar }
        var body: Markup = ""
        if !barSeries.isEmpty {
            // Met and not met never share a row: overlapped, each row shows the one it has (clustered,
            // so a label may sit past the bar's end).
            let overlapped = barSeries.count > 1
                && categories.indices.allSatisfy { i in barSeries.filter { values($0.element)[i] != nil }.count <= 1 }
            body += "<c:barChart><c:barDir val=\"\(shape == .bars ? "bar" : "col")\"/><c:grouping val=\"clustered\"/>"
                + "<c:varyColors val=\"0\"/>"
                + barSeries.map { serie($0.offset, $0.element) }.joined()
                + "<c:gapWidth val=\"\(overlapped || barSeries.count == 1 ? 60 : 40)\"/><c:overlap val=\"\(overlapped ? 100 : -5)\"/>"
                + "<c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart>"
        }
        if !lineSeries.isEmpty {
            body += "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>"
                + lineSeries.map { serie($0.offset, $0.element) }.joined()
                + "<c:marker val=\"1\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:lineChart>"
        }
        // A chart with nothing to draw is still a chart: an empty bar chart on its axes.
        if barSeries.isEmpty && lineSeries.isEmpty {
            body = "<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>"
                + "<c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart>"
        }
        let horizontal = shape == .bars
        let line = { (color: ChartColor) -> Markup in "<c:spPr><a:ln w=\"9525\"><a:solidFill>\(Self.fill(color))</a:solidFill></a:ln></c:spPr>" }
        let categoryAxis: Markup = "<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"\(horizontal ? "maxMin" : "minMax")\"/></c:scaling>"
            + "<c:delete val=\"0\"/><c:axPos val=\"\(horizontal ? "l" : "b")\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/>"
            + "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"low\"/>"
            + line(theme.grid) + text(categorySize)
            + "<c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/>"
            + "<c:tickLblSkip val=\"1\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>"
        // From 0 (or where the picture's points start); the end the data's, unless a label needs room.
        var scaling: Markup = "<c:orientation val=\"minMax\"/>"
        if let upper { scaling += "<c:max val=\"\(upper)\"/>" }
        scaling += "<c:min val=\"\(lower)\"/>"
        let valueAxis: Markup = "<c:valAx><c:axId val=\"1002\"/><c:scaling>\(scaling)</c:scaling><c:delete val=\"0\"/><c:axPos val=\"\(horizontal ? "b" : "l")\"/>"
            + "<c:majorGridlines>\(line(theme.grid))</c:majorGridlines><c:numFmt formatCode=\"\(format)\" sourceLinked=\"0\"/>"
            + "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>"
            + "<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>"
            + text(1200, color: theme.secondaryText)
            // Bars run down from the top: the value axis sits under the last one.
            + "<c:crossAx val=\"1001\"/><c:crosses val=\"\(horizontal ? "max" : "autoZero")\"/><c:crossBetween val=\"between\"/></c:valAx>"
        let legend: Markup = self.legend && series.count > 1 && shape != .bars
            ? "<c:legend><c:legendPos val=\"t\"/><c:overlay val=\"0\"/>\(text(1400))</c:legend>" : ""
        return "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<c:date1904 val=\"0\"/><c:lang val=\"\(lang)\"/><c:roundedCorners val=\"0\"/><c:chart><c:autoTitleDeleted val=\"1\"/>"
            + "<c:plotArea><c:layout/>\(body)\(categoryAxis)\(valueAxis)</c:plotArea>\(legend)"
            + "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>"
            + "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>\(text(1400))"
            + "<c:externalData r:id=\"\(workbookID)\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>"
    }

    /// The value axis's and the labels' number format: "95 %", "1.054" (the program's own separators).
    var format: String { percent ? "0\" %\"" : "#,##0" }
    /// The decimals of the figures written at the points: the picture's own.
    var labelDecimals = 1
    /// A label's format: the picture's decimals, its "%".
    var labelFormat: String {
        let fraction = labelDecimals > 0 ? "." + String(repeating: "0", count: labelDecimals) : ""
        return (percent ? "0" : "#,##0") + fraction + (percent ? "\" %\"" : "")
    }

    /// Whether a label's first figure is a percentage: "2,9 % · trần 5 %".
    static func isPercent(_ label: String) -> Bool {
        label.drop { !$0.isNumber }.drop { $0.isNumber || $0 == "." || $0 == "," }.trimmingCharacters(in: .whitespaces).hasPrefix("%")
    }

    /// The decimals of the first figure of each label, the most of them ("113,0 %" → 1, "1.054 hồ sơ" → 0).
    static func decimals(_ labels: [String], vi: Bool) -> Int {
        let point: Character = vi ? "," : "."
        return labels.map { label -> Int in
            let figure = label.drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "." || $0 == "," }
            guard let at = figure.lastIndex(of: point) else { return 0 }
            return figure[figure.index(after: at)...].count
        }.max() ?? 0
    }

    /// Names small enough that each keeps its row (a program hides names that overlap).
    var categorySize: Int { categories.count > 10 ? 1100 : categories.count > 6 ? 1200 : 1400 }

    /// The value axis of horizontal bars: from 0 to room past the longest bar for its label (a
    /// label does not wrap), both ends on round ticks. Inches as the slide's frame has them: 12,3
    /// wide, the categories' names at 14 pt on the left, the labels at 12 pt.
    var valueAxis: ClosedRange<Double> {
        let top = max(minimumUpper, series.flatMap(values).compactMap { $0 }.max() ?? 0)
        guard top > lower else { return lower...(lower + 1) }
        let label = Double(series.flatMap(\.labels).compactMap { $0?.count }.max() ?? 0)
        let names = Double(categories.map(\.count).max() ?? 0)
        let plot = 12.3 - min(5, names * 0.1)
        let room = min(0.6, label * 0.085 / plot)
        // The axis's end on a round tick past the room wanted, as the pictures' axes round.
        return LinearScale(lower: lower, upper: lower + (top - lower) / (1 - room - 0.04), from: 0, to: 1).domain
    }

    private func serie(_ index: Int, _ s: Series) -> Markup {
        let ink = Self.fill(s.color)
        var look: Markup
        switch s.mark {
        case .bar:
            look = "<c:spPr><a:solidFill>\(ink)</a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>"
        case .line:
            look = "<c:spPr><a:ln w=\"\(s.dashed ? 28575 : 44450)\" cap=\"rnd\"><a:solidFill>\(ink)</a:solidFill>"
                + (s.dashed ? "<a:prstDash val=\"dash\"/>" as Markup : "") + "<a:round/></a:ln></c:spPr>"
                + (s.dashed ? "<c:marker><c:symbol val=\"none\"/></c:marker>" as Markup
                    : "<c:marker><c:symbol val=\"circle\"/><c:size val=\"8\"/>"
                        + "<c:spPr><a:solidFill>\(ink)</a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:marker>")
        case let .markers(symbol):
            // No line between the points: each is read on its own.
            let size = symbol == "dash" ? 24 : 12
            let outline: Markup = symbol == "dash" ? "<a:ln w=\"38100\"><a:solidFill>\(ink)</a:solidFill></a:ln>"
                : "<a:ln><a:noFill/></a:ln>"
            look = "<c:spPr><a:ln><a:noFill/></a:ln></c:spPr><c:marker><c:symbol val=\"\(symbol)\"/><c:size val=\"\(size)\"/>"
                + "<c:spPr><a:solidFill>\(ink)</a:solidFill>\(outline)</c:spPr></c:marker>"
        }
        let values = self.values(s)
        let flags: Markup = "<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/>"
            + "<c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/>"
        let position: Markup = s.mark == .bar ? "<c:dLblPos val=\"outEnd\"/>" : "<c:dLblPos val=\"t\"/>"
        var labels: Markup = ""
        if s.valueLabels {
            // The figure from its cell, so an edited figure relabels itself.
            labels = "<c:dLbls><c:numFmt formatCode=\"\(labelFormat)\" sourceLinked=\"0\"/>\(text(1200))\(position)\(flags)</c:dLbls>"
        } else if s.labels.contains(where: { $0 != nil }) {
            labels = "<c:dLbls>"
            for i in categories.indices {
                if i < s.labels.count, let label = s.labels[i], i < values.count, values[i] != nil {
                    labels += "<c:dLbl><c:idx val=\"\(i)\"/><c:tx><c:rich><a:bodyPr wrap=\"none\"/><a:lstStyle/>"
                        + "<a:p><a:r><a:rPr lang=\"\(lang)\"/>"
                        + "<a:t>\(label)</a:t></a:r></a:p></c:rich></c:tx>\(position)\(flags)</c:dLbl>"
                } else {
                    labels += "<c:dLbl><c:idx val=\"\(i)\"/><c:delete val=\"1\"/></c:dLbl>"
                }
            }
            labels += "\(text(1200))\(position)\(flags)</c:dLbls>"
        }
        let n = categories.count
        let categoryCache = categories.enumerated().map { "<c:pt idx=\"\($0)\"><c:v>\($1)</c:v></c:pt>" as Markup }.joined()
        let valueCache = values.prefix(n).enumerated().compactMap { i, v in
            v.map { "<c:pt idx=\"\(i)\"><c:v>\($0)</c:v></c:pt>" as Markup }
        }.joined()
        return "<c:ser><c:idx val=\"\(index)\"/><c:order val=\"\(index)\"/>"
            + "<c:tx><c:strRef><c:f>\(workbook.nameCell(column: s.column))</c:f><c:strCache><c:ptCount val=\"1\"/>"
            + "<c:pt idx=\"0\"><c:v>\(s.name)</c:v></c:pt></c:strCache></c:strRef></c:tx>"
            + look + labels
            + "<c:cat><c:strRef><c:f>\(workbook.range(column: 0))</c:f><c:strCache><c:ptCount val=\"\(n)\"/>\(categoryCache)"
            + "</c:strCache></c:strRef></c:cat>"
            + "<c:val><c:numRef><c:f>\(workbook.range(column: s.column))</c:f><c:numCache><c:formatCode>General</c:formatCode>"
            + "<c:ptCount val=\"\(n)\"/>\(valueCache)</c:numCache></c:numRef></c:val>"
            + (s.mark == .bar ? "" : "<c:smooth val=\"0\"/>" as Markup) + "</c:ser>"
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
