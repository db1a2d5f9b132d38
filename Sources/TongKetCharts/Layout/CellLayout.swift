/// A `CellPlot` laid out: column headers wrapped to the cell width, row names on the left
/// (rows that do not fit at a legible size give way to a last row that counts them), each cell filled on the diverging scale with its text in an ink that reads on
/// the fill, and the scale as a legend under the grid. In video the rows fill in from the top.
struct CellLayout {
    let spec: CellPlot

    func layout(in plot: Rect, context c: ChartContext) -> [Primitive] {
        let u = c.u
        var items: [Primitive] = []
        let colors = DivergingColors(below: c.theme.below, neutral: c.theme.neutral, above: c.theme.above)
        let legendHeight = c.measure("Ág", c.style(.caption)).height
        let gridBottom = plot.maxY - legendHeight - 20 * u
        let columns = max(spec.columns.count, 1)
        // Row names: up to two lines, in at most a third of the width.
        let labelStyle = c.style(.label)
        let labelWidth = min(plot.width * 0.34, (spec.rows.map { c.measure($0, labelStyle).width }.max() ?? 0) + 8 * u)
        let cellWidth = (plot.width - labelWidth - 12 * u) / Double(columns)
        // Column headers: wrapped to the cell width, up to three lines, shrunk until they fit.
        let headerStyle = c.fitting(.caption, through: 0.45) { style in
            let sizes = spec.columns.map { c.measure($0, style, width: cellWidth - 8 * u, maxLines: 3) }
            return !sizes.contains(where: \.truncated) && (sizes.map(\.height).max() ?? 0) < (gridBottom - plot.y) * 0.3
        }
        let headerHeight = spec.columns.map { c.measure($0, headerStyle, width: cellWidth - 8 * u, maxLines: 3).height }.max() ?? 0
        let gridTop = plot.y + headerHeight + 10 * u
        // As many rows as hold one line of a name; a last row counts the ones left out.
        let line = c.measure("Ág", labelStyle).height
        let maximumRows = max(2, Int((gridBottom - gridTop) / (line * 1.1)))
        var rows = spec.rows
        var cells = spec.cells
        if rows.count > maximumRows {
            let left = rows.count - (maximumRows - 1)
            rows = Array(rows.prefix(maximumRows - 1)) + [spec.overflow?(left) ?? c.moreUnits(left)]
            cells = Array(cells.prefix(maximumRows - 1)) + [[]]
        }
        let cellHeight = (gridBottom - gridTop) / Double(max(rows.count, 1))
        let gridLeft = plot.x + labelWidth + 12 * u

        for (j, column) in spec.columns.enumerated() {
            items.append(.text(TextRun(text: column, style: headerStyle,
                                       frame: Rect(x: gridLeft + Double(j) * cellWidth + 4 * u, y: plot.y, width: cellWidth - 8 * u, height: headerHeight),
                                       alignment: .center, maxLines: 4)))
        }
        // Cell texts: the largest font that fits every cell.
        // Sized for the widest text a cell holds ("104 %", a ceiling's "12,5 ngày").
        let widest = spec.cells.flatMap { $0.compactMap { $0?.text } }.max { $0.count < $1.count } ?? "888 %"
        let valueStyle = c.fitting(.value, bold: true, through: 0.3) { style in
            let size = c.measure(widest, style)
            return size.width <= cellWidth - 6 * u && size.height <= cellHeight * 0.9
        }
        let gap = max(1, 2 * u)
        for (i, name) in rows.enumerated() where i < cells.count {
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
