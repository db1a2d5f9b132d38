/// A legend as one row of entries — a swatch or a line sample, then the label in the caption
/// style — starting at `x` on the line whose top is `y`. The bar, line and cell layouts all
/// draw theirs with it.
struct LegendLayout {
    struct Entry {
        var label: String
        var color: ChartColor
        var symbol: LegendEntry.Symbol
    }

    var entries: [Entry]

    init(_ entries: [Entry]) { self.entries = entries }

    init(_ entries: [LegendEntry], theme: Theme) {
        self.entries = entries.map { Entry(label: $0.label, color: theme.color($0.tone), symbol: $0.symbol) }
    }

    /// The marks, and where the row ends (for what follows on the same line).
    func layout(x: Double, y: Double, context c: ChartContext) -> (items: [Primitive], end: Double) {
        let u = c.u
        let style = c.style(.caption, color: c.theme.secondaryText)
        let lineHeight = c.measure("Ág", style).height
        var items: [Primitive] = []
        var cursor = x
        for entry in entries {
            switch entry.symbol {
            case .swatch:
                let side = lineHeight * 0.7
                items.append(.rect(RectMark(frame: Rect(x: cursor, y: y + (lineHeight - side) / 2, width: side, height: side), fill: entry.color, cornerRadius: 3 * u)))
                cursor += side + 8 * u
            case .line, .dashedLine:
                let midY = y + lineHeight / 2
                items.append(.path(PathMark(points: [Point(cursor, midY), Point(cursor + 40 * u, midY)], stroke: entry.color, lineWidth: 5 * u,
                                            dash: entry.symbol == .dashedLine ? [10 * u, 6 * u] : [])))
                cursor += 52 * u
            }
            let size = c.measure(entry.label, style)
            items.append(.text(TextRun(text: entry.label, style: style, frame: Rect(x: cursor, y: y, width: size.width, height: size.height))))
            cursor += size.width + 28 * u
        }
        return (items, cursor)
    }
}
