import TongKetAnalytics

/// Title, subtitle, source and logo around a plot area, so every chart has them in the same
/// places; the plot gets whatever is left.
struct ChartFrame {
    var items: [Primitive] = []
    var plot: Rect

    /// `note` follows the source line: what the chart's reading rests on that nobody confirmed.
    init(title: String, subtitle: String, note: String? = nil, context: ChartContext) {
        let u = context.u
        let size = context.size
        let margin = 56 * u
        var top = margin
        var textWidth = size.width - 2 * margin
        if let logo = context.logoPath {
            let side = 96 * u
            items.append(.image(ImageMark(path: logo, frame: Rect(x: size.width - margin - side, y: margin, width: side, height: side))))
            textWidth -= side + 24 * u
        }
        let titleStyle = context.style(.title)
        let titleSize = context.measure(title, titleStyle, width: textWidth, maxLines: 2)
        items.append(.text(TextRun(text: title, style: titleStyle, frame: Rect(x: margin, y: top, width: textWidth, height: titleSize.height), maxLines: 2)))
        top += titleSize.height + 8 * u
        let subtitleStyle = context.style(.subtitle)
        let subtitleSize = context.measure(subtitle, subtitleStyle, width: textWidth, maxLines: 2)
        items.append(.text(TextRun(text: subtitle, style: subtitleStyle, frame: Rect(x: margin, y: top, width: textWidth, height: subtitleSize.height), maxLines: 2)))
        top += subtitleSize.height + 36 * u
        var bottom = size.height - margin
        let source = context.sourceLine
            + (note.map { " · " + $0 } ?? "")
        let captionStyle = context.style(.caption)
        let captionSize = context.measure(source, captionStyle, width: size.width - 2 * margin, maxLines: 2)
        bottom -= captionSize.height
        items.append(.text(TextRun(text: source, style: captionStyle, frame: Rect(x: margin, y: bottom, width: size.width - 2 * margin, height: captionSize.height), maxLines: 2)))
        bottom -= 28 * u
        // The plot never collapses: at least a third of the canvas stays for it.
        let minimum = size.height / 3
        if bottom - top < minimum { top = max(margin, bottom - minimum) }
        plot = Rect(x: margin, y: top, width: size.width - 2 * margin, height: max(minimum, bottom - top))
    }
}
