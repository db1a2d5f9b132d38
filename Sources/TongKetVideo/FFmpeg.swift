import Foundation
import TongKetOutput
import TongKetCairo
#if canImport(Glibc)
import Glibc
#endif

/// ffmpeg as a child process: raw BGRA frames on its stdin, H.264 in an MP4 out. Its stderr
/// goes to a file (a pipe nobody reads could fill and stall it) and is shown if it fails.
final class FFmpeg: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let log: URL

    /// The first `ffmpeg` on PATH, as a shell would find it.
    static func locate() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = String(folder) + "/ffmpeg"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// x264's threads: its output depends on how many, so it is not left to the machine.
    static let threads = 3

    /// `frameTimes`: the frame number of the n-th frame sent (`N`), an ffmpeg expression;
    /// "N" when every frame is sent.
    init(width: Int, height: Int, fps: Int, frameTimes: String = "N", output: String) throws(VideoError) {
        guard let executable = Self.locate() else { throw .ffmpegMissing }
        // A closed pipe must come back as an error from write(2), not kill the process.
        signal(SIGPIPE, SIG_IGN)
        log = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("tongket-ffmpeg-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "-hide_banner", "-loglevel", "error", "-y",
            // 4:2:0 frames already in BT.709's studio range (`YUVFrame`), tagged so players read them so.
            "-f", "rawvideo", "-pix_fmt", "yuv420p", "-color_range", "tv", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
            "-video_size", "\(width)x\(height)", "-framerate", String(fps), "-i", "pipe:0",
            // Each frame's time on the 1/fps grid (`frameTimes`): the frames sent are the ones
            // that change, each shown until the next.
            "-vf", "setpts=(\(frameTimes))/(\(fps)*TB)", "-fps_mode", "passthrough",
            // The encoder's threads fixed, so the same frames give the same bytes on any machine;
            // bitexact keeps the muxer's version string out of the file.
            "-an", "-c:v", "libx264", "-preset", "veryfast", "-tune", "animation", "-crf", "20", "-threads", "\(Self.threads)",
            "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv",
            "-fflags", "+bitexact", "-map_metadata", "-1", "-movflags", "+faststart", output,
        ]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        do {
            process.standardError = try FileHandle(forWritingTo: log)
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: log)
            throw .ffmpegFailed(reason: "could not be started (\(executable))", output: error.localizedDescription)
        }
    }

    deinit { try? FileManager.default.removeItem(at: log) }

    func write(_ bytes: [UInt8]) throws(VideoError) {
        let descriptor = input.fileHandleForWriting.fileDescriptor
        let failed = bytes.withUnsafeBytes { writeAll(descriptor, $0) } != 0
        // ffmpeg stopped reading: it has failed; its own words say why.
        if failed { throw finish() ?? .ffmpegFailed(reason: "stopped reading frames before the end", output: logText) }
    }

    /// Closes its input and waits; the error if it did not succeed.
    @discardableResult
    func finish() -> VideoError? {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus != 0 || process.terminationReason != .exit else { return nil }
        let reason = process.terminationReason == .exit ? "exited with status \(process.terminationStatus)" : "was killed by signal \(process.terminationStatus)"
        return .ffmpegFailed(reason: reason, output: logText)
    }

    private var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Kills it at once and waits for it to be gone (an interrupted run).
    func kill() {
        guard process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        for _ in 0..<200 where process.isRunning { usleep(10_000) }
    }

    /// Stops it without waiting for the rest of the frames.
    func cancel() {
        if process.isRunning { process.terminate() }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
