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

    /// The line under a chart: the one given, else the office's words for where figures come from.
    public var sourceLine: String { source ?? Self.sourceLine(language) }
    public static func sourceLine(_ language: Language) -> String {
        language == .vi ? "Nguồn: số liệu báo cáo của các đơn vị" : "Source: the units' reports"
    }
    var u: Double { size.unit }

    /// No text is smaller than this, however much has to fit: 24 px on a 1920×1080 slide
    /// (12 pt at a projected slide's size) and in proportion on other screens, 7 pt on paper.
    /// What does not fit at it is cut or split, never shrunk further.
    public var minimumTextSize: Double { size.isPaper ? 7 : 24 * u }

    func style(_ role: FontRole, bold: Bool = false, color: ChartColor? = nil, scale: Double = 1) -> TextStyle {
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
        return TextStyle(role: role, size: max(base * u * scale, minimumTextSize), bold: bold || role == .title, color: color ?? fallback, family: theme.fontFamily)
    }

    func measure(_ text: String, _ style: TextStyle, width: Double? = nil, maxLines: Int = 1) -> TextSize {
        measurer.measure(text, style: style, width: width, maxLines: maxLines)
    }

    func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    /// The largest size of a style, from `from` times its base down to `through` in steps of
    /// 0.05, for which `fits` holds — else the smallest. Every chart shrinks text this way.
    func fitting(_ role: FontRole, bold: Bool = false, color: ChartColor? = nil, from: Double = 1, through: Double, _ fits: (TextStyle) -> Bool) -> TextStyle {
        var style = self.style(role, bold: bold, color: color, scale: from)
        for scale in stride(from: from, through: through, by: -0.05) {
            style = self.style(role, bold: bold, color: color, scale: scale)
            if fits(style) { break }
        }
        return style
    }

    /// The last row of a cut list: "… và 12 đơn vị khác".
    func moreUnits(_ count: Int) -> String { pick("và \(count) đơn vị khác", "and \(count) more units") }

    /// A value axis's tick label.
    func axisText(_ value: Double, _ format: AxisFormat) -> String {
        switch format {
        case .number: return numbers.number(value)
        case .percentPoints: return numbers.number(value) + (language == .vi ? " %" : "%")
        }
    }

    /// Text that reads on `fill`: the theme's dark ink on light fills, white on dark ones.
    func ink(on fill: ChartColor, threshold: Double) -> ChartColor { fill.luminance > threshold ? theme.inkOnLight : theme.inkOnDark }
}
