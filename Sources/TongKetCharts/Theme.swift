/// Colours and fonts of a chart. The palette is Okabe–Ito-derived: distinguishable with the
/// common colour-vision deficiencies, and met / not met differ in lightness too, so they
/// survive a greyscale printout.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var background: ChartColor
    public var text: ChartColor
    public var secondaryText: ChartColor
    public var grid: ChartColor
    public var reference: ChartColor
    public var met: ChartColor
    public var notMet: ChartColor
    public var previous: ChartColor
    public var current: ChartColor
    public var target: ChartColor
    /// Heatmap ends: well below target, and well above it; the middle is `background`-like.
    public var below: ChartColor
    public var above: ChartColor
    public var neutral: ChartColor
    /// Text written on a coloured fill: dark ink on light fills, light on dark ones.
    public var inkOnLight = ChartColor(hex: 0x1C2430)
    public var inkOnDark = ChartColor(hex: 0xFFFFFF)
    public var fontFamily: String

    public static let light = Theme(
        name: "light", background: ChartColor(hex: 0xFFFFFF), text: ChartColor(hex: 0x1C2430), secondaryText: ChartColor(hex: 0x5B6573),
        grid: ChartColor(hex: 0xE3E7EC), reference: ChartColor(hex: 0x1C2430), met: ChartColor(hex: 0x1F5A96), notMet: ChartColor(hex: 0xE69F00),
        previous: ChartColor(hex: 0xA9C1DB), current: ChartColor(hex: 0x1F5A96), target: ChartColor(hex: 0x5B6573),
        below: ChartColor(hex: 0xE08A0B), above: ChartColor(hex: 0x2166AC), neutral: ChartColor(hex: 0xF4F4F1), fontFamily: "Noto Sans")

    public static let dark = Theme(
        name: "dark", background: ChartColor(hex: 0x10161F), text: ChartColor(hex: 0xF2F4F7), secondaryText: ChartColor(hex: 0xA7B0BD),
        grid: ChartColor(hex: 0x2A3440), reference: ChartColor(hex: 0xF2F4F7), met: ChartColor(hex: 0x9AD0F5), notMet: ChartColor(hex: 0xD55E00),
        previous: ChartColor(hex: 0x4A5A6E), current: ChartColor(hex: 0x9AD0F5), target: ChartColor(hex: 0xC5CCD6),
        below: ChartColor(hex: 0xD55E00), above: ChartColor(hex: 0x9AD0F5), neutral: ChartColor(hex: 0x2A3440), fontFamily: "Noto Sans")

    /// For written reports: a serif with full Vietnamese coverage and Times New Roman's
    /// proportions (Liberation Serif, the usual stand-in, lacks most Vietnamese letters).
    public static let print = Theme(
        name: "print", background: ChartColor(hex: 0xFFFFFF), text: ChartColor(hex: 0x000000), secondaryText: ChartColor(hex: 0x444444),
        grid: ChartColor(hex: 0xDDDDDD), reference: ChartColor(hex: 0x000000), met: ChartColor(hex: 0x1F4E79), notMet: ChartColor(hex: 0xE6A23C),
        previous: ChartColor(hex: 0xB4C7DC), current: ChartColor(hex: 0x1F4E79), target: ChartColor(hex: 0x555555),
        below: ChartColor(hex: 0xE08A0B), above: ChartColor(hex: 0x1F4E79), neutral: ChartColor(hex: 0xF2F2F2), fontFamily: "Noto Serif")

    public static let all: [Theme] = [.light, .dark, .print]

    public static func named(_ name: String) -> Theme? { all.first { $0.name == name } }
}

/// Canvas sizes. The scene is laid out in design units (pixels for screens, points for
/// A4); `pixelScale` turns them into PNG pixels (4K is the slide layout at twice the pixels,
/// A4 is points at 300 dpi).
public struct CanvasSize: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var pixelScale: Double
    public var name: String
    /// For print: the design units are points, and text may be as small as print allows (7 pt).
    public var isPaper: Bool

    public init(width: Double, height: Double, pixelScale: Double = 1, name: String, isPaper: Bool = false) {
        self.width = width
        self.height = height
        self.pixelScale = pixelScale
        self.name = name
        self.isPaper = isPaper
    }

    /// A page in points, printed at 300 dpi: `CanvasSize.paper(width: 420, height: 297)` for a
    /// page of 420 × 297 points.
    public static func paper(width: Double, height: Double, name: String = "paper") -> CanvasSize {
        CanvasSize(width: width, height: height, pixelScale: 300.0 / 72, name: name, isPaper: true)
    }

    public static let slide = CanvasSize(width: 1920, height: 1080, name: "slide")
    public static let uhd = CanvasSize(width: 1920, height: 1080, pixelScale: 2, name: "4k")
    public static let a4 = paper(width: 595.28, height: 841.89, name: "a4")
    public static let a4Landscape = paper(width: 841.89, height: 595.28, name: "a4-landscape")
    /// A chart in report.docx: the text width of an A4 page with the decree's margins
    /// (210 − 30 − 15 mm), printed at 300 dpi, so its text prints at the size it was laid out.
    public static let a4Text = paper(width: 467.75, height: 300, name: "a4-text")
    public static let presets: [CanvasSize] = [.slide, .uhd, .a4, .a4Landscape]

    /// "slide", "4k", "a4", "a4-landscape" or "WxH" in pixels; nil otherwise.
    public init?(parsing text: String) {
        if let preset = Self.presets.first(where: { $0.name == text.lowercased() }) { self = preset; return }
        // omittingEmptySubsequences: false, so "1280x720x" is three parts, not two.
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (200...8000).contains(w), (200...8000).contains(h) else { return nil }
        self = CanvasSize(width: Double(w), height: Double(h), name: text)
    }

    public var pixelWidth: Int { Int((width * pixelScale).rounded()) }
    public var pixelHeight: Int { Int((height * pixelScale).rounded()) }

    /// The unit text and spacing scale with: 1 on a slide, about 0.5 on A4.
    public var unit: Double { (width * height).squareRoot() / (1920.0 * 1080.0).squareRoot() }
}
