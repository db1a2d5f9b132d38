import TongKetData
import TongKetAnalytics

/// 5. Units × indicators, each cell the completion of the target, coloured on a scale
/// centred on 100 %, with the value written in a colour that reads on the fill.
struct HeatmapChart {
    let data: ChartData
    let year: Int

    func scene(_ c: ChartContext) -> Scene {
        let n = c.numbers
        let u = c.u
        let figures = data.metrics.figures(year: year).filter { $0.scope == .unit }
        var units = Array(Set(figures.map(\.unit))).sorted { NameOrder.precedes(data.table.units[Int($0)], data.table.units[Int($1)]) }
        // A readable grid holds a few dozen rows; the rest are named in the subtitle.
        let maximumRows = max(4, Int(c.size.height / (28 * c.u)))
        let hidden = max(0, units.count - maximumRows)
        units = Array(units.prefix(maximumRows))
        let indicators = Array(Set(figures.map(\.indicator))).sorted { data.table.indicators[Int($0)] < data.table.indicators[Int($1)] }
        var cells: [Int64: Figures] = [:]
        for f in figures { cells[Int64(f.unit) << 32 | Int64(f.indicator)] = f }

        let title = c.pick("Tỷ lệ hoàn thành kế hoạch theo đơn vị và chỉ tiêu", "Completion of targets by unit and indicator")
        var subtitle = c.pick("Năm \(year) · màu cam: dưới kế hoạch, màu xanh: vượt kế hoạch · — : không có kế hoạch",
                              "\(year) · orange: below target, blue: above · —: no target")
        if hidden > 0 { subtitle += c.pick(" · \(hidden) đơn vị khác không hiển thị", " · \(hidden) more units not shown") }
        let frame = ChartFrame(title: title, subtitle: subtitle, note: data.assumptionNote(indicators, c), context: c)
        let plot = frame.plot
        var items: [Primitive] = []
        let colors = DivergingColors(below: c.theme.below, neutral: c.theme.neutral, above: c.theme.above)

        // Legend strip at the bottom.
        let small = c.style(.caption)
        let legendHeight = c.measure("Ág", small).height
        let gridBottom = plot.maxY - legendHeight - 20 * u

        let labelWidth = min(plot.width * 0.24, (units.map { c.measure(data.table.units[Int($0)], c.style(.label)).width }.max() ?? 0) + 8 * u)
        let columns = max(indicators.count, 1)
        let cellWidth = (plot.width - labelWidth - 12 * u) / Double(columns)
        // Column headers: wrapped to the cell width, up to four lines, shrunk until they fit.
        var headerStyle = c.style(.caption)
        var headerHeight = 0.0
        for scale in stride(from: 1.0, through: 0.45, by: -0.05) {
            headerStyle = c.style(.caption, scale: scale)
            let sizes = indicators.map { c.measure(data.table.indicators[Int($0)], headerStyle, width: cellWidth - 8 * u, maxLines: 4) }
            headerHeight = sizes.map(\.height).max() ?? 0
            if !sizes.contains(where: \.truncated) && headerHeight < (gridBottom - plot.y) * 0.3 { break }
        }
        headerHeight = min(headerHeight, (gridBottom - plot.y) * 0.35)
        let gridTop = plot.y + headerHeight + 10 * u
        let rows = max(units.count, 1)
        let cellHeight = (gridBottom - gridTop) / Double(rows)
        let gridLeft = plot.x + labelWidth + 12 * u

        for (j, indicator) in indicators.enumerated() {
            items.append(.text(TextRun(text: data.table.indicators[Int(indicator)], style: headerStyle,
                                       frame: Rect(x: gridLeft + Double(j) * cellWidth + 4 * u, y: plot.y, width: cellWidth - 8 * u, height: headerHeight),
                                       alignment: .center, maxLines: 4)))
        }
        // Unit names and cell values: the largest font that fits every cell.
        var labelStyle = c.style(.label)
        for scale in stride(from: 1.0, through: 0.35, by: -0.05) {
            labelStyle = c.style(.label, scale: scale)
            if c.measure("Ág", labelStyle).height <= cellHeight * 0.9 { break }
        }
        var valueStyle = c.style(.value, bold: true)
        for scale in stride(from: 1.0, through: 0.3, by: -0.05) {
            valueStyle = c.style(.value, bold: true, scale: scale)
            let size = c.measure("888 %", valueStyle)
            if size.width <= cellWidth - 6 * u && size.height <= cellHeight * 0.9 { break }
        }
        let gap = max(1, 2 * u)
        for (i, unit) in units.enumerated() {
            let top = gridTop + Double(i) * cellHeight
            let name = data.table.units[Int(unit)]
            let lines = 2 * c.measure("Ág", labelStyle).height <= cellHeight * 0.95 ? 2 : 1
            let size = c.measure(name, labelStyle, width: labelWidth, maxLines: lines)
            items.append(.text(TextRun(text: name, style: labelStyle, frame: Rect(x: plot.x, y: top + (cellHeight - size.height) / 2, width: labelWidth, height: size.height), alignment: .trailing, maxLines: lines)))
            // In video the rows fill in from the top.
            let span = Span.staggered(i, of: units.count, spread: 0.5, length: 0.5)
            for (j, indicator) in indicators.enumerated() {
                let cell = Rect(x: gridLeft + Double(j) * cellWidth + gap / 2, y: top + gap / 2, width: cellWidth - gap, height: cellHeight - gap)
                let f = cells[Int64(unit) << 32 | Int64(indicator)]
                // Ceilings are coloured by how well they were kept: under the ceiling is good.
                let goodness = f?.completion.map { f?.direction == .lower ? ($0 > 0 ? 1 / $0 : colors.high) : $0 }
                let fill = goodness.map(colors.color) ?? c.theme.background
                items.append(.rect(RectMark(frame: cell, fill: fill, cornerRadius: 3 * u, motion: .fade(span))))
                guard let f else { continue }
                let text = f.completion.map { n.number($0 * 100, fractionDigits: 0) + (c.language == .vi ? " %" : "%") } ?? n.undefined
                var style = valueStyle
                style.color = fill.luminance > 0.36 ? Color(hex: 0x1C2430) : Color(hex: 0xFFFFFF)
                if f.completion == nil { style.color = c.theme.secondaryText }
                let textSize = c.measure(text, style)
                guard textSize.width <= cell.width else { continue }
                items.append(.text(TextRun(text: text, style: style, frame: Rect(x: cell.midX - textSize.width / 2, y: cell.midY - textSize.height / 2, width: textSize.width, height: textSize.height), alignment: .center, motion: .count(span, travel: 0))))
            }
        }
        // Legend: the scale from 50 % to 150 %.
        let legendY = plot.maxY - legendHeight
        var cursor = gridLeft
        for ratio in [0.5, 0.75, 1.0, 1.25, 1.5] {
            let swatch = legendHeight * 0.8
            items.append(.rect(RectMark(frame: Rect(x: cursor, y: legendY + legendHeight * 0.1, width: swatch * 1.6, height: swatch), fill: colors.color(for: ratio), cornerRadius: 2 * u)))
            cursor += swatch * 1.6 + 8 * u
            // The ends hold everything beyond them; the subtitle says which side is which.
            // (No "≤ ≥": Noto Sans lacks them, and a borrowed glyph would not match.)
            let text = n.number(ratio * 100, fractionDigits: 0) + (c.language == .vi ? " %" : "%") + (ratio == 0.5 ? c.pick(" trở xuống", " or less") : ratio == 1.5 ? c.pick(" trở lên", " or more") : "")
            let size = c.measure(text, small)
            items.append(.text(TextRun(text: text, style: small, frame: Rect(x: cursor, y: legendY, width: size.width, height: size.height))))
            cursor += size.width + 28 * u
        }
        return Scene(context: c, frame: frame, items: items, title: title, subject: subtitle)
    }
}
