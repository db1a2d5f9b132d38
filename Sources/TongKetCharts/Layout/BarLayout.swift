/// A `BarPlot` laid out: one row per unit, a wrapped name on the left, one or more bars, a
/// value label after each bar, an optional note column on the right (the year-over-year
/// change), a rule (the target) and a value axis. Bars grow and their figures count up in
/// video, row after row.
///
/// Guarantees, checked by the tests on the ChartScene: names wrap to at most three lines (then an
/// ellipsis) and shrink, down to the smallest legible size, rather than overlap; rows that
/// still do not fit give way to a last row that counts them; value labels stay clear of the
/// reference line and the limit markers; nothing leaves the plot.
struct BarLayout {
    typealias Row = BarPlot.Row
    let spec: BarPlot
    var rows: [Row] { spec.rows }

    func layout(in plot: Rect, context c: ChartContext) -> [Primitive] {
        var items: [Primitive] = []
        // Rows too many to read (a thousand units) are cut to what fits at the smallest
        // legible size; a last row says how many were left out. Recipes sort rows so the
        // ones kept are the ones that matter (best scorecards, highest values).
        let smallest = c.measure("Ág", c.style(.label, scale: 0.4)).height / 0.92
        let fitting = min(max(2, Int((plot.height * 0.9) / smallest)), spec.maximumRows.map { $0 + 1 } ?? Int.max)
        var rows = self.rows
        if rows.count > fitting {
            let left = rows.count - (fitting - 1)
            rows = Array(rows.prefix(fitting - 1))
            rows.append(Row(label: spec.overflow?(left) ?? c.moreUnits(left), bars: []))
        }
        let u = c.u
        let theme = c.theme
        let gap = 16 * u

        // Legend and the reference's label share the top row; tick labels the bottom one.
        let smallStyle = c.style(.caption, color: theme.secondaryText)
        let lineHeight = c.measure("Ág", smallStyle).height
        let hasTopRow = !spec.legend.isEmpty || spec.rule != nil
        let rowsTop = plot.y + (hasTopRow ? lineHeight + 14 * u : 0)
        let rowsBottom = plot.maxY - lineHeight - 10 * u
        let count = max(rows.count, 1)
        let band = (rowsBottom - rowsTop) / Double(count)

        // Names: the largest font and most lines (≤ 3) that fit the band.
        let labelWidth = labelColumnWidth(plot: plot, context: c)
        var maxLines = 1
        let labelStyle = c.fitting(.label, through: 0.4) { style in
            for lines in stride(from: 3, through: 1, by: -1) {
                // Every name whole: a size at which one would be cut is no fit (all names of a chart at one size);
                // 3 % to spare, as a page's drawing of a long name comes out a little wider than its measure.
                let sizes = rows.map { c.measure($0.label, style, width: labelWidth * 0.97, maxLines: lines) }
                if (sizes.map(\.height).max() ?? 0) <= band * 0.92, !sizes.contains(where: \.truncated) {
                    maxLines = lines
                    return true
                }
            }
            return false
        }

        // Value labels: no taller than a bar, no larger than the names.
        let barsPerRow = max(rows.map(\.bars.count).max() ?? 1, 1)
        // Bars fill most of the band, but a lone unit does not get a slab.
        let barHeight = min(band * (barsPerRow == 1 ? 0.62 : 0.78) / Double(barsPerRow), 72 * u)
        var valueStyle = c.style(.value)
        let valueLineHeight = c.measure("0", valueStyle).height
        // Stacked bars' labels must not touch each other, so they get one bar's height each.
        let room = (barsPerRow == 1 ? 1.25 : 0.98) * barHeight
        let fit = min(room / max(valueLineHeight, 1), labelStyle.size / valueStyle.size)
        if fit < 1 { valueStyle = c.style(.value, scale: max(fit, 0.3)) }
        // Too small to read: only the last bar of each row (this year's) keeps its label.
        let labelEveryBar = barsPerRow == 1 || c.measure("0", valueStyle).height <= room
        let noteStyle = TextStyle(role: .value, size: valueStyle.size, bold: true, color: theme.text, family: theme.fontFamily)

        let valueWidth = rows.flatMap { $0.bars.map { c.measure($0.label, valueStyle).width } }.max() ?? 0
        let noteWidth = rows.map { $0.note.isEmpty ? 0 : c.measure($0.note, noteStyle).width }.max() ?? 0
        let barsLeft = plot.x + labelWidth + gap
        let barsRight = max(barsLeft + plot.width * 0.25, plot.maxX - valueWidth - gap - (noteWidth > 0 ? noteWidth + 2 * gap : 0))
        let upper = max(rows.flatMap { $0.bars.compactMap(\.value) + $0.bars.compactMap(\.marker) }.max() ?? 0, spec.rule?.value ?? 0, spec.minimumUpper)
        let scale = LinearScale(lower: spec.lowerBound ?? 0, upper: upper, from: barsLeft, to: barsRight)

        // Grid and axis.
        let tickStyle = smallStyle
        var tickBoxes: [Rect] = []
        for tick in scale.ticks {
            let x = scale(tick)
            items.append(.path(PathMark(points: [Point(x, rowsTop), Point(x, rowsBottom)], stroke: theme.grid, lineWidth: max(1, 1.5 * u))))
            let text = c.axisText(tick, spec.axis)
            let size = c.measure(text, tickStyle)
            var box = Rect(x: x - size.width / 2, y: rowsBottom + 8 * u, width: size.width, height: size.height)
            box.x = min(max(box.x, plot.x), plot.maxX - box.width)
            if tickBoxes.last.map({ $0.maxX + 8 * u > box.x }) ?? false { continue }
            tickBoxes.append(box)
            items.append(.text(TextRun(text: text, style: tickStyle, frame: box, alignment: .center)))
        }

        // The top row: legend swatches from the left, then the reference's label at its line.
        let legend = LegendLayout(spec.legend, theme: theme).layout(x: barsLeft, y: plot.y, context: c)
        items += legend.items
        let cursor = legend.end
        var referenceX: Double?
        if let reference = spec.rule {
            let x = scale(reference.value)
            referenceX = x
            items.append(.path(PathMark(points: [Point(x, rowsTop - 6 * u), Point(x, rowsBottom)], stroke: theme.reference, lineWidth: 2.5 * u, dash: [10 * u, 7 * u])))
            let style = c.style(.caption, bold: true, color: theme.reference)
            let size = c.measure(reference.label, style)
            var boxX = min(max(x - size.width / 2, cursor), plot.maxX - size.width)
            boxX = max(boxX, plot.x)
            items.append(.text(TextRun(text: reference.label, style: style, frame: Rect(x: boxX, y: plot.y, width: size.width, height: size.height), alignment: .center)))
        }

        // Rows.
        for (i, row) in rows.enumerated() {
            let top = rowsTop + Double(i) * band
            // In video the rows' bars grow one after another, top first.
            let span = Span.staggered(i, of: rows.count, spread: 0.35, length: 0.6)
            if row.heading {
                // A group's name over its rows, from the left edge, with a rule above it.
                let style = c.style(.label, bold: true, color: theme.secondaryText, scale: labelStyle.size / c.style(.label).size)
                let size = c.measure(row.label, style, width: plot.width, maxLines: 1)
                if i > 0 { items.append(.path(PathMark(points: [Point(plot.x, top), Point(plot.maxX, top)], stroke: theme.grid, lineWidth: max(1, 2 * u)))) }
                items.append(.text(TextRun(text: row.label, style: style, frame: Rect(x: plot.x, y: top + (band - size.height) / 2, width: plot.width, height: size.height), motion: .fade(span))))
                continue
            }
            let labelSize = c.measure(row.label, labelStyle, width: labelWidth, maxLines: maxLines)
            items.append(.text(TextRun(text: row.label, style: labelStyle,
                                       frame: Rect(x: plot.x, y: top + (band - labelSize.height) / 2, width: labelWidth, height: labelSize.height),
                                       alignment: .trailing, maxLines: maxLines)))
            let barsTop = top + (band - barHeight * Double(row.bars.count)) / 2
            for (k, bar) in row.bars.enumerated() {
                let y = barsTop + Double(k) * barHeight
                let inner = Rect(x: barsLeft, y: y + barHeight * 0.06, width: 0, height: barHeight * 0.88)
                var end = barsLeft
                var point: Double = 0
                if let value = bar.value, spec.lowerBound != nil {
                    // A point on a zoomed axis, on a faint guide from the axis's start.
                    end = scale(max(scale.domain.lowerBound, value))
                    let side = min(inner.height, 30 * u)
                    items.append(.path(PathMark(points: [Point(barsLeft, inner.midY), Point(end, inner.midY)], stroke: theme.grid, lineWidth: max(1, 3 * u), motion: .fade(span))))
                    items.append(.rect(RectMark(frame: Rect(x: end - side / 2, y: inner.midY - side / 2, width: side, height: side), fill: theme.color(bar.tone), cornerRadius: side / 2, motion: .fade(span))))
                    point = side
                    end += side / 2
                } else if let value = bar.value {
                    end = scale(max(0, value))
                    var frame = inner
                    frame.width = max(0, end - barsLeft)
                    items.append(.rect(RectMark(frame: frame, fill: theme.color(bar.tone), cornerRadius: min(6 * u, frame.height / 4), motion: .grow(span))))
                }
                // A limit across the bar: a ceiling's, standing out of it above and below.
                var markerX: Double?
                if let marker = bar.marker {
                    let x = scale(marker)
                    markerX = x
                    let reach = inner.height * 0.25
                    items.append(.path(PathMark(points: [Point(x, inner.y - reach), Point(x, inner.maxY + reach)], stroke: theme.target, lineWidth: 5 * u, motion: .fade(span))))
                }
                if !labelEveryBar && k < row.bars.count - 1 { continue }
                let size = c.measure(bar.label, valueStyle)
                var box = Rect(x: end + 8 * u, y: inner.midY - size.height / 2, width: size.width, height: size.height)
                for rx in [referenceX, markerX].compactMap({ $0 }) where box.x - 4 * u < rx + 3 * u && box.maxX + 4 * u > rx - 3 * u { box.x = rx + 10 * u }
                var style = valueStyle
                if box.maxX > barsRight + valueWidth + gap, point > 0 {
                    // No room after a point: before it, in the text's ink.
                    box.x = end - point - size.width - 8 * u
                } else if box.maxX > barsRight + valueWidth + gap {
                    // No room after the bar: inside its end, in an ink that reads on the bar.
                    box.x = end - size.width - 8 * u
                    style.color = c.ink(on: theme.color(bar.tone), threshold: 0.45)
                }
                let motion: Motion = bar.value == nil ? .fade(Span(span.end - 0.2, span.end)) : .count(span, travel: end - barsLeft)
                items.append(.text(TextRun(text: bar.label, style: style, frame: box, motion: motion)))
            }
            if !row.note.isEmpty {
                var style = noteStyle
                if let tone = row.noteTone { style.color = theme.color(tone) }
                let size = c.measure(row.note, style)
                items.append(.text(TextRun(text: row.note, style: style,
                                           frame: Rect(x: plot.maxX - size.width, y: top + (band - size.height) / 2, width: size.width, height: size.height),
                                           alignment: .trailing, motion: .count(span, travel: 0))))
            }
        }
        return items
    }

    /// Wide enough for most names on one line, never more than a third of the plot.
    private func labelColumnWidth(plot: Rect, context c: ChartContext) -> Double {
        let style = c.style(.label)
        let widest = rows.filter { !$0.heading }.map { c.measure($0.label, style).width }.max() ?? 0
        return min(max(widest + 4 * c.u, plot.width * 0.12), plot.width * 0.30)
    }
}
