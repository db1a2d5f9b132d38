import Foundation

/// A colour in sRGB, components 0…1.
public struct ChartColor: Sendable, Equatable, Hashable {
    public var red, green, blue, alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// From "#RRGGBB".
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double(hex >> 16 & 0xFF) / 255, green: Double(hex >> 8 & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255, alpha: alpha)
    }

    /// Relative luminance (WCAG), to pick dark or light text on a fill.
    public var luminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    public func mixed(with other: ChartColor, _ t: Double) -> ChartColor {
        ChartColor(red: red + (other.red - red) * t, green: green + (other.green - green) * t,
              blue: blue + (other.blue - blue) * t, alpha: alpha + (other.alpha - alpha) * t)
    }
}

/// A point in design units, y downwards.
public struct Point: Sendable, Equatable {
    public var x, y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// A rectangle in scene units, origin top left, y down.
public struct Rect: Sendable, Equatable {
    public var x, y, width, height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    public func intersects(_ other: Rect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    public func contains(_ other: Rect, tolerance: Double = 0.5) -> Bool {
        other.x >= x - tolerance && other.y >= y - tolerance && other.maxX <= maxX + tolerance && other.maxY <= maxY + tolerance
    }

    public func inset(by d: Double) -> Rect { Rect(x: x + d, y: y + d, width: max(0, width - 2 * d), height: max(0, height - 2 * d)) }
}

/// What a piece of text is for; the theme maps each role to a font.
public enum FontRole: String, Sendable, CaseIterable {
    case title, subtitle, label, value, caption, figure
}

/// How a text run is set: its role, size, weight, colour and family.
public struct TextStyle: Sendable, Equatable {
    public var role: FontRole
    /// Size in scene units (pixels at slide size).
    public var size: Double
    public var bold: Bool
    public var color: ChartColor
    public var family: String

    public init(role: FontRole, size: Double, bold: Bool = false, color: ChartColor, family: String) {
        self.role = role
        self.size = size
        self.bold = bold
        self.color = color
        self.family = family
    }
}

/// Where a text sits in its frame.
public enum TextAlignment: Sendable, Hashable { case leading, center, trailing }

/// A text box placed by layout: the renderer draws `text` inside `frame`, wrapped to the
/// frame's width, aligned, with at most `maxLines` lines (then an ellipsis). Layout measured
/// it with the same settings, so the frame is where the ink goes.
public struct TextRun: Sendable, Equatable {
    public var text: String
    public var style: TextStyle
    public var frame: Rect
    public var alignment: TextAlignment
    public var maxLines: Int
    public var opacity: Double
    public var motion: Motion

    public init(text: String, style: TextStyle, frame: Rect, alignment: TextAlignment = .leading, maxLines: Int = 1, opacity: Double = 1, motion: Motion = .still) {
        self.text = text
        self.style = style
        self.frame = frame
        self.alignment = alignment
        self.maxLines = maxLines
        self.opacity = opacity
        self.motion = motion
    }
}

/// A filled rectangle (a bar, a cell, a band), corners optionally rounded.
public struct RectMark: Sendable, Equatable {
    public var frame: Rect
    public var fill: ChartColor
    public var cornerRadius: Double
    public var motion: Motion
    public init(frame: Rect, fill: ChartColor, cornerRadius: Double = 0, motion: Motion = .still) {
        self.frame = frame
        self.fill = fill
        self.cornerRadius = cornerRadius
        self.motion = motion
    }
}

/// A line through points, solid or dashed.
public struct PathMark: Sendable, Equatable {
    public var points: [Point]
    public var stroke: ChartColor
    public var lineWidth: Double
    public var dash: [Double]
    public var closed: Bool
    public var fill: ChartColor?
    public var motion: Motion

