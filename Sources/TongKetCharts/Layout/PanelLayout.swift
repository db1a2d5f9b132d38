/// A `PanelPlot` laid out: a grid of small line charts (up to five columns), all on one value
/// scale whose top is written once in the corner, each with its unit's name above, its first
/// and last year under it, and its last value at the line's end. In video every panel's line
/// draws at the same pace.
struct PanelLayout {
    let spec: PanelPlot

    func layout(in plot: Rect, context c: ChartContext) -> [Primitive] {
        let u = c.u
        let theme = c.theme
        var items: [Primitive] = []
        let count = max(spec.panels.count, 1)
        let columns = count <= 3 ? count : count <= 4 ? 2 : count <= 9 ? 3 : count <= 12 ? 4 : 5
        let rows = (count + columns - 1) / columns
        let gapX = 40 * u, gapY = 24 * u
        let width = (plot.width - gapX * Double(columns - 1)) / Double(columns)
        let height = (plot.height - gapY * Double(rows - 1)) / Double(rows)
        let titleStyle = c.style(.label, bold: true)
        let small = c.style(.caption)
        let valueStyle = c.style(.value, bold: true)
        let lineHeight = c.measure("Ág", small).height
        // One scale for every panel, up to a round number a little above the largest value.
        let upper = LinearScale(upper: (spec.panels.flatMap { $0.values.compactMap { $0 } + $0.targets.compactMap { $0 } }.max() ?? 0) * 1.05, from: 0, to: 1, tickCount: 4).domain.upperBound
        let points = max(spec.categories.count, 1)
        let drawing = Span(0, 0.8)

        for (index, panel) in spec.panels.enumerated() {
            let box = Rect(x: plot.x + Double(index % columns) * (width + gapX), y: plot.y + Double(index / columns) * (height + gapY), width: width, height: height)
            let titleSize = c.measure(panel.title, titleStyle, width: box.width, maxLines: 2)
            items.append(.text(TextRun(text: panel.title, style: titleStyle, frame: Rect(x: box.x, y: box.y, width: box.width, height: titleSize.height), maxLines: 2)))
            let labelWidth = c.measure(panel.label, valueStyle).width
            let chartTop = box.y + titleSize.height + 10 * u + lineHeight / 2
            let chart = Rect(x: box.x, y: chartTop, width: max(box.width - labelWidth - 16 * u, box.width * 0.4), height: box.maxY - chartTop - lineHeight - 8 * u)
            guard chart.height > 4 * u else { continue }
            func x(_ i: Int) -> Double { points == 1 ? chart.midX : chart.x + chart.width * Double(i) / Double(points - 1) }
            func y(_ v: Double) -> Double { upper > 0 ? chart.maxY - chart.height * v / upper : chart.maxY }
            items.append(.path(PathMark(points: [Point(chart.x, chart.maxY), Point(chart.maxX, chart.maxY)], stroke: theme.grid, lineWidth: max(1, 2 * u))))
            // The shared scale's top, written once per panel at its left.
            let top = c.numbers.number(upper) + (spec.percent ? (c.language == .vi ? " %" : "%") : "")
            let topSize = c.measure(top, small)
            items.append(.path(PathMark(points: [Point(chart.x + topSize.width + 8 * u, chart.y), Point(chart.maxX, chart.y)], stroke: theme.grid, lineWidth: max(1, 1.5 * u))))
            items.append(.text(TextRun(text: top, style: small, frame: Rect(x: chart.x, y: chart.y - topSize.height / 2, width: topSize.width, height: topSize.height))))
            let targets = panel.targets.enumerated().compactMap { i, v in v.map { Point(x(i), y($0)) } }
            if targets.count > 1 {
                items.append(.path(PathMark(points: targets, stroke: theme.target, lineWidth: 3 * u, dash: [12 * u, 8 * u], motion: .draw(drawing))))
            }
            let line = panel.values.enumerated().compactMap { i, v in v.map { Point(x(i), y($0)) } }
            let color = theme.color(panel.tone)
            if line.count > 1 { items.append(.path(PathMark(points: line, stroke: color, lineWidth: 5 * u, motion: .draw(drawing)))) }
            if let last = line.last {
                items.append(.circle(CircleMark(center: last, radius: 8 * u, fill: color, motion: .fade(Span(drawing.end - 0.1, drawing.end + 0.1)))))
                let size = c.measure(panel.label, valueStyle)
                let labelY = min(max(last.y - size.height / 2, box.y), box.maxY - size.height)
                items.append(.text(TextRun(text: panel.label, style: valueStyle, frame: Rect(x: last.x + 12 * u, y: labelY, width: size.width, height: size.height),
                                           motion: .count(Span(drawing.end - 0.1, drawing.end + 0.2), travel: 0))))
            }
            // The first and last year under the line.
            if let first = spec.categories.first, let final = spec.categories.last {
                let firstSize = c.measure(first, small), lastSize = c.measure(final, small)
                items.append(.text(TextRun(text: first, style: small, frame: Rect(x: chart.x, y: chart.maxY + 6 * u, width: firstSize.width, height: firstSize.height))))
                if points > 1, chart.x + firstSize.width + 12 * u < chart.maxX - lastSize.width {
                    items.append(.text(TextRun(text: final, style: small, frame: Rect(x: chart.maxX - lastSize.width, y: chart.maxY + 6 * u, width: lastSize.width, height: lastSize.height))))
                }
            }
        }
        return items
    }
}
