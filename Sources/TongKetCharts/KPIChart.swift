import TongKetAnalytics
import TongKetData

/// 6. Headline tiles for the province: the figure, its measure, the change against last
/// year with an arrow, and the completion of the target.
struct KPIChart {
    let data: ChartData
    let year: Int
    /// A slide holds eight tiles legibly; the rest are in the other charts.
    static let maximumTiles = 8

    func scene(_ c: ChartContext) -> Scene {
        let n = c.numbers
        let u = c.u
        // The headline indicators (the catalogue's, else by the rule of `Headlines`).
        let byIndicator = Dictionary(data.provinceFigures(year: year).map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
        let tiles = Headlines.ranked(data.metrics, year: year).compactMap { byIndicator[$0] }.prefix(Self.maximumTiles)
        let title = c.pick("Kết quả nổi bật toàn tỉnh năm \(year)", "Province highlights, \(year)")
        let subtitle = c.pick("So với năm \(year - 1); mũi tên xanh: chuyển biến tốt", "Compared with \(year - 1); blue arrow: a change for the better")
        let frame = ChartFrame(title: title, subtitle: subtitle, note: data.assumptionNote(tiles.map(\.indicator), c), context: c)
        let plot = frame.plot
        var items: [Primitive] = []
        let count = max(tiles.count, 1)
        let columns = count <= 3 ? count : count <= 4 ? 2 : count <= 6 ? 3 : 4
        let rows = (count + columns - 1) / columns
        let gap = 24 * u
        let tileWidth = (plot.width - gap * Double(columns - 1)) / Double(columns)
        let tileHeight = (plot.height - gap * Double(rows - 1)) / Double(rows)
        let pad = 24 * u

        for (index, f) in tiles.enumerated() {
            let tile = Rect(x: plot.x + Double(index % columns) * (tileWidth + gap), y: plot.y + Double(index / columns) * (tileHeight + gap), width: tileWidth, height: tileHeight)
            // In video the tiles arrive one after another and their figures count up.
            let span = Span.staggered(index, of: tiles.count, spread: 0.4, length: 0.55)
            items.append(.rect(RectMark(frame: tile, fill: c.theme.neutral, cornerRadius: 16 * u, motion: .fade(span))))
            let inner = tile.inset(by: pad)
            var y = inner.y
            // Name: two lines at most.
            let nameStyle = c.style(.label, bold: true, scale: min(1, tileHeight / (320 * u)))
            let nameText = data.indicator(f.indicator) + (data.formulaWords(f.indicator, c).map { " (" + $0.short + ")" } ?? "")
            let nameSize = c.measure(nameText, nameStyle, width: inner.width, maxLines: 2)
            items.append(.text(TextRun(text: nameText, style: nameStyle, frame: Rect(x: inner.x, y: y, width: inner.width, height: nameSize.height), maxLines: 2, motion: .fade(span))))
            y += nameSize.height + 8 * u
            // The figure: as large as fits the tile's width and a third of its height.
            let figure = n.number(f.actual)
            var figureStyle = c.style(.figure, bold: true, color: c.theme.current)
            for scale in stride(from: 1.6, through: 0.3, by: -0.05) {
                figureStyle = c.style(.figure, bold: true, color: c.theme.current, scale: scale)
                let size = c.measure(figure, figureStyle)
                if size.width <= inner.width * 0.62 && size.height <= inner.height * 0.42 { break }
            }
            let figureSize = c.measure(figure, figureStyle)
            // The figure centred in the space between the name and the foot.
            y = max(y, y + (inner.maxY - y - figureSize.height - 2.4 * c.measure("Ág", c.style(.value, scale: min(1, tileHeight / (320 * u)))).height) / 2 - 12 * u)
            items.append(.text(TextRun(text: figure, style: figureStyle, frame: Rect(x: inner.x, y: y, width: figureSize.width, height: figureSize.height), motion: .count(span, travel: 0))))
            let measure = data.isRate(f) ? "%" : data.metrics.measureName(f)
            if !measure.isEmpty {
                let style = c.style(.subtitle, scale: min(1, figureStyle.size / (84 * u)))
                let size = c.measure(measure, style, width: max(10, inner.maxX - (inner.x + figureSize.width + 12 * u)))
                items.append(.text(TextRun(text: measure, style: style, frame: Rect(x: inner.x + figureSize.width + 12 * u, y: y + figureSize.height - size.height - 6 * u, width: max(10, inner.maxX - (inner.x + figureSize.width + 12 * u)), height: size.height), motion: .fade(span))))
            }
            // The change and the completion sit at the foot of the tile.
            let footStyle = c.style(.value, scale: min(1, tileHeight / (320 * u)))
            let footLine = c.measure("Ág", footStyle).height
            y = max(y + figureSize.height + 6 * u, inner.maxY - 2 * footLine - 10 * u)
            // Change with an arrow: up or down, blue when it is the better way for this indicator.
            let lineStyle = c.style(.value, scale: min(1, tileHeight / (320 * u)))
            let change = data.change(f, n) + " " + c.pick("so với \(year - 1)", "vs \(year - 1)")
            let changeSize = c.measure(change, lineStyle, width: inner.width - 40 * u, maxLines: 2)
            if let delta = f.yoyDelta, delta != 0 {
                let better = (delta > 0) == (f.direction == .higher)
                let side = min(24 * u, changeSize.height * 0.8)
                let cx = inner.x + side / 2, cy = y + min(changeSize.height, c.measure("Ág", lineStyle).height) / 2
                let up = delta > 0
                let points = up
                    ? [Point(cx - side / 2, cy + side / 3), Point(cx + side / 2, cy + side / 3), Point(cx, cy - side / 2)]
                    : [Point(cx - side / 2, cy - side / 3), Point(cx + side / 2, cy - side / 3), Point(cx, cy + side / 2)]
                let color = better ? c.theme.met : c.theme.notMet
                items.append(.path(PathMark(points: points, stroke: color, lineWidth: 1, closed: true, fill: color, motion: .fade(span))))
            }
            items.append(.text(TextRun(text: change, style: lineStyle, frame: Rect(x: inner.x + 40 * u, y: y, width: inner.width - 40 * u, height: changeSize.height), maxLines: 2, motion: .fade(span))))
            y += changeSize.height + 4 * u
            let completion: String
            // A ceiling reads as the value against its limit: "77,6 % kế hoạch" would read as a shortfall.
            switch (f.completion, f.status) {
            case (_, .met) where f.direction == .lower:
                completion = c.pick("trong giới hạn (trần ", "within the ceiling (") + data.value(f.target ?? 0, f, n) + ")"
            case (_, .notMet) where f.direction == .lower:
                completion = c.pick("vượt trần ", "above the ceiling of ") + data.value(f.target ?? 0, f, n)
            case let (ratio?, status):
                completion = c.pick("đạt \(n.percent(ratio)) kế hoạch", "\(n.percent(ratio)) of target") + (status == .notMet ? c.pick(" · chưa đạt", " · not met") : "")
            case (nil, .met): completion = c.pick("đạt (không vượt trần)", "met (within the ceiling)")
            case (nil, .notMet): completion = c.pick("vượt trần", "above the ceiling")
            default: completion = c.pick("không có kế hoạch", "no target")
            }
            let completionStyle = c.style(.value, bold: true, color: f.status == .notMet ? c.theme.notMet : c.theme.text, scale: min(1, tileHeight / (320 * u)))
            let size = c.measure(completion, completionStyle, width: inner.width, maxLines: 1)
            if y + size.height <= inner.maxY + 1 {
                items.append(.text(TextRun(text: completion, style: completionStyle, frame: Rect(x: inner.x, y: y, width: inner.width, height: size.height), motion: .fade(span))))
            }
        }
        return Scene(context: c, frame: frame, items: items, title: title, subject: subtitle)
    }
}
