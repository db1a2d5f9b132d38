/// A `CellPlot` laid out: column headers wrapped and shrunk to the cell width, row names on
/// the left, each cell filled on the diverging scale with its text in an ink that reads on
/// the fill, and the scale as a legend under the grid. In video the rows fill in from the top.
struct CellLayout {
    let spec: CellPlot

    func layout(in plot: Rect, context c: ChartContext) -> [Primitive] {
        let u = c.u
        var items: [Primitive] = []
        let colors = DivergingColors(below: c.theme.below, neutral: c.theme.neutral, above: c.theme.above)
        // A readable grid holds a few dozen rows; a last row counts the ones left out.
        let maximumRows = max(4, Int(c.size.height / (28 * u)))
        var rows = spec.rows
        var cells = spec.cells
        if rows.count > maximumRows {
            let left = rows.count - (maximumRows - 1)
            rows = Array(rows.prefix(maximumRows - 1)) + [c.moreUnits(left)]
            cells = Array(cells.prefix(maximumRows - 1)) + [[]]
        }

        // Legend strip at the bottom.
        let legendHeight = c.measure("Ág", c.style(.caption)).height
        let gridBottom = plot.maxY - legendHeight - 20 * u

        let labelWidth = min(plot.width * 0.24, (rows.map { c.measure($0, c.style(.label)).width }.max() ?? 0) + 8 * u)
        let columns = max(spec.columns.count, 1)
        let cellWidth = (plot.width - labelWidth - 12 * u) / Double(columns)
        // Column headers: wrapped to the cell width, up to four lines, shrunk until they fit.
        let headerStyle = c.fitting(.caption, through: 0.45) { style in
            let sizes = spec.columns.map { c.measure($0, style, width: cellWidth - 8 * u, maxLines: 4) }
            return !sizes.contains(where: \.truncated) && (sizes.map(\.height).max() ?? 0) < (gridBottom - plot.y) * 0.3
        }
        let headerHeight = min(spec.columns.map { c.measure($0, headerStyle, width: cellWidth - 8 * u, maxLines: 4).height }.max() ?? 0, (gridBottom - plot.y) * 0.35)
        let gridTop = plot.y + headerHeight + 10 * u
        let cellHeight = (gridBottom - gridTop) / Double(max(rows.count, 1))
        let gridLeft = plot.x + labelWidth + 12 * u

        for (j, column) in spec.columns.enumerated() {
            items.append(.text(TextRun(text: column, style: headerStyle,
                                       frame: Rect(x: gridLeft + Double(j) * cellWidth + 4 * u, y: plot.y, width: cellWidth - 8 * u, height: headerHeight),
                                       alignment: .center, maxLines: 4)))
        }
        // Row names and cell texts: the largest font that fits every cell.
        let labelStyle = c.fitting(.label, through: 0.35) { c.measure("Ág", $0).height <= cellHeight * 0.9 }
        let valueStyle = c.fitting(.value, bold: true, through: 0.3) { style in
            let size = c.measure("888 %", style)
            return size.width <= cellWidth - 6 * u && size.height <= cellHeight * 0.9
        }
        let gap = max(1, 2 * u)
        for (i, name) in rows.enumerated() {
            let top = gridTop + Double(i) * cellHeight
            let lines = 2 * c.measure("Ág", labelStyle).height <= cellHeight * 0.95 ? 2 : 1
            let size = c.measure(name, labelStyle, width: labelWidth, maxLines: lines)
            items.append(.text(TextRun(text: name, style: labelStyle, frame: Rect(x: plot.x, y: top + (cellHeight - size.height) / 2, width: labelWidth, height: size.height), alignment: .trailing, maxLines: lines)))
            let span = Span.staggered(i, of: rows.count, spread: 0.5, length: 0.5)
            for (j, cell) in cells[i].enumerated() {
                let frame = Rect(x: gridLeft + Double(j) * cellWidth + gap / 2, y: top + gap / 2, width: cellWidth - gap, height: cellHeight - gap)
                let fill = cell?.score.map(colors.color) ?? c.theme.background
                items.append(.rect(RectMark(frame: frame, fill: fill, cornerRadius: 3 * u, motion: .fade(span))))
                guard let cell else { continue }
                var style = valueStyle
                style.color = cell.score == nil ? c.theme.secondaryText : c.ink(on: fill, threshold: 0.36)
                let textSize = c.measure(cell.text, style)
                guard textSize.width <= frame.width else { continue }
                items.append(.text(TextRun(text: cell.text, style: style, frame: Rect(x: frame.midX - textSize.width / 2, y: frame.midY - textSize.height / 2, width: textSize.width, height: textSize.height), alignment: .center, motion: .count(span, travel: 0))))
            }
        }
        let legend = LegendLayout(spec.scale.map { .init(label: $0.label, color: colors.color(for: $0.score), symbol: .swatch) })
        items += legend.layout(x: gridLeft, y: plot.maxY - legendHeight, context: c).items
        return items
    }
}
