/// The deck's first page: title, organisation, year and date, centred on the slide.
package enum TitleSlide {
    /// `when`: the period under review as a line says it ("Năm 2024", "6 tháng đầu năm 2024").
    public static func scene(title: String, organisation: String, when: String, date: String, context c: ChartContext) -> ChartScene {
        let u = c.u
        let width = c.size.width * 0.8
        let x = (c.size.width - width) / 2
        var items: [Primitive] = []
        var lines: [(String, TextStyle, Int)] = [
            (title, c.style(.title, scale: 1.5), 3),
            (organisation, c.style(.subtitle, scale: 1.2), 2),
            (when + (date.isEmpty ? "" : " · " + date), c.style(.subtitle), 1),
        ]
        lines = lines.filter { !$0.0.isEmpty }
        let sizes = lines.map { c.measure($0.0, $0.1, width: width, maxLines: $0.2) }
        let total = sizes.reduce(0) { $0 + $1.height } + Double(max(lines.count - 1, 0)) * 28 * u
        var y = (c.size.height - total) / 2
        // In video the accent bar grows and the lines fade in one after another.
        items.append(.rect(RectMark(frame: Rect(x: x, y: y - 48 * u, width: 160 * u, height: 10 * u), fill: c.theme.current, cornerRadius: 5 * u, motion: .grow(Span(0, 0.5)))))
        for (index, (line, size)) in zip(lines, sizes).enumerated() {
            let span = Span.staggered(index, of: lines.count, spread: 0.4, length: 0.6)
            items.append(.text(TextRun(text: line.0, style: line.1, frame: Rect(x: x, y: y, width: width, height: size.height), maxLines: line.2, motion: .fade(span))))
            y += size.height + 28 * u
        }
        if let logo = c.logoPath {
            let side = 140 * u
            items.append(.image(ImageMark(path: logo, frame: Rect(x: c.size.width - x - side, y: 56 * u, width: side, height: side))))
        }
        return ChartScene(width: c.size.width, height: c.size.height, background: c.theme.background, items: items, title: title, subject: organisation)
    }
}

extension TitleSlide {
    /// The deck's last page: thanks, and who presented, centred like the title page.
    public static func closing(organisation: String, when: String, context c: ChartContext) -> ChartScene {
        scene(title: c.pick("Xin trân trọng cảm ơn!", "Thank you"), organisation: organisation, when: when, date: "", context: c)
    }
}

extension ChartScene {
    /// The scene with "3 / 12" in the bottom right corner, inside the margin under the plot.
    public func numbered(_ page: Int, of pages: Int, context c: ChartContext) -> ChartScene {
        var scene = self
        let text = "\(page) / \(pages)"
        let style = c.style(.caption)
        let size = c.measure(text, style)
        let margin = 56 * c.u
        scene.items.append(.text(TextRun(text: text, style: style,
                                         frame: Rect(x: width - margin - size.width, y: height - margin / 2 - size.height / 2, width: size.width, height: size.height),
                                         alignment: .trailing)))
        return scene
    }
}
