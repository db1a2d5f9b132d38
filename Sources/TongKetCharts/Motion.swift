/// How a mark enters when its chart is animated for video. Static renderers ignore it; the
/// animation (`ChartScene.frame(at:language:)`) reads it. Recipes set it where they make a mark,
/// because only they know which rect is a bar and which text is a figure.
public enum Motion: Sendable, Equatable {
    /// The chart's frame — title, axes, names: there from the first frame.
    case still
    /// A bar: grows rightwards from its left edge, eased.
    case grow(Span)
    /// A line: drawn from its first point to its last, at an even pace.
    case draw(Span)
    /// A figure: counts up from zero and lands exactly on its value, fading in, sliding
    /// `travel` to the right on the way so it arrives with the end of its bar.
    case count(Span, travel: Double)
    /// Fades in.
    case fade(Span)
}

/// The part of a chart's entrance, as fractions of it (0 ≤ start < end ≤ 1), during which a
/// mark moves. Ending by 1 is what makes the last frame the static chart.
public struct Span: Sendable, Equatable {
    public var start: Double
    public var end: Double

    public init(_ start: Double, _ end: Double) {
        self.start = min(max(start, 0), 1)
        self.end = min(max(end, self.start), 1)
    }

    /// Linear progress through the span at chart progress `t`.
    public func progress(_ t: Double) -> Double {
        if t >= end { return 1 }
        if t <= start { return 0 }
        return (t - start) / (end - start)
    }

    /// The n-th of `count` staggered spans: starts spread over `spread`, each `length` long.
    public static func staggered(_ index: Int, of count: Int, spread: Double, length: Double) -> Span {
        let start = count > 1 ? spread * Double(index) / Double(count - 1) : 0
        return Span(start, start + length)
    }
}
