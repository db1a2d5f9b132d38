import Testing
import TongKetAnalytics
import TongKetCairo
import TongKetCharts
import TongKetData
import TongKetReport
import TongKetSample

/// One serialized parent: the suites share one Pango renderer, which must not be used by two
/// threads at once.
@Suite(.serialized) enum VideoTests {
    nonisolated(unsafe) static let renderer = try! ChartRenderer()
    static let metrics = try! Metrics(table: TableReader.read([InputFile(name: "hau-giang.csv", bytes: BundledSample.bytes)]).table)
    nonisolated(unsafe) static let context = ChartContext(size: .slide, theme: .dark, language: .vi, measurer: renderer.measurer)
}

/// Charts at progress t, on the bundled sample, laid out with the real Pango measurer.
extension VideoTests { @Suite struct AnimationTests {
    static var metrics: Metrics { VideoTests.metrics }
    static var renderer: ChartRenderer { VideoTests.renderer }
    static var context: ChartContext { VideoTests.context }

    static func scene(_ kind: ChartKind) -> ChartScene {
        let indicator = kind.needsIndicator ? VideoPlan.headline(metrics, year: 2023) : nil
        return Charts.scene(ChartRequest(kind: kind, year: 2023, indicator: indicator), metrics: metrics, context: context)
    }

    static func bars(_ scene: ChartScene) -> [RectMark] {
        scene.rects.filter { if case .grow = $0.motion { return true } else { return false } }
    }

    /// The sample carries no next year's targets: its plan page is an empty table (the plan's
    /// table animates as the cùng kỳ table does, one TablePlot).
    @Test(arguments: ChartKind.allCases.filter { $0 != .plan })
    func theLastFrameIsTheStaticChart(kind: ChartKind) {
        let chart = Self.scene(kind)
        #expect(chart.frame(at: 1, language: .vi) == chart)
        // Every motion ends by t = 1, so nothing is still moving just before it.
        #expect(chart.items.allSatisfy { item in
            switch item {
            case let .rect(m): return m.motion.endsByOne
            case let .path(m): return m.motion.endsByOne
            case let .circle(m): return m.motion.endsByOne
            case let .text(m): return m.motion.endsByOne
            default: return true
            }
        })
        // Something moves in every kind.
        #expect(chart.frame(at: 0.5, language: .vi) != chart)
    }

    @Test func atTheStartBarsAndFiguresAreNotThereButTheFrameIs() {
        let chart = Self.scene(.scorecard)
        let start = chart.frame(at: 0, language: .vi)
        #expect(Self.bars(chart).count >= 9)
        #expect(Self.bars(start).isEmpty)
        #expect(!start.texts.contains { if case .count = $0.motion { return true } else { return false } })
        // Title, subtitle, names and ticks are there from the first frame.
        let stills = chart.texts.filter { $0.motion == .still }
        #expect(stills.count > 10 && stills.allSatisfy { start.texts.contains($0) })
    }

    @Test func barsGrowMonotonicallyFromTheirBaselineToTheirLength() {
        let chart = Self.scene(.completion)
        let finals = Self.bars(chart)
        var previous = [Double](repeating: 0, count: finals.count)
        for step in 0...60 {
            let t = Double(step) / 60
            let frame = chart.frame(at: t, language: .vi)
            // A bar not yet started is absent; match the others by where they sit.
            for (k, bar) in finals.enumerated() {
                let width = Self.bars(frame).first { $0.frame.y == bar.frame.y && $0.frame.x == bar.frame.x }?.frame.width ?? 0
                #expect(width + 1e-9 >= previous[k], "bar \(k) shrank at t=\(t)")
                #expect(width <= bar.frame.width + 1e-9)
                previous[k] = width
            }
        }
        #expect(previous == finals.map(\.frame.width))
    }

    @Test func linesDrawFromLeftToRight() throws {
        let chart = Self.scene(.trend)
        let line = try #require(chart.items.compactMap { item -> PathMark? in
            if case let .path(mark) = item, case .draw = mark.motion, mark.dash.isEmpty { return mark }
            return nil
        }.first)
        var reach = -Double.infinity
        for step in 1...20 {
            let frame = chart.frame(at: Double(step) / 20, language: .vi)
            let drawn = try #require(frame.items.compactMap { item -> PathMark? in
                if case let .path(mark) = item, mark.stroke == line.stroke, mark.lineWidth == line.lineWidth { return mark }
                return nil
            }.first)
            let x = try #require(drawn.points.last).x
            #expect(x >= reach)
            reach = x
        }
        #expect(reach == line.points.last?.x)
    }

    @Test func countingFiguresLandExactlyOnTheirText() {
        let chart = Self.scene(.kpi)
        let counted = chart.texts.filter { if case .count = $0.motion { return true } else { return false } }
        #expect(counted.count >= 8)
        let late = chart.frame(at: 0.5, language: .vi).texts
        // Part way the figures are smaller numbers in the same shape…
        #expect(counted.contains { final in late.contains { $0.frame.y == final.frame.y && $0.text != final.text } })
        // …and at the end exactly the label.
        #expect(counted.allSatisfy { chart.frame(at: 1, language: .vi).texts.contains($0) })
    }

    @Test func countingTextKeepsTheLabelsShape() {
        func count(_ text: String, _ p: Double, _ language: Language = .vi) -> String {
            var scene = ChartScene(width: 10, height: 10, background: ChartColor(hex: 0))
            let style = TextStyle(role: .value, size: 10, color: ChartColor(hex: 0xFFFFFF), family: "Noto Sans")
            scene.items = [.text(TextRun(text: text, style: style, frame: Rect(x: 0, y: 0, width: 5, height: 5), motion: .count(Span(0, 1), travel: 0)))]
            return scene.frame(at: p, language: language).texts.first?.text ?? "(absent)"
        }
        #expect(count("105,7 %", 1) == "105,7 %")
        #expect(count("1.054", 1) == "1.054")
        #expect(count("1.054", 0.5) == "527")
        #expect(count("1.054", 0.99).hasPrefix("1.0"))
        #expect(count("1,054.5", 0.5, .en) == "527.2")
        #expect(count("4/5 · 80 %", 0.5) == "2/5 · 40 %")
        #expect(count("+67 (6,8 %)", 0.5) == "+33 (3,4 %)")
        #expect(count("—", 0.5) == "—")
        #expect(count("99999999999999999999", 0.5) == "99999999999999999999")
        #expect(count("105,7 %", 0) == "(absent)")
    }

    @Test func crossFadeIsTheNextSceneOverThePreviousAtItsOpacity() {
        let a = Self.scene(.kpi), b = Self.scene(.scorecard)
        #expect(a.crossFaded(to: b, opacity: 0) == a)
        #expect(a.crossFaded(to: b, opacity: 1) == b)
        let middle = a.crossFaded(to: b, opacity: 0.4)
        guard case let .layer(layer) = middle.items.last else { Issue.record("no layer"); return }
        #expect(layer.opacity == 0.4)
        #expect(layer.items.count == b.items.count + 1)
    }
} }

extension Motion {
    var endsByOne: Bool {
        switch self {
        case .still: return true
        case let .grow(s), let .draw(s), let .fade(s), let .count(s, _): return s.start < s.end && s.end <= 1
        }
    }
}
