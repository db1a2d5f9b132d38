/// A `BulletPlot` laid out: one row per indicator — its name on the left, then on the row's own
/// scale a light band up to the target (for a ceiling, the allowed zone up to the limit), the
/// actual as a bar in its verdict's colour, a marker at the target or limit, and the figures
/// written after. In video the bars grow row after row and the figures count up.
struct BulletLayout {
    let spec: BulletPlot

    func layout(in plot: Rect, context c: ChartContext) -> [Primitive] {
        let u = c.u
        let theme = c.theme
        var items: [Primitive] = []
        let gap = 20 * u
        let legendStyle = c.style(.caption, color: theme.secondaryText)
        let lineHeight = c.measure("Ág", legendStyle).height
        let rowsTop = spec.legend.isEmpty ? plot.y : plot.y + lineHeight + 18 * u
        let band = (plot.maxY - rowsTop) / Double(max(spec.rows.count, 1))

        let labelWidth = min(max((spec.rows.map { c.measure($0.label, c.style(.label)).width }.max() ?? 0) + 4 * u, plot.width * 0.14), plot.width * 0.32)
        var lines = 1
        let labelStyle = c.fitting(.label, through: 0.6) { style in
            for candidate in [2, 1] where (spec.rows.map { c.measure($0.label, style, width: labelWidth, maxLines: candidate).height }.max() ?? 0) <= band * 0.9 {
                lines = candidate
                return true
            }
            return false
        }
        let valueStyle = c.style(.value)
        let valueWidth = min(spec.rows.map { c.measure($0.valueLabel, valueStyle).width }.max() ?? 0, plot.width * 0.34)
        let barsLeft = plot.x + labelWidth + gap
        let barsRight = plot.maxX - valueWidth - gap

        if !spec.legend.isEmpty {
            items += LegendLayout(spec.legend, theme: theme).layout(x: barsLeft, y: plot.y, context: c).items
        }
        for (i, row) in spec.rows.enumerated() {
            let top = rowsTop + Double(i) * band
            let mid = top + band / 2
            let span = Span.staggered(i, of: spec.rows.count, spread: 0.4, length: 0.6)
            let labelSize = c.measure(row.label, labelStyle, width: labelWidth, maxLines: lines)
            items.append(.text(TextRun(text: row.label, style: labelStyle, frame: Rect(x: plot.x, y: mid - labelSize.height / 2, width: labelWidth, height: labelSize.height),
                                       alignment: .trailing, maxLines: lines)))
            let upper = max(row.actual, row.target ?? 0, 1e-9) * 1.08
            func x(_ v: Double) -> Double { barsLeft + (barsRight - barsLeft) * max(0, v) / upper }
            let bandHeight = min(band * 0.56, 64 * u)
            if let target = row.target {
                items.append(.rect(RectMark(frame: Rect(x: barsLeft, y: mid - bandHeight / 2, width: x(target) - barsLeft, height: bandHeight), fill: theme.grid, cornerRadius: 4 * u)))
            }
            let barHeight = bandHeight * 0.46
            let bar = Rect(x: barsLeft, y: mid - barHeight / 2, width: x(row.actual) - barsLeft, height: barHeight)
            items.append(.rect(RectMark(frame: bar, fill: theme.color(row.tone), cornerRadius: min(4 * u, barHeight / 4), motion: .grow(span))))
            if let target = row.target {
                let markerHeight = bandHeight * 1.12
                items.append(.path(PathMark(points: [Point(x(target), mid - markerHeight / 2), Point(x(target), mid + markerHeight / 2)],
                                            stroke: row.ceiling ? theme.target : theme.reference, lineWidth: 5 * u)))
            }
            let size = c.measure(row.valueLabel, valueStyle, width: valueWidth)
            items.append(.text(TextRun(text: row.valueLabel, style: valueStyle, frame: Rect(x: plot.maxX - valueWidth, y: mid - size.height / 2, width: valueWidth, height: size.height),
                                       motion: .count(span, travel: 0))))
        }
        return items
    }
}