    public init(points: [Point], stroke: ChartColor, lineWidth: Double, dash: [Double] = [], closed: Bool = false, fill: ChartColor? = nil, motion: Motion = .still) {
        self.points = points
        self.stroke = stroke
        self.lineWidth = lineWidth
        self.dash = dash
        self.closed = closed
        self.fill = fill
        self.motion = motion
    }
}

/// A filled or stroked circle (a line's point).
public struct CircleMark: Sendable, Equatable {
    public var center: Point
    public var radius: Double
    public var fill: ChartColor
    public var stroke: ChartColor?
    public var motion: Motion
    public init(center: Point, radius: Double, fill: ChartColor, stroke: ChartColor? = nil, motion: Motion = .still) {
        self.center = center
        self.radius = radius
        self.fill = fill
        self.stroke = stroke
        self.motion = motion
    }
}

/// A PNG image (a logo) placed in a frame.
public struct ImageMark: Sendable, Equatable {
    public var path: String
    public var frame: Rect
    public init(path: String, frame: Rect) {
        self.path = path
        self.frame = frame
    }
}

/// One mark of a laid-out chart.
public enum Primitive: Sendable, Equatable {
    case rect(RectMark)
    case path(PathMark)
    case circle(CircleMark)
    case text(TextRun)
    case image(ImageMark)
    case layer(Layer)
}

extension Primitive {
    /// Where the mark's ink can go: a path's points widened by half its line, a circle's box
    /// with its stroke, a text's or image's frame. Layout tests check it for every primitive.
    public var bounds: Rect {
        switch self {
        case let .rect(mark): return mark.frame
        case let .text(run): return run.frame
        case let .image(mark): return mark.frame
        case let .circle(mark):
            // The renderer strokes a ring 0.45 of the radius wide, centred on the circle.
            let r = mark.radius * (mark.stroke == nil ? 1 : 1.225)
            return Rect(x: mark.center.x - r, y: mark.center.y - r, width: 2 * r, height: 2 * r)
        case let .path(mark):
            let xs = mark.points.map(\.x), ys = mark.points.map(\.y)
            guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return Rect(x: 0, y: 0, width: 0, height: 0) }
            let half = mark.lineWidth / 2
            return Rect(x: minX - half, y: minY - half, width: maxX - minX + 2 * half, height: maxY - minY + 2 * half)
        case let .layer(layer):
            let boxes = layer.items.map(\.bounds)
            guard let first = boxes.first else { return Rect(x: 0, y: 0, width: 0, height: 0) }
            return boxes.dropFirst().reduce(first) { a, b in
                let x = min(a.x, b.x), y = min(a.y, b.y)
                return Rect(x: x, y: y, width: max(a.maxX, b.maxX) - x, height: max(a.maxY, b.maxY) - y)
            }
        }
    }
}

/// Marks composited together at one opacity: how one scene cross-fades into another
/// (drawn into a group, then painted with alpha — not each mark faded on its own).
public struct Layer: Sendable, Equatable {
    public var opacity: Double
    public var items: [Primitive]
    public init(opacity: Double, items: [Primitive]) {
        self.opacity = opacity
        self.items = items
    }
}

/// A chart laid out: the seam between charts and pixels. Every renderer only walks it.
public struct ChartScene: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var background: ChartColor
    public var items: [Primitive]
    /// Metadata for PDF and the manifest.
    public var title: String
    public var subject: String

    public init(width: Double, height: Double, background: ChartColor, items: [Primitive] = [], title: String = "", subject: String = "") {
        self.width = width
        self.height = height
        self.background = background
        self.items = items
        self.title = title
        self.subject = subject
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public var texts: [TextRun] {
        items.compactMap { if case let .text(run) = $0 { return run } else { return nil } }
    }

    public var rects: [RectMark] {
        items.compactMap { if case let .rect(mark) = $0 { return mark } else { return nil } }
    }
}

/// Text measurement, implemented by the backend with the same shaping it draws with.
public protocol TextMeasurer {
    /// The size `text` takes in `style`, wrapped at `width` (nil: one line), with at most
    /// `maxLines` lines, and whether it had to be cut with an ellipsis.
    func measure(_ text: String, style: TextStyle, width: Double?, maxLines: Int) -> TextSize
}

/// The size a text takes when set: its width, height and lines.
public struct TextSize: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var lines: Int
    public var truncated: Bool
    public init(width: Double, height: Double, lines: Int, truncated: Bool) {
        self.width = width
        self.height = height
        self.lines = lines
        self.truncated = truncated
    }
}
