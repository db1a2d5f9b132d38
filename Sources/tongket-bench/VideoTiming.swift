import ArgumentParser
import Foundation
import TongKetAnalytics
import TongKetCairo
import TongKetCharts
import TongKetReport
import TongKetVideo

/// Frames per second of the summary video's rendering alone (Scenes → raw BGRA on both
/// cores, ordered), and where one frame's time goes on one core.
struct VideoTiming {
    let metrics: Metrics
    let size: String

    func report() throws {
        guard let year = metrics.table.years.last else { return }
        let canvas: CanvasSize = size.lowercased() == "4k" ? .uhd : .slide
        do {
            let renderer = try ChartRenderer()
            let clock = ContinuousClock()
            var start = clock.now
            let options = VideoOptions(size: canvas, date: "2024-01-15")
            let timeline = VideoPlan.timeline(metrics, year: year, options: options, measurer: renderer.measurer)
            let layout = clock.now - start
            start = clock.now
            try VideoWriter.discard(timeline, size: canvas)
            let all = clock.now - start
            let fps = Double(timeline.frameCount) / (all / .seconds(1))
            // One core, a sample of frames: building the frame's ChartScene, then drawing it.
            var scenes = Duration.zero, draws = Duration.zero
            var pixels: [UInt8] = []
            let sample = Array(stride(from: 0, to: timeline.frameCount, by: 7))
            for index in sample {
                start = clock.now
                let scene = timeline.scene(frame: index)
                scenes += clock.now - start
                start = clock.now
                try renderer.bgra(scene, size: canvas, into: &pixels)
                draws += clock.now - start
            }
            let n = Double(max(sample.count, 1))
            say(String(format: "video %@ %d×%d: %d frames (%.1f s at %d fps) rendered in %.2f s on 2 cores = %.0f frames/s; layout of the slides %.0f ms",
                                  canvas.name, canvas.pixelWidth, canvas.pixelHeight, timeline.frameCount, timeline.duration, timeline.fps,
                                  all / .seconds(1), fps, layout / .milliseconds(1)))
            say(String(format: "one core, per frame: the frame's ChartScene %.2f ms, drawing it into a reused BGRA buffer %.2f ms", scenes / .milliseconds(1) / n, draws / .milliseconds(1) / n))
        } catch {
            say("video timing failed: \(error)")
            throw ExitCode(70)
        }
    }
}
