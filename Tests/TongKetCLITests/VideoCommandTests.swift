import Foundation
import Testing

/// `tongket video` and `report --video`, run as a user would, with the real ffmpeg.
@Suite(.serialized) struct VideoCommandTests {
    static let sample = ReportCommandTests.sample
    /// Short pacing so a test video is seconds long: cards 5 frames, the chart 10, fades 2.
    static let quick = ["--fps", "10", "--entrance", "0.5", "--hold", "0.5", "--card", "0.5", "--cross-fade", "0.2", "--date", "2024-01-15"]

    static var ffprobe: String? {
        ["/usr/bin/ffprobe", "/usr/local/bin/ffprobe"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func probe(_ path: String) throws -> [String: String] {
        let output = try Process.output(try #require(Self.ffprobe), [
            "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height,r_frame_rate,pix_fmt,codec_name,nb_frames:format=duration",
            "-of", "default=noprint_wrappers=1", path])
        var fields: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        return fields
    }

    @Test(.enabled(if: ffprobe != nil, "needs ffmpeg (apt-get install ffmpeg)"))
    func anMP4ThatFFprobeReadsWithTheRightSizeRateAndDuration() throws {
        let folder = try temporaryFolder()
        let output = folder.appendingPathComponent("video.mp4").path
        let result = try CLI.run(["video", Self.sample, "--charts", "kpi", "-o", output] + Self.quick)
        #expect(result.status == 0, "\(result.stderr)")
        // Not a terminal: no progress bar.
        #expect(result.stderr.isEmpty)
        let fields = try probe(output)
        #expect(fields["codec_name"] == "h264")
        #expect(fields["pix_fmt"] == "yuv420p")
        #expect(fields["width"] == "1920" && fields["height"] == "1080")
        #expect(fields["r_frame_rate"] == "10/1")
        // The chart holds until its caption is read at 17 characters a second (at least its 1 s of entrance and
        // hold), between two cards of 5 frames and two fades of 2; a held frame is not sent again (the one before
        // it is shown on), so fewer are stored, and a player shows them all.
        let srt = try String(contentsOfFile: folder.appendingPathComponent("video.srt").path, encoding: .utf8)
        let lines = srt.components(separatedBy: "\r\n")
        try #require(lines.count > 2, "\(srt)")
        let caption = lines[2]
        let frames = 14 + max(10, Int((Double(caption.count) / 17 * 10).rounded(.up)))
        #expect((Int(fields["nb_frames"] ?? "") ?? frames) < frames)
        #expect(abs((Double(fields["duration"] ?? "") ?? 0) - Double(frames) / 10) < 0.05)
        let decoded = try Process.output("/usr/bin/ffmpeg", ["-v", "error", "-i", output, "-fps_mode", "cfr", "-r", "10", "-f", "framemd5", "-"])
        #expect(decoded.split(separator: "\n").filter { !$0.hasPrefix("#") }.count == frames)
        // The same input and date, the same bytes.
        let again = folder.appendingPathComponent("again.mp4").path
        #expect(try CLI.run(["video", Self.sample, "--charts", "kpi", "-o", again] + Self.quick).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(contentsOf: URL(fileURLWithPath: output)))
        try FileManager.default.removeItem(atPath: again)
        try FileManager.default.removeItem(atPath: folder.appendingPathComponent("again.srt").path)
        // The caption's line beside it, for the slide's time.
        #expect(srt.hasPrefix("1\r\n00:00:00,700 --> 00:00:0"))
        #expect(caption.hasPrefix("Kết quả nổi bật năm 2023: "), "\(caption)")
        // +faststart: the index (moov) comes before the frames (mdat), so players start at once.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        let moov = try #require(bytes.range(of: Data("moov".utf8))), mdat = try #require(bytes.range(of: Data("mdat".utf8)))
        #expect(moov.lowerBound < mdat.lowerBound)
        // Nothing else left in the folder (no partial file, no log).
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["video.mp4", "video.srt"])
    }

