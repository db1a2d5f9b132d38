import Foundation
import Testing
import TongKetAnalytics
import TongKetCairo
import TongKetCharts
import TongKetReport

/// What makes a video fast without changing what it shows, and its captions.
extension VideoTests { @Suite struct CaptionTests {
    @Test func heldFramesRepeatTheOneBeforeAndNothingElseDoes() throws {
        let t = TimelineTests.timeline(kinds: [.scorecard])
        let repeats = (0..<t.frameCount).filter { t.repeatsPrevious(frame: $0) }
        // Title card 105 frames (entrance 1,75 s = 52,5 frames), the scorecard 150 (entrance 60), end card 105.
        #expect(repeats.count * 3 > t.frameCount, "a third of the frames or more are held")
        for frame in repeats {
            let same = t.scene(frame: frame) == t.scene(frame: frame - 1)
            #expect(same, "frame \(frame)")
        }
        // The first frame of each slide and of each cross-fade is new.
        #expect(!t.repeatsPrevious(frame: 0) && !t.repeatsPrevious(frame: 105) && !t.repeatsPrevious(frame: 105 + 24))
    }

    @Test func captionsAreEachChartsOwnFindingAtTheSlidesTimes() throws {
        let t = TimelineTests.timeline(kinds: [.kpi, .scorecard])
        let narrative = Narrative(metrics: VideoTests.metrics, year: 2023, language: .vi)
        let captions = [ChartKind.kpi, .scorecard].map { narrative.caption(for: ChartRequest(kind: $0, year: 2023)) }
        #expect(t.slides.map(\.caption) == [nil] + captions + [nil])
        #expect(captions[1] == "Toàn tỉnh đạt 18/20 chỉ tiêu; 6 đơn vị đạt toàn bộ chỉ tiêu được giao.")
        // Title card 3,5 s, a fade of 0,8 s: the headlines from 4,3 s for 5 s.
        let srt = t.subtitles.components(separatedBy: "\r\n")
        #expect(srt[0] == "1" && srt[1] == "00:00:04,300 --> 00:00:09,300" && srt[2] == t.slides[1].caption)
        #expect(srt[4] == "2" && srt[5] == "00:00:10,100 --> 00:00:15,100")
    }

    @Test func theCaptionIsBurnedInUnderTheChartInsideTheTitleSafeArea() throws {
        let t = TimelineTests.timeline(kinds: [.scorecard])
        let scene = t.slides[1].scene
        let caption = try #require(scene.texts.first { $0.text == t.slides[1].caption })
        #expect(caption.style.size >= 34)
        let safe = Rect(x: 96, y: 54, width: 1920 - 192, height: 1080 - 108)
        #expect(safe.contains(caption.frame))
        // Everything else is above the band: the caption covers nothing.
        for text in scene.texts where text != caption { #expect(text.frame.maxY <= caption.frame.y, "\(text.text)") }
        let plain = VideoPlan.timeline(VideoTests.metrics, year: 2023, options: {
            var o = VideoOptions(kinds: [.scorecard], date: "2024-01-15")
            o.captions = false
            return o
        }(), measurer: VideoTests.renderer.measurer)
        #expect(!plain.slides[1].scene.texts.contains { $0.text == t.slides[1].caption })
        #expect(plain.slides[1].caption == t.slides[1].caption, "the .srt keeps it")
    }

    /// The encoder's frame: BT.709 in the studio range, as the MP4 is tagged.
    @Test(arguments: [(0x000000, 16, 128, 128), (0xFFFFFF, 235, 128, 128), (0x808080, 126, 128, 128), (0xFF0000, 63, 102, 240), (0x0000FF, 32, 240, 118)])
    func aFlatFrameConvertsToItsBT709Values(rgb: Int, y: Int, cb: Int, cr: Int) throws {
        let scene = ChartScene(width: 64, height: 36, background: ChartColor(hex: UInt32(rgb)))
        var frame: [UInt8] = []
        try VideoTests.renderer.yuv420(scene, size: CanvasSize(width: 64, height: 36, name: "64x36"), into: &frame)
        #expect(frame.count == 64 * 36 * 3 / 2)
        #expect(Set(frame[0..<(64 * 36)]) == [UInt8(y)])
        #expect(Set(frame[(64 * 36)..<(64 * 36 * 5 / 4)]) == [UInt8(cb)])
        #expect(Set(frame[(64 * 36 * 5 / 4)...]) == [UInt8(cr)])
    }
} }
