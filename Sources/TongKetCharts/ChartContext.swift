import TongKetAnalytics

/// Everything a recipe needs besides its data: where, how big, in which look and language,
/// and how to measure text.
public struct ChartContext {
    public var size: CanvasSize
    public var theme: Theme
    public var language: Language
    public var measurer: any TextMeasurer
    /// The source line under every chart, e.g. "Nguồn: báo cáo tổng kết 2023".
    public var source: String?
    /// A PNG drawn in the top right corner.
    public var logoPath: String?

    public init(size: CanvasSize = .slide, theme: Theme = .light, language: Language = .vi,
                measurer: any TextMeasurer, source: String? = nil, logoPath: String? = nil) {
        self.size = size
        self.theme = theme
        self.language = language
        self.measurer = measurer
        self.source = source
        self.logoPath = logoPath
    }

    public var numbers: NumberText { NumberText(language) }
    var u: Double { size.unit }

    func style(_ role: FontRole, bold: Bool = false, color: Color? = nil, scale: Double = 1) -> TextStyle {
        let base: Double
        switch role {
        case .title: base = 46
        case .subtitle: base = 28
        case .label: base = 25
        case .value: base = 23
        case .caption: base = 19
        case .figure: base = 84
        }
        let fallback = role == .subtitle || role == .caption ? theme.secondaryText : theme.text
        return TextStyle(role: role, size: base * u * scale, bold: bold || role == .title, color: color ?? fallback, family: theme.fontFamily)
    }

    func measure(_ text: String, _ style: TextStyle, width: Double? = nil, maxLines: Int = 1) -> TextSize {
        measurer.measure(text, style: style, width: width, maxLines: maxLines)
    }

    func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
}

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
        let source = (context.source ?? context.pick("Nguồn: TongKet, từ số liệu báo cáo của các đơn vị", "Source: TongKet, from the units' reported figures"))
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
