import Foundation
import TongKetCairo
import TongKetCharts
import TongKetOutput

/// A timeline to an MP4 (through ffmpeg) or to a folder of numbered PNGs.
public enum VideoWriter {
    /// Called on the calling thread after each frame: (frames done, frames in all).
    public typealias Progress = (Int, Int) -> Void

    /// Whether an MP4 can be made here: checked before any work, so a missing ffmpeg costs
    /// the user nothing.
    public static var canWriteMP4: Bool { FFmpeg.locate() != nil }

    /// An MP4 at `path`, and beside it its captions as subtitles (`video.srt` for `video.mp4`):
    /// written under a temporary name and renamed when ffmpeg succeeds; on any failure
    /// nothing is left behind.
    public static func mp4(_ timeline: Timeline, size: CanvasSize, to path: String, progress: Progress = { _, _ in }) throws(VideoError) {
        guard FFmpeg.locate() != nil else { throw .ffmpegMissing }
        let (resolved, isFile) = AtomicFile.target(path)
        // +faststart rewrites the file's start at the end, which a pipe or a device cannot do.
        guard isFile else { throw .cannotWrite(path: path, reason: "an MP4 must be written to a file, not a device or a pipe") }
        let target = URL(fileURLWithPath: resolved)
        // ffmpeg picks the container from the extension, so the temporary name keeps it.
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.deletingPathExtension().lastPathComponent).partial-\(getpid()).mp4")
        // The partial files of killed runs of the same video.
        Leftovers.removeDead(Leftovers.find(in: target.deletingLastPathComponent(), stem: target.deletingPathExtension().lastPathComponent, marker: ".partial-", suffix: ".mp4"),
                             in: target.deletingLastPathComponent())
        // A held frame is the frame before it again: not drawn, not sent; the frame before it
        // is shown until the next one changes (a variable frame rate on the 1/fps grid). x264
        // spends nearly as long on an unchanged frame as on a moving one, and most frames are
        // held. The last frame is always sent, so the video lasts to its end.
        let count = timeline.frameCount
        let skipped = (0..<count).map { $0 + 1 < count && timeline.repeatsPrevious(frame: $0) }
        let ffmpeg = try FFmpeg(width: size.pixelWidth, height: size.pixelHeight, fps: timeline.fps, frameTimes: Self.frameTimes(skipped), output: temporary.path, shownAs: path)
        // Interrupted: ffmpeg stopped first (it could still be writing), then its file removed.
        let token = Interruption.onInterrupt { [ffmpeg] in
            ffmpeg.kill()
            try? FileManager.default.removeItem(at: temporary)
        }
        defer { Interruption.done(token) }
        do {
            try FramePipeline.run(timeline, size: size, skip: { skipped[$0] }, encode: { renderer, scene, size, bytes throws(RenderError) in
                try renderer.yuv420(scene, size: size, into: &bytes)
            }, consume: { index, bytes throws(VideoError) in
                if !skipped[index] { try ffmpeg.write(bytes) }
                progress(index + 1, count)
            })
        } catch {
            ffmpeg.cancel()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        if let failure = ffmpeg.finish() {
            try? FileManager.default.removeItem(at: temporary)
            throw failure
        }
        let subtitles = target.deletingPathExtension().appendingPathExtension("srt").path
        do throws(OutputError) {
            try AtomicFile.write(Array(timeline.subtitles.utf8), to: subtitles)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: subtitles, reason: error.reason)
        }
        try Interruption.changingFiles { () throws(VideoError) in
            if rename(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw .cannotWrite(path: path, reason: reason)
            }
        }
    }

    /// The frame number of the n-th frame sent, as an ffmpeg expression of `N`: N plus the
    /// length of every run of skipped frames before it ("N+89*gte(N,60)+…").
    static func frameTimes(_ skipped: [Bool]) -> String {
        var terms = ["N"]
        var sent = 0, run = 0
        for skip in skipped {
            if skip { run += 1; continue }
            if run > 0 { terms.append("\(run)*gte(N\\,\(sent))"); run = 0 }
            sent += 1
        }
        return terms.joined(separator: "+")
    }

    /// The file `frames` leaves in its folder: the folder's frames are its own to replace.
    public static let framesMarker = ".tongket-frames"

    /// frame-00001.png … in `folder` (created if needed), for users who edit in their own
    /// video tool. The folder must be empty or hold only an earlier run's frames (its
    /// `framesMarker`): a folder of the user's own files is refused, never written into.
    public static func frames(_ timeline: Timeline, size: CanvasSize, to folder: String, progress: Progress = { _, _ in }) throws(VideoError) {
        if let reason = AtomicFile.makeFolder(folder) { throw .cannotWrite(path: folder, reason: reason) }
        let previous = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let ours = previous.contains(framesMarker)
        guard previous.isEmpty || ours else {
            throw .cannotWrite(path: folder, reason: "the folder holds other files (\(previous.sorted().prefix(3).joined(separator: ", "))\(previous.count > 3 ? ", …" : "")) and frames are written only into an empty folder or one of earlier frames; name a new folder")
        }
        // Frames of an earlier, longer run would otherwise trail on after this one's end.
        for name in previous where ours && name.hasPrefix("frame-") && name.hasSuffix(".png") && name.dropFirst(6).dropLast(4).allSatisfy(\.isASCIIDigit) {
            Interruption.changingFiles { try? FileManager.default.removeItem(atPath: folder + "/" + name) }
        }
        do throws(OutputError) {
            try AtomicFile.write(Array("Frames written by tongket video; the next run into this folder replaces them.\n".utf8), to: folder + "/" + framesMarker)
        } catch {
            throw .cannotWrite(path: folder, reason: error.reason)
        }
        let digits = max(5, String(timeline.frameCount).count)
        try FramePipeline.run(timeline, size: size, encode: { renderer, scene, size, bytes throws(RenderError) in
            bytes = try renderer.png(scene, size: size)
        }, consume: { index, bytes throws(VideoError) in
            let number = String(index + 1)
            let path = folder + "/frame-" + String(repeating: "0", count: digits - number.count) + number + ".png"
            do throws(OutputError) {
                try AtomicFile.write(bytes, to: path)
            } catch {
                throw .cannotWrite(path: path, reason: error.reason)
            }
            progress(index + 1, timeline.frameCount)
        })
    }

    /// Renders every frame to raw BGRA and drops it: the benchmark of rendering alone.
    public static func discard(_ timeline: Timeline, size: CanvasSize, progress: Progress = { _, _ in }) throws(VideoError) {
        try FramePipeline.run(timeline, size: size, encode: { renderer, scene, size, bytes throws(RenderError) in
            try renderer.bgra(scene, size: size, into: &bytes)
        }, consume: { index, _ throws(VideoError) in progress(index + 1, timeline.frameCount) })
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
