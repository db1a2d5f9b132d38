/// Colours and fonts of a chart. The palette is Okabe–Ito-derived: distinguishable with the
/// common colour-vision deficiencies, and met / not met differ in lightness too, so they
/// survive a greyscale printout.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var background: Color
    public var text: Color
    public var secondaryText: Color
    public var grid: Color
    public var reference: Color
    public var met: Color
    public var notMet: Color
    public var previous: Color
    public var current: Color
    public var target: Color
    /// Heatmap ends: well below target, and well above it; the middle is `background`-like.
    public var below: Color
    public var above: Color
    public var neutral: Color
    /// Text written on a coloured fill: dark ink on light fills, light on dark ones.
    public var inkOnLight = Color(hex: 0x1C2430)
    public var inkOnDark = Color(hex: 0xFFFFFF)
    public var fontFamily: String

    public static let light = Theme(
        name: "light", background: Color(hex: 0xFFFFFF), text: Color(hex: 0x1C2430), secondaryText: Color(hex: 0x5B6573),
        grid: Color(hex: 0xE3E7EC), reference: Color(hex: 0x1C2430), met: Color(hex: 0x1F5A96), notMet: Color(hex: 0xE69F00),
        previous: Color(hex: 0xA9C1DB), current: Color(hex: 0x1F5A96), target: Color(hex: 0xD55E00),
        below: Color(hex: 0xE08A0B), above: Color(hex: 0x2166AC), neutral: Color(hex: 0xF4F4F1), fontFamily: "Noto Sans")

    public static let dark = Theme(
        name: "dark", background: Color(hex: 0x10161F), text: Color(hex: 0xF2F4F7), secondaryText: Color(hex: 0xA7B0BD),
        grid: Color(hex: 0x2A3440), reference: Color(hex: 0xF2F4F7), met: Color(hex: 0x9AD0F5), notMet: Color(hex: 0xD55E00),
        previous: Color(hex: 0x4A5A6E), current: Color(hex: 0x9AD0F5), target: Color(hex: 0xF0A070),
        below: Color(hex: 0xD55E00), above: Color(hex: 0x9AD0F5), neutral: Color(hex: 0x2A3440), fontFamily: "Noto Sans")

    /// For written reports: a serif with full Vietnamese coverage and Times New Roman's
    /// proportions (Liberation Serif, the usual stand-in, lacks most Vietnamese letters).
    public static let print = Theme(
        name: "print", background: Color(hex: 0xFFFFFF), text: Color(hex: 0x000000), secondaryText: Color(hex: 0x444444),
        grid: Color(hex: 0xDDDDDD), reference: Color(hex: 0x000000), met: Color(hex: 0x1F4E79), notMet: Color(hex: 0xE6A23C),
        previous: Color(hex: 0xB4C7DC), current: Color(hex: 0x1F4E79), target: Color(hex: 0xC0392B),
        below: Color(hex: 0xE08A0B), above: Color(hex: 0x1F4E79), neutral: Color(hex: 0xF2F2F2), fontFamily: "Noto Serif")

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

    public init(width: Double, height: Double, pixelScale: Double = 1, name: String) {
        self.width = width
        self.height = height
        self.pixelScale = pixelScale
        self.name = name
    }

    public static let slide = CanvasSize(width: 1920, height: 1080, name: "slide")
    public static let uhd = CanvasSize(width: 1920, height: 1080, pixelScale: 2, name: "4k")
    public static let a4 = CanvasSize(width: 595.28, height: 841.89, pixelScale: 300.0 / 72, name: "a4")
    public static let a4Landscape = CanvasSize(width: 841.89, height: 595.28, pixelScale: 300.0 / 72, name: "a4-landscape")
    /// A chart in report.docx: the text width of an A4 page with the decree's margins
    /// (210 − 30 − 15 mm), printed at 300 dpi, so its text prints at the size it was laid out.
    public static let a4Text = CanvasSize(width: 467.75, height: 300, pixelScale: 300.0 / 72, name: "a4-text")
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

    /// A4 is for print: its design units are points, not pixels.
    public var isPaper: Bool { name.hasPrefix("a4") }

    /// The unit text and spacing scale with: 1 on a slide, about 0.5 on A4.
    public var unit: Double { (width * height).squareRoot() / (1920.0 * 1080.0).squareRoot() }
}
