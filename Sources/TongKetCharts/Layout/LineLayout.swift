/// A `LinePlot` laid out: a value axis with its grid on the left, the categories (years)
/// along the bottom, each series as a line through its points — solid with large points, or
/// dashed with small hollow ones (a target) — and the labels of a series at its points, moved
/// below a point when another series' point sits just above it. In video the lines draw left
/// to right and each point and figure arrives as the line reaches it.
struct LineLayout {
    let spec: LinePlot

    func layout(in plot: Rect, context c: ChartContext) -> [Primitive] {
        let u = c.u
        let n = c.numbers
        let theme = c.theme
        var items: [Primitive] = []
        let small = c.style(.caption)
        let lineHeight = c.measure("Ág", small).height
        let valueStyle = c.style(.value, bold: true)
        let values = spec.series.flatMap { $0.values.compactMap { $0 } }
        let highest = values.max() ?? 0
        let upper = spec.percent && highest <= 100 ? min(highest * 1.12, 100) : highest * 1.12
        func tickText(_ tick: Double) -> String { n.number(tick) + (spec.percent ? (c.language == .vi ? " %" : "%") : "") }
        let tickTexts = LinearScale(upper: upper, from: 0, to: 1).ticks.map(tickText)
        let axisWidth = (tickTexts.map { c.measure($0, small).width }.max() ?? 0) + 16 * u
        let top = plot.y + lineHeight + 24 * u
        let bottom = plot.maxY - lineHeight - 16 * u
        let y = LinearScale(upper: upper, from: bottom, to: top)
        // Room for half a value label beside the first and last points.
        let labels = spec.series.flatMap { $0.labels.compactMap { $0 } }
        let halfLabel = (labels.map { c.measure($0, valueStyle).width }.max() ?? 0) / 2 + 8 * u
        let left = plot.x + axisWidth + 24 * u + halfLabel, right = plot.maxX - halfLabel
        let count = max(spec.categories.count, 1)
        func x(_ i: Int) -> Double { count == 1 ? (left + right) / 2 : left + (right - left) * Double(i) / Double(count - 1) }

        for tick in y.ticks {
            let py = y(tick)
            items.append(.path(PathMark(points: [Point(plot.x + axisWidth + 12 * u, py), Point(plot.maxX, py)], stroke: theme.grid, lineWidth: max(1, 1.5 * u))))
            let text = tickText(tick)
            let size = c.measure(text, small)
            items.append(.text(TextRun(text: text, style: small, frame: Rect(x: plot.x + axisWidth - size.width, y: py - size.height / 2, width: size.width, height: size.height), alignment: .trailing)))
        }
        for (i, category) in spec.categories.enumerated() {
            let size = c.measure(category, c.style(.label))
            items.append(.text(TextRun(text: category, style: c.style(.label), frame: Rect(x: x(i) - size.width / 2, y: bottom + 12 * u, width: size.width, height: size.height), alignment: .center)))
        }
        let drawing = Span(0, 0.75)
        func arrival(_ i: Int) -> Span {
            let start = count > 1 ? drawing.end * Double(i) / Double(count - 1) : 0
            return Span(max(0, start - 0.05), start + 0.2)
        }
        for (s, series) in spec.series.enumerated() {
            let color = theme.color(series.tone)
            let points = series.values.enumerated().compactMap { i, v in v.map { (i, Point(x(i), y($0))) } }
            if points.count > 1 {
                items.append(.path(PathMark(points: points.map(\.1), stroke: color, lineWidth: (series.dashed ? 4 : 6) * u,
                                            dash: series.dashed ? [16 * u, 10 * u] : [], motion: .draw(drawing))))
            }
            for (i, point) in points {
                items.append(.circle(series.dashed
                    ? CircleMark(center: point, radius: 6 * u, fill: theme.background, stroke: color, motion: .fade(arrival(i)))
                    : CircleMark(center: point, radius: 10 * u, fill: color, motion: .fade(arrival(i)))))
                guard i < series.labels.count, let text = series.labels[i] else { continue }
                let size = c.measure(text, valueStyle)
                // Above the point, or below it when another series' point sits just above.
                var box = Rect(x: point.x - size.width / 2, y: point.y - 18 * u - size.height, width: size.width, height: size.height)
                let crowded = spec.series.indices.contains { other in
                    other != s && i < spec.series[other].values.count && spec.series[other].values[i].map { abs(y($0) - box.midY) < size.height } == true
                }
                if crowded { box.y = point.y + 18 * u }
                box.x = min(max(box.x, plot.x + axisWidth + 16 * u), plot.maxX - box.width)
                items.append(.text(TextRun(text: text, style: valueStyle, frame: box, alignment: .center, motion: .count(arrival(i), travel: 0))))
            }
        }
        items += LegendLayout(spec.legend, theme: theme).layout(x: left, y: plot.y, context: c).items
        return items
    }
}
