import Foundation
import TongKetAnalytics

extension ChartScene {
    /// The chart at progress `t` of its entrance (0 … 1): bars grown to an eased share of
    /// their length, lines drawn part of their way, figures counted up and faded in. A pure
    /// function of the scene and `t` — the same input gives the same frames — and at t = 1
    /// exactly the static scene. `language` says how the figures' digits are grouped.
    public func frame(at t: Double, language: Language) -> ChartScene {
        // No shortcut at t = 1: every mark is computed, so a motion that did not end by 1
        // would show (the tests rely on it).
        var scene = self
        scene.items = items.compactMap { $0.frame(at: t, separators: NumberSeparators(language)) }
        return scene
    }

    /// This scene with `next` laid over it at `opacity`: a cross-fade, composited as a
    /// whole so overlapping marks of the incoming scene do not show through each other.
    public func crossFaded(to next: ChartScene, opacity: Double) -> ChartScene {
        if opacity <= 0 { return self }
        if opacity >= 1 { return next }
        var scene = self
        let backdrop = Primitive.rect(RectMark(frame: next.bounds, fill: next.background))
        scene.items.append(.layer(Layer(opacity: opacity, items: [backdrop] + next.items)))
        return scene
    }
}

/// Ease in and out (cubic): starts and lands gently, monotone, exact at 0 and 1.
func eased(_ p: Double) -> Double {
    p < 0.5 ? 4 * p * p * p : 1 - pow(-2 * p + 2, 3) / 2
}

extension Primitive {
    var motion: Motion {
        switch self {
        case let .rect(mark): return mark.motion
        case let .path(mark): return mark.motion
        case let .circle(mark): return mark.motion
        case let .text(run): return run.motion
        case .image, .layer: return .still
        }
    }

    /// nil when the mark is not visible yet.
    fileprivate func frame(at t: Double, separators: NumberSeparators) -> Primitive? {
        if case var .layer(layer) = self {
            layer.items = layer.items.compactMap { $0.frame(at: t, separators: separators) }
            return .layer(layer)
        }
        let motion = self.motion
        guard let span = motion.span else { return self }
        // A line is drawn at an even pace, so its points' arrivals can be timed; the rest ease.
        let p: Double
        if case .draw = motion { p = span.progress(t) } else { p = eased(span.progress(t)) }
        if p >= 1 { return self }
        guard p > 0 else { return nil }
        switch self {
        case var .rect(mark):
            if case .grow = motion { mark.frame.width *= p } else { mark.fill.alpha *= p }
            return .rect(mark)
        case var .path(mark):
            if case .draw = motion {
                mark.points = mark.points.prefix(fraction: p)
            } else {
                mark.stroke.alpha *= p
                mark.fill?.alpha *= p
            }
            return .path(mark)
        case var .circle(mark):
            mark.fill.alpha *= p
            mark.stroke?.alpha *= p
            return .circle(mark)
        case var .text(run):
            run.opacity *= p
            if case let .count(_, travel) = motion {
                run.text = CountingText.text(run.text, at: p, separators: separators)
                run.frame.x -= travel * (1 - p)
            }
            return .text(run)
        case .image, .layer:
            return self
        }
    }
}

extension Motion {
    var span: Span? {
        switch self {
        case .still: return nil
        case let .grow(span), let .draw(span), let .fade(span), let .count(span, _): return span
        }
    }
}

extension [Point] {
    /// The first `fraction` of the polyline's length, ending part way along a segment.
    func prefix(fraction: Double) -> [Point] {
        guard count > 1 else { return self }
        var lengths: [Double] = []
        var total = 0.0
        for i in 1..<count {
            let length = hypot(self[i].x - self[i - 1].x, self[i].y - self[i - 1].y)
            lengths.append(length)
            total += length
        }
        var remaining = total * fraction
        var points = [self[0]]
        for i in 1..<count {
            let length = lengths[i - 1]
            if remaining >= length {
                points.append(self[i])
                remaining -= length
                continue
            }
            if length > 0, remaining > 0 {
                let f = remaining / length
                points.append(Point(self[i - 1].x + (self[i].x - self[i - 1].x) * f, self[i - 1].y + (self[i].y - self[i - 1].y) * f))
            }
            break
        }
        return points
    }
}
