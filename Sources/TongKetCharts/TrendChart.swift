import TongKetAnalytics

/// 4. The province total of one indicator over every year, with its target dashed.
struct TrendChart {
    let data: ChartData
    let indicator: Int32
    let year: Int

    func scene(_ c: ChartContext) -> Scene {
        let n = c.numbers
        let u = c.u
        let series = data.provinceFigures(indicator: indicator).filter { $0.year <= year }
        let name = data.indicator(indicator)
        let first = series.first?.year ?? year
        let title = name
        let formed = data.formulaWords(indicator, c).map { $0.long.prefix(1).uppercased() + $0.long.dropFirst() }
        let subtitle = (formed ?? c.pick("Tổng toàn tỉnh", "Province total"))
            + c.pick(", \(first)–\(year); kế hoạch nét đứt", ", \(first)–\(year); target dashed")
        let frame = ChartFrame(title: title, subtitle: subtitle, note: data.assumptionNote([indicator], c), context: c)
        let plot = frame.plot
        var items: [Primitive] = []

        let small = c.style(.caption)
        let lineHeight = c.measure("Ág", small).height
        let valueStyle = c.style(.value, bold: true)
        let upper = max(series.map(\.actual).max() ?? 0, series.compactMap(\.target).max() ?? 0) * 1.12
        let tickTexts = LinearScale(upper: upper, from: 0, to: 1).ticks.map { n.number($0) }
        let axisWidth = (tickTexts.map { c.measure($0, small).width }.max() ?? 0) + 16 * u
        let top = plot.y + lineHeight + 24 * u
        let bottom = plot.maxY - lineHeight - 16 * u
        let y = LinearScale(upper: upper, from: bottom, to: top)
        // Room for half a value label beside the first and last points.
        let halfLabel = (series.map { c.measure(data.value($0.actual, $0, n), valueStyle).width }.max() ?? 0) / 2 + 8 * u
        let left = plot.x + axisWidth + 24 * u + halfLabel, right = plot.maxX - halfLabel
        let count = max(series.count, 1)
        func x(_ i: Int) -> Double { count == 1 ? (left + right) / 2 : left + (right - left) * Double(i) / Double(count - 1) }

        for tick in y.ticks {
            let py = y(tick)
            items.append(.path(PathMark(points: [Point(plot.x + axisWidth + 12 * u, py), Point(plot.maxX, py)], stroke: c.theme.grid, lineWidth: max(1, 1.5 * u))))
            let text = n.number(tick)
            let size = c.measure(text, small)
            items.append(.text(TextRun(text: text, style: small, frame: Rect(x: plot.x + axisWidth - size.width, y: py - size.height / 2, width: size.width, height: size.height), alignment: .trailing)))
        }
        for (i, f) in series.enumerated() {
            let text = String(f.year)
            let size = c.measure(text, c.style(.label))
            items.append(.text(TextRun(text: text, style: c.style(.label), frame: Rect(x: x(i) - size.width / 2, y: bottom + 12 * u, width: size.width, height: size.height), alignment: .center)))
        }
        // In video the lines draw left to right over most of the entrance; each point and
        // its figure arrive as the line reaches them.
        let drawing = Span(0, 0.75)
        func arrival(_ i: Int) -> Span {
            let start = count > 1 ? drawing.end * Double(i) / Double(count - 1) : 0
            return Span(max(0, start - 0.05), start + 0.2)
        }
        let targets = series.enumerated().compactMap { i, f in f.target.map { Point(x(i), y($0)) } }
        if targets.count > 1 {
            items.append(.path(PathMark(points: targets, stroke: c.theme.target, lineWidth: 4 * u, dash: [16 * u, 10 * u], motion: .draw(drawing))))
        }
        for (i, f) in series.enumerated() {
            guard let target = f.target else { continue }
            items.append(.circle(CircleMark(center: Point(x(i), y(target)), radius: 6 * u, fill: c.theme.background, stroke: c.theme.target, motion: .fade(arrival(i)))))
        }
        let actuals = series.enumerated().map { i, f in Point(x(i), y(f.actual)) }
        if actuals.count > 1 { items.append(.path(PathMark(points: actuals, stroke: c.theme.current, lineWidth: 6 * u, motion: .draw(drawing)))) }
        for (i, point) in actuals.enumerated() {
            items.append(.circle(CircleMark(center: point, radius: 10 * u, fill: c.theme.current, motion: .fade(arrival(i)))))
            let text = data.value(series[i].actual, series[i], n)
            let size = c.measure(text, valueStyle)
            // Above the point, or below it when the target's marker sits just above.
            var box = Rect(x: point.x - size.width / 2, y: point.y - 18 * u - size.height, width: size.width, height: size.height)
            if let target = series[i].target, abs(y(target) - box.midY) < size.height { box.y = point.y + 18 * u }
            box.x = min(max(box.x, plot.x + axisWidth + 16 * u), plot.maxX - box.width)
            items.append(.text(TextRun(text: text, style: valueStyle, frame: box, alignment: .center, motion: .count(arrival(i), travel: 0))))
        }
        // Legend on the top row.
        var cursor = left
        for (label, color, dashed) in [(c.pick("Thực hiện", "Actual"), c.theme.current, false), (c.pick("Kế hoạch", "Target"), c.theme.target, true)] {
            let midY = plot.y + lineHeight / 2
            items.append(.path(PathMark(points: [Point(cursor, midY), Point(cursor + 40 * u, midY)], stroke: color, lineWidth: 5 * u, dash: dashed ? [10 * u, 6 * u] : [])))
            cursor += 52 * u
            let size = c.measure(label, small)
            items.append(.text(TextRun(text: label, style: small, frame: Rect(x: cursor, y: plot.y, width: size.width, height: size.height))))
            cursor += size.width + 36 * u
        }
        return Scene(context: c, frame: frame, items: items, title: title, subject: subtitle)
    }
}
