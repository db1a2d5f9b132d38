/// A video's captions, burned in: the narrative's sentence for a chart as a lower third under
/// it — the chart is laid out above the band, so the caption covers nothing — in the
/// title-safe area (5 % in from every edge, as EBU R 95 puts it), at least 34 px at 1080p.
public enum Caption {
    /// The share of the frame's height the band takes.
    static let band = 0.16

    /// `chart` laid out in the frame above the band, then `caption` in it, fading in with the
    /// chart; the scene is the frame's full size.
    public static func scene(_ caption: String, context c: ChartContext, chart: (ChartContext) -> ChartScene) -> ChartScene {
        let bandHeight = (c.size.height * band).rounded()
        var above = c
        above.size.height -= bandHeight
        var scene = chart(above)
        let top = scene.height
        scene.height = c.size.height
        let margin = (x: c.size.width * 0.05, y: c.size.height * 0.05)
        let width = c.size.width - 2 * margin.x
        let room = c.size.height - margin.y - top
        // The largest size from 38 px down to 34 px at which the sentence fits two lines, else 34 px with an ellipsis.
        var style = c.style(.subtitle, color: c.theme.text)
        var size = TextSize(width: 0, height: 0, lines: 0, truncated: true)
        for pixels in [38.0, 36, 34] {
            style.size = pixels * c.size.unit
            size = c.measure(caption, style, width: width, maxLines: 2)
            if !size.truncated && size.height <= room { break }
        }
        let y = top + max(0, (room - size.height) / 2)
        scene.items.append(.rect(RectMark(frame: Rect(x: margin.x, y: top, width: width, height: max(1, 2 * c.u)), fill: c.theme.grid, motion: .fade(Span(0, 0.3)))))
        scene.items.append(.text(TextRun(text: caption, style: style, frame: Rect(x: margin.x, y: y, width: width, height: size.height),
                                         alignment: .center, maxLines: 2, motion: .fade(Span(0.1, 0.5)))))
        return scene
    }
}
