/// A `TablePlot` laid out: a header row, then one banded row per name — the name on the left
/// (two lines when it needs them and the row has room), the figures right-aligned in equal
/// columns, in the largest size every row holds. In video the rows fade in from the top.
struct TableLayout {
    let spec: TablePlot

    func layout(in plot: Rect, context c: ChartContext) -> [Primitive] {
        let u = c.u
        var items: [Primitive] = []
        let columns = max(spec.columns.count, 1)
        let labelWidth = plot.width * (columns > 3 ? 0.44 : 0.5)
        let cellWidth = (plot.width - labelWidth) / Double(columns)
        let pad = 14 * u
        let headerStyle = c.style(.caption, bold: true)
        let headerHeight = spec.columns.map { c.measure($0, headerStyle, width: cellWidth - 2 * pad, maxLines: 2).height }.max() ?? 0
        let top = plot.y + headerHeight + 14 * u
        let rowHeight = min(96 * u, (plot.maxY - top) / Double(max(spec.rows.count, 1)))
        // One size for every row: the largest whose widest figure fits its column and whose
        // line fits the row.
        let widest = spec.rows.flatMap(\.cells).max { $0.count < $1.count } ?? "888"
        let style = c.fitting(.label, through: 0.5) { style in
            c.measure(widest, style).width <= cellWidth - 2 * pad && c.measure("Ág", style).height <= rowHeight * 0.9
        }
        let lines = 2 * c.measure("Ág", style).height <= rowHeight * 0.92 ? 2 : 1
        items.append(.text(TextRun(text: spec.labelHeader, style: headerStyle, frame: Rect(x: plot.x + pad, y: plot.y, width: labelWidth - 2 * pad, height: headerHeight), maxLines: 2)))
        for (j, column) in spec.columns.enumerated() {
            items.append(.text(TextRun(text: column, style: headerStyle, frame: Rect(x: plot.x + labelWidth + Double(j) * cellWidth + pad, y: plot.y, width: cellWidth - 2 * pad, height: headerHeight),
                                       alignment: .trailing, maxLines: 2)))
        }
        items.append(.rect(RectMark(frame: Rect(x: plot.x, y: top - 7 * u, width: plot.width, height: max(1, 2 * u)), fill: c.theme.grid)))
        for (i, row) in spec.rows.enumerated() {
            let y = top + Double(i) * rowHeight
            let span = Span.staggered(i, of: spec.rows.count, spread: 0.5, length: 0.5)
            if i % 2 == 1 { items.append(.rect(RectMark(frame: Rect(x: plot.x, y: y, width: plot.width, height: rowHeight), fill: c.theme.neutral, motion: .fade(span)))) }
            let size = c.measure(row.label, style, width: labelWidth - 2 * pad, maxLines: lines)
            items.append(.text(TextRun(text: row.label, style: style, frame: Rect(x: plot.x + pad, y: y + (rowHeight - size.height) / 2, width: labelWidth - 2 * pad, height: size.height),
                                       maxLines: lines, motion: .fade(span))))
            for (j, cell) in row.cells.enumerated() where j < columns {
                var cellStyle = style
                if j < row.tones.count, let tone = row.tones[j] { cellStyle.color = c.theme.color(tone) }
                let text = c.measure(cell, cellStyle)
                items.append(.text(TextRun(text: cell, style: cellStyle, frame: Rect(x: plot.x + labelWidth + Double(j + 1) * cellWidth - pad - text.width, y: y + (rowHeight - text.height) / 2,
                                                                                      width: text.width, height: text.height), alignment: .trailing, motion: .fade(span))))
            }
        }
        return items
    }
}
