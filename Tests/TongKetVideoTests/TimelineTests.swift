import Testing
import TongKetAnalytics
import TongKetCairo
import TongKetCharts
import TongKetData
import TongKetReport
import TongKetSample

extension VideoTests { @Suite struct TimelineTests {
    static let pacing = Pacing(entrance: 2, hold: 3, crossFade: 0.8, card: 3.5)

    static func timeline(kinds: [ChartKind] = VideoOptions.defaultKinds, fps: Int = 30, pacing: Pacing = pacing) -> Timeline {
        VideoPlan.timeline(VideoTests.metrics, year: 2023,
                           options: VideoOptions(fps: fps, pacing: pacing, kinds: kinds, organisation: "VKSND tỉnh Hậu Giang", date: "2024-01-15"),
                           measurer: VideoTests.renderer.measurer)
    }

    @Test func aSlideHoldsUntilItsCaptionIsReadAt17CharactersASecond() {
        let scene = ChartScene(width: 1920, height: 1080, background: ChartColor(hex: 0xFFFFFF))
        let long = String(repeating: "Số vụ án hình sự ", count: 10)
        let slides: [Timeline.Slide] = [.init(scene: scene, isCard: false, caption: long),
                                        .init(scene: scene, isCard: false, caption: "Ngắn.")]
        let timeline = Timeline(slides: slides,
                                fps: 10, pacing: Pacing(entrance: 0.5, hold: 0.5, crossFade: 0, card: 1), language: .vi)
        let times = timeline.slideTimes
        #expect(times[0].end - times[0].start >= Double(long.count) / 17)
        #expect(abs(times[1].end - times[1].start - 1) < 1e-9, "a short line keeps the pacing asked for")
    }

    @Test func frameCountIsDurationTimesFPS() {
        // Title card, scorecard, end card: 105 + 150 + 105 frames and two fades of 24.
        let short = Self.timeline(kinds: [.scorecard])
        #expect(short.slides.count == 3)
        #expect(short.frameCount == 105 + 150 + 105 + 2 * 24)
        #expect(short.duration == Double(short.frameCount) / 30)
        for fps in [24, 25, 30, 60] {
            let t = Self.timeline(fps: fps)
            // Each chart 5 s, or longer when its caption takes longer to read.
            let charts = t.slides.filter { !$0.isCard }.map { max(5, Double($0.caption?.count ?? 0) / Timeline.readingRate) }
            let seconds = 2 * 3.5 + charts.reduce(0, +) + Double(t.slides.count - 1) * 0.8
            #expect(abs(Double(t.frameCount) - seconds * Double(fps)) <= Double(t.slides.count), "fps \(fps)")
            #expect(t.duration * Double(fps) == Double(t.frameCount))
        }
    }

    @Test func theDefaultVideoShowsEveryKindForTheHeadlineIndicator() {
        let t = Self.timeline()
        #expect(t.slides.count == 2 + 6)
        #expect(t.slides.first?.isCard == true && t.slides.last?.isCard == true)
        #expect(t.slides.last?.scene.texts.contains { $0.text == "Cảm ơn quý vị đã theo dõi" } == true)
    }

    @Test func eachChartIsHeldStillAfterItsEntranceThenCrossFades() {
        let t = Self.timeline(kinds: [.scorecard])
        let chart = t.slides[1].scene
        // Frames 105 + 24 … : the chart's entrance (60 frames), then 90 held frames.
        let firstOfChart = 105 + 24
        #expect(t.scene(frame: firstOfChart) != chart)
        #expect(t.scene(frame: firstOfChart + 59) == chart)
        #expect(t.scene(frame: firstOfChart + 149) == chart)
        // The fade out of the chart lays the end card over it.
        guard case .layer = t.scene(frame: firstOfChart + 150).items.last else { Issue.record("no cross-fade"); return }
        // The last frame is the end card, still.
        #expect(t.scene(frame: t.frameCount - 1) == t.slides.last?.scene)
    }

    @Test func theSameFrameTwiceIsTheSamePixels() throws {
        let t = Self.timeline(kinds: [.yoy])
        let other = try ChartRenderer()
        for index in [0, 40, 130, 140, 200] {
            let a = try VideoTests.renderer.bgra(t.scene(frame: index), size: .slide).pixels
            let b = try other.bgra(t.scene(frame: index), size: .slide).pixels
            #expect(a == b, "frame \(index)")
        }
    }
} }
