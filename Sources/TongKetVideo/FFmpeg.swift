import Foundation
import TongKetOutput
import TongKetCairo
#if canImport(Glibc)
import Glibc
#endif

/// ffmpeg as a child process: raw 4:2:0 frames on its stdin, H.264 in an MP4 out. Its stderr
/// goes to a file (a pipe nobody reads could fill and stall it) and is shown if it fails; the
/// file is unlinked as soon as both ends are open, so no run, however it ends, leaves it behind.
final class FFmpeg: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let log: FileHandle
    /// The MP4 as the user named it, for messages (ffmpeg writes a temporary name beside it).
    private let shownPath: String

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
    init(width: Int, height: Int, fps: Int, frameTimes: String = "N", output: String, shownAs shownPath: String) throws(VideoError) {
        guard let executable = Self.locate() else { throw .ffmpegMissing }
        // A closed pipe must come back as an error from write(2), not kill the process.
        signal(SIGPIPE, SIG_IGN)
        self.shownPath = shownPath
        let logPath = NSTemporaryDirectory() + "/tongket-ffmpeg-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log"
        let writing: FileHandle
        do {
            guard FileManager.default.createFile(atPath: logPath, contents: nil) else { throw OutputError(path: logPath, reason: "cannot create it") }
            defer { unlink(logPath) }
            writing = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
            log = try FileHandle(forReadingFrom: URL(fileURLWithPath: logPath))
        } catch {
            throw .ffmpegFailed(reason: "could not be started (its log in \(NSTemporaryDirectory()) cannot be created)", output: error.localizedDescription)
        }
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
        process.standardError = writing
        do {
            try process.run()
        } catch {
            throw .ffmpegFailed(reason: "could not be started (\(executable))", output: error.localizedDescription)
        }
        try? writing.close()
    }

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
        let said = logText
        // The disk, not ffmpeg: one line naming the user's file, as any other write says it.
        if process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGXFSZ {
            return .cannotWrite(path: shownPath, reason: "File too large: over the size limit of files set for this shell, `ulimit -f`")
        }
        for reason in ["No space left on device", "Disk quota exceeded", "File too large"] where said.contains(reason) {
            return .cannotWrite(path: shownPath, reason: reason)
        }
        let reason = process.terminationReason == .exit ? "exited with status \(process.terminationStatus)" : "was killed by signal \(process.terminationStatus)"
        return .ffmpegFailed(reason: reason, output: said)
    }

    private var logText: String {
        try? log.seek(toOffset: 0)
        return String(decoding: (try? log.readToEnd()) ?? Data(), as: UTF8.self)
    }

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