    @Test func framesDirHoldsOneNumberedPNGPerFrame() throws {
        let folder = try temporaryFolder().appendingPathComponent("frames")
        // The user's own folder is refused, its files untouched.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data([1]).write(to: folder.appendingPathComponent("frame-00099.png"))
        try Data([1]).write(to: folder.appendingPathComponent("notes.txt"))
        let refused = try CLI.run(["video", Self.sample, "--charts", "yoy", "--frames", folder.path] + Self.quick)
        #expect(refused.status == 73 && refused.stderr.contains("holds other files (frame-00099.png, notes.txt)"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["frame-00099.png", "notes.txt"])
        // Into an empty folder, then again into its own frames: a longer earlier run's frames go.
        try FileManager.default.removeItem(at: folder)
        #expect(try CLI.run(["video", Self.sample, "--charts", "yoy,kpi", "--frames", folder.path] + Self.quick).status == 0)
        let result = try CLI.run(["video", Self.sample, "--charts", "yoy", "--frames", folder.path] + Self.quick)
        #expect(result.status == 0, "\(result.stderr)")
        var names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.first == ".tongket-frames")
        names.removeAll { $0 == ".tongket-frames" }
        // Card, fade, the chart held until its caption is read, fade, card: as many frames as the run says, from 1.
        let stated = try #require(Int(result.stdout.split(separator: ":").last?.split(separator: " ").first ?? ""))
        #expect(names.count == stated && stated > 24)
        #expect(names.first == "frame-00001.png" && names.last == String(format: "frame-%05d.png", stated))
        let png = try Data(contentsOf: folder.appendingPathComponent("frame-00012.png"))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // IHDR width and height, big-endian.
        #expect(png[16..<24] == Data([0, 0, 0x07, 0x80, 0, 0, 0x04, 0x38]))
        #expect(result.stdout.contains("\(stated) PNG frames"))
    }

    @Test func withoutFFmpegTheMessageSaysHowToInstallItOrUseFrames() throws {
        let folder = try temporaryFolder()
        let output = folder.appendingPathComponent("video.mp4").path
        let result = try CLI.run(["video", Self.sample, "-o", output] + Self.quick, environment: ["PATH": folder.path])
        #expect(result.status == 69)
        #expect(result.stderr.contains("apt-get install ffmpeg") && result.stderr.contains("--frames"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        // The pack asks before it draws anything.
        let pack = try CLI.run(["report", Self.sample, "--video", "--out", folder.path], environment: ["PATH": folder.path])
        #expect(pack.status == 69)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// The real ffmpeg, made to stop after three frames (as a full disk or a crash would):
    /// the tool notices, says so, and leaves no partial MP4.
    @Test(.enabled(if: ffprobe != nil, "needs ffmpeg (apt-get install ffmpeg)"))
    func whenFFmpegFailsItsWordsAreShownAndThePartialFileRemoved() throws {
        let folder = try temporaryFolder()
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let wrapper = bin.appendingPathComponent("ffmpeg")
        try Data("""
            #!/bin/bash
            args=("$@"); out="${args[-1]}"; unset 'args[-1]'
            exec /usr/bin/ffmpeg "${args[@]}" -frames:v 3 "$out"

            """.utf8).write(to: wrapper)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        let output = folder.appendingPathComponent("out/video.mp4")
        let result = try CLI.run(["video", Self.sample, "--charts", "kpi", "-o", output.path] + Self.quick, environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        #expect(result.status == 70, "\(result.stderr)")
        #expect(result.stderr.contains("ffmpeg"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).isEmpty)

        // And one that refuses its arguments: its own message reaches the user.
        try Data("#!/bin/bash\nexec /usr/bin/ffmpeg -no-such-option \"$@\"\n".utf8).write(to: wrapper)
        let refused = try CLI.run(["video", Self.sample, "--charts", "kpi", "-o", output.path] + Self.quick, environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        #expect(refused.status == 70)
        #expect(refused.stderr.contains("no-such-option"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).isEmpty)
    }

    @Test(.enabled(if: ffprobe != nil, "needs ffmpeg (apt-get install ffmpeg)"))
    func thePackGainsTheVideoWithAManifestEntry() throws {
        let root = try temporaryFolder()
        let result = try CLI.run(["report", Self.sample, "--video", "--out", root.path, "--formats", "pdf"] + Self.quick)
        #expect(result.status == 0, "\(result.stderr)")
        let pack = root.appendingPathComponent("hau-giang/2023")
        let fields = try probe(pack.appendingPathComponent("video.mp4").path)
        #expect(fields["width"] == "1920" && fields["r_frame_rate"] == "10/1")
        let manifest = try String(contentsOf: pack.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"path\" : \"video.mp4\""))
        #expect(manifest.contains("Video tóm tắt"))
        #expect(manifest.contains("\"path\" : \"video.srt\""))
        #expect(FileManager.default.fileExists(atPath: pack.appendingPathComponent("video.srt").path))
    }

    @Test func badChoicesAreUsageErrors() throws {
        let bad = try CLI.run(["video", Self.sample, "--charts", "kpi,pie", "-o", "/tmp/x.mp4"])
        #expect(bad.status == 64 && bad.stderr.contains("pie"))
        let format = try CLI.run(["video", Self.sample, "-o", "/tmp/x.avi"])
        #expect(format.status == 64 && format.stderr.contains(".mp4"))
        let size = try CLI.run(["video", Self.sample, "--size", "huge", "-o", "/tmp/x.mp4"])
        #expect(size.status == 64 && size.stderr.contains("'huge'") && size.stderr.contains("1080p"))
        let paper = try CLI.run(["video", Self.sample, "--size", "a4", "-o", "/tmp/x.mp4"])
        #expect(paper.status == 64 && paper.stderr.contains("screen size"))
        let indicator = try CLI.run(["video", Self.sample, "--indicator", "Số vụ phúc thẩmm", "-o", "/tmp/x.mp4"])
        #expect(indicator.status == 64 && indicator.stderr.contains("Close matches"))
    }
}
