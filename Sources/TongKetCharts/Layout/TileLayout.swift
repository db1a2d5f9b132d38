/// A `TilePlot` laid out: tiles in a grid of up to four columns, each with its name (two
/// lines), the figure with its measure beside it, and at the foot the change with an arrow
/// (blue when for the better) and the verdict. The figures of a row share one size and one
/// baseline — the largest every tile of the row can hold — so they read as one line of
/// results. In video the tiles arrive one after another and their figures count up.
struct TileLayout {
    let spec: TilePlot

    func layout(in plot: Rect, context c: ChartContext) -> [Primitive] {
        let u = c.u
        var items: [Primitive] = []
        let count = max(spec.tiles.count, 1)
        let columns = count <= 3 ? count : count <= 4 ? 2 : count <= 6 ? 3 : 4
        let rows = (count + columns - 1) / columns
        let gap = 24 * u
        let tileWidth = (plot.width - gap * Double(columns - 1)) / Double(columns)
        let tileHeight = (plot.height - gap * Double(rows - 1)) / Double(rows)
        let pad = 24 * u
        // Small tiles shrink their words with them.
        let shrink = min(1, tileHeight / (320 * u))
        let nameStyle = c.style(.label, bold: true, scale: shrink)
        let inner0 = Rect(x: 0, y: 0, width: tileWidth, height: tileHeight).inset(by: pad)
        let nameHeights = spec.tiles.map { c.measure($0.name, nameStyle, width: inner0.width, maxLines: 2).height }
        let figureStyles = spec.tiles.map { tile in
            c.fitting(.figure, bold: true, color: c.theme.current, from: 1.6, through: 0.3) { style in
                let size = c.measure(tile.figure, style)
                return size.width <= inner0.width * 0.62 && size.height <= inner0.height * 0.42
            }
        }
        // Per row: the tallest name, and the smallest figure size.
        func row(_ index: Int) -> Range<Int> { (index / columns * columns)..<min(index / columns * columns + columns, spec.tiles.count) }

        for (index, tile) in spec.tiles.enumerated() {
            let box = Rect(x: plot.x + Double(index % columns) * (tileWidth + gap), y: plot.y + Double(index / columns) * (tileHeight + gap), width: tileWidth, height: tileHeight)
            let span = Span.staggered(index, of: spec.tiles.count, spread: 0.4, length: 0.55)
            items.append(.rect(RectMark(frame: box, fill: c.theme.neutral, cornerRadius: 16 * u, motion: .fade(span))))
            let inner = box.inset(by: pad)
            var y = inner.y
            items.append(.text(TextRun(text: tile.name, style: nameStyle, frame: Rect(x: inner.x, y: y, width: inner.width, height: nameHeights[index]), maxLines: 2, motion: .fade(span))))
            y += row(index).map { nameHeights[$0] }.max()! + 8 * u
            let figureStyle = row(index).map { figureStyles[$0] }.min { $0.size < $1.size }!
            let figureSize = c.measure(tile.figure, figureStyle)
            let rowFigureHeight = row(index).map { c.measure(spec.tiles[$0].figure, figureStyle).height }.max()!
            // The figure centred in the space between the name and the foot.
            y = max(y, y + (inner.maxY - y - rowFigureHeight - 2.4 * c.measure("Ág", c.style(.value, scale: shrink)).height) / 2 - 12 * u)
            items.append(.text(TextRun(text: tile.figure, style: figureStyle, frame: Rect(x: inner.x, y: y, width: figureSize.width, height: figureSize.height), motion: .count(span, travel: 0))))
            if !tile.measure.isEmpty {
                let style = c.style(.subtitle, scale: min(1, figureStyle.size / (84 * u)))
                let width = max(10, inner.maxX - (inner.x + figureSize.width + 12 * u))
                let size = c.measure(tile.measure, style, width: width)
                items.append(.text(TextRun(text: tile.measure, style: style, frame: Rect(x: inner.x + figureSize.width + 12 * u, y: y + figureSize.height - size.height - 6 * u, width: width, height: size.height), motion: .fade(span))))
            }
            // The change and the verdict sit at the foot of the tile.
            let footStyle = c.style(.value, scale: shrink)
            let footLine = c.measure("Ág", footStyle).height
            y = max(y + figureSize.height + 6 * u, inner.maxY - 2 * footLine - 10 * u)
            let changeSize = c.measure(tile.change, footStyle, width: inner.width - 40 * u, maxLines: 2)
            if let arrow = tile.arrow {
                let side = min(24 * u, changeSize.height * 0.8)
                let cx = inner.x + side / 2, cy = y + min(changeSize.height, footLine) / 2
                let points = arrow.up
                    ? [Point(cx - side / 2, cy + side / 3), Point(cx + side / 2, cy + side / 3), Point(cx, cy - side / 2)]
                    : [Point(cx - side / 2, cy - side / 3), Point(cx + side / 2, cy - side / 3), Point(cx, cy + side / 2)]
                let color = arrow.better ? c.theme.met : c.theme.notMet
                items.append(.path(PathMark(points: points, stroke: color, lineWidth: 1, closed: true, fill: color, motion: .fade(span))))
            }
            items.append(.text(TextRun(text: tile.change, style: footStyle, frame: Rect(x: inner.x + 40 * u, y: y, width: inner.width - 40 * u, height: changeSize.height), maxLines: 2, motion: .fade(span))))
            y += changeSize.height + 4 * u
            let verdictStyle = c.style(.value, bold: true, color: c.theme.color(tile.verdictTone), scale: shrink)
            let size = c.measure(tile.verdict, verdictStyle, width: inner.width, maxLines: 1)
            if y + size.height <= inner.maxY + 1 {
                items.append(.text(TextRun(text: tile.verdict, style: verdictStyle, frame: Rect(x: inner.x, y: y, width: inner.width, height: size.height), motion: .fade(span))))
            }
        }
        return items
    }
}
