import Foundation

/// Maps a value domain onto a pixel range, with "nice" round ticks (1, 2, 2.5, 5 × 10ⁿ).
public struct LinearScale: Sendable, Equatable {
    public var domain: ClosedRange<Double>
    /// Where the domain's lower and upper ends land; `end` may be below `start` (a y axis).
    public var start: Double
    public var end: Double
    public var ticks: [Double]

    /// A scale from `lower` (usually 0) up to at least `upper`, extended to a round tick.
    public init(lower: Double = 0, upper: Double, from start: Double, to end: Double, tickCount: Int = 5) {
        let top = upper > lower ? upper : lower + 1
        let step = Self.niceStep((top - lower) / Double(max(tickCount, 1)))
        let niceUpper = (top / step).rounded(.up) * step
        let niceLower = (lower / step).rounded(.down) * step
        domain = niceLower...niceUpper
        self.start = start
        self.end = end
        var ticks: [Double] = []
        var t = niceLower
        while t <= niceUpper + step / 2 {
            ticks.append(abs(t) < step / 1e6 ? 0 : t)
            t += step
        }
        self.ticks = ticks
    }

    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return start }
        return start + (value - domain.lowerBound) / span * (end - start)
    }

    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(rough)))
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where factor * magnitude >= rough { return factor * magnitude }
        return 10 * magnitude
    }
}

/// The diverging heatmap scale, centred on 100 % completion: below-target colours on one
/// side, above on the other, neutral at the target.
struct DivergingColors {
    let below: ChartColor
    let neutral: ChartColor
    let above: ChartColor
    /// Completion (ratio) at which each end is reached.
    static let low = 0.5, high = 1.5
    static let missFloor = 0.35

    func color(for ratio: Double) -> ChartColor {
        // A miss is never the neutral of a target reached: 99 % starts a third of the way to the "below" end.
        if ratio < 1 { return neutral.mixed(with: below, min(1, max(Self.missFloor, (1 - ratio) / (1 - Self.low)))) }
        return neutral.mixed(with: above, min(1, (ratio - 1) / (Self.high - 1)))
    }
}

extension Theme {
    /// A heatmap cell's fill for a completion ratio, as the chart draws it — for a table
    /// that another program draws (the deck's native table).
    public func heatColor(_ ratio: Double) -> ChartColor {
        DivergingColors(below: below, neutral: neutral, above: above).color(for: ratio)
    }

    /// Dark ink or light on a fill, whichever reads (the heatmap's threshold).
    public func ink(on fill: ChartColor) -> ChartColor { fill.luminance > 0.36 ? inkOnLight : inkOnDark }
}
