import Foundation
import Testing

/// Failures a user causes with where they send the output: one line, a sysexits code, nothing
/// half-written, never a trap. A full disk is /dev/full and `ulimit -f` (prlimit), both real.
@Suite(.serialized) struct OutputErrorTests {
    static let sample = ReportCommandTests.sample

    /// The binary under `prlimit --fsize=BYTES`: writes past that fail with EFBIG.
    func runLimited(_ bytes: Int, _ arguments: [String], environment: [String: String] = [:]) throws -> CLI.Result {
        try Process.run("/usr/bin/prlimit", ["--fsize=\(bytes)", CLI.binary.path] + arguments, environment: environment)
    }

    func isCharacterDevice(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR
    }

    @Test func aFullDiskIsReportedAndADeviceIsNeverReplaced() throws {
        let summary = try CLI.run(["summary", Self.sample, "--format", "csv", "-o", "/dev/full"])
        #expect(summary.status == 74)
        #expect(summary.stderr.contains("No space left on device"))
        for format in ["png", "pdf", "svg"] {
            let chart = try CLI.run(["chart", "kpi", Self.sample, "--format", format, "-o", "/dev/full"])
            #expect(chart.status == 73, "\(format)")
            #expect(chart.stderr == "/dev/full: cannot write the file (No space left on device); check that the folder exists, is writable and has space\n")
        }
        #expect(isCharacterDevice("/dev/full"))
        // Standard output that is full.
        let piped = try CLI.run(["summary", Self.sample, "--format", "csv", "-o", "/dev/stdout"])
        #expect(piped.status == 0 && piped.stdout.hasPrefix("\u{FEFF}"))
    }

    /// ThreadSanitizer's runtime itself dies under a file-size limit (a bus error in its
    /// shadow memory, even for `check`), so this one runs in normal and ASan builds.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit"), "needs prlimit (util-linux)"),
          .disabled(if: Sanitizer.thread, "ThreadSanitizer cannot run under a file-size limit"))
    func aFileSizeLimitFailsTheRunCleanly() throws {
        let root = try temporaryFolder()
        let first = try CLI.run(["report", Self.sample, "--out", root.path, "--formats", "pdf", "--date", "2024-01-15"])
        #expect(first.status == 0)
        let pack = root.appendingPathComponent("hau-giang/2023")
        let before = try FileManager.default.contentsOfDirectory(atPath: pack.path).sorted()
        let limited = try runLimited(50_000, ["report", Self.sample, "--out", root.path, "--date", "2030-01-01"])
        #expect(limited.status == 73)
        #expect(limited.stderr.contains("File too large"))
        #expect(limited.stderr.split(separator: "\n").count == 1)
        // Named as the pack's file, not the hidden folder it was being written in.
        #expect(limited.stderr.hasPrefix(pack.path + "/") && !limited.stderr.contains(".building-"), "\(limited.stderr)")
        // No staging folder left; the swap's lock file stays beside the pack.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("hau-giang").path).sorted() == [".2023.lock", "2023"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: pack.path).sorted() == before)
        // A PDF cut short by the limit is not left behind as if it were whole.
        let chart = try runLimited(1_000, ["chart", "kpi", Self.sample, "-o", root.appendingPathComponent("kpi.pdf").path])
        #expect(chart.status == 73 && chart.stderr.contains("File too large"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("kpi.pdf").path))
        // The video: ffmpeg stopped by the limit is the same one line and exit 73 (it was 70 and
        // ffmpeg's five lines), and neither the MP4 nor ffmpeg's log is left anywhere.
        let scratch = try temporaryFolder()
        let video = try runLimited(200_000, ["video", Self.sample, "-o", root.appendingPathComponent("v.mp4").path], environment: ["TMPDIR": scratch.path])
        #expect(video.status == 73, "\(video.stderr)")
        #expect(video.stderr == root.appendingPathComponent("v.mp4").path + ": cannot write (File too large); choose another place with -o or --frames.\n", "\(video.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
        #expect(try !FileManager.default.contentsOfDirectory(atPath: root.path).contains { $0.hasSuffix(".mp4") })
    }

    @Test func aFileWhereAFolderShouldBeIsNamed() throws {
        let root = try temporaryFolder()
        let file = try write("x", to: "notes.txt", in: root)
        let report = try CLI.run(["report", Self.sample, "--out", file + "/packs"])
        #expect(report.status == 73)
        #expect(report.stderr.contains("\(file) is a file, not a folder"))
        let video = try CLI.run(["video", Self.sample, "--frames", file + "/frames"])
        #expect(video.status == 73 && video.stderr.contains("is a file, not a folder"))
        let chart = try CLI.run(["chart", "kpi", Self.sample, "-o", file + "/kpi.png"])
        #expect(chart.status == 73 && chart.stderr.hasPrefix(file + "/kpi.png: cannot write the file ("))
        let folderAsInput = try CLI.run(["check", root.path])
        #expect(folderAsInput.status == 66 && folderAsInput.stderr.contains("is a folder, not a CSV file"))
        for result in [report, video, chart, folderAsInput] {
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("NSCocoaErrorDomain"))
        }
    }
}
