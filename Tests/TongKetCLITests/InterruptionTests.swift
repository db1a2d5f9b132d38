import Foundation
import Testing

/// Ctrl-C and SIGTERM in the middle of a pack or a video: no unfinished file stays, the
/// previous pack is as it was, and ffmpeg does not outlive the run.
@Suite(.serialized) struct InterruptionTests {
    static let sample = ReportCommandTests.sample

    /// Starts the binary, waits until `ready` holds (the run is under way), sends `signal`.
    func interrupt(_ arguments: [String], with signal: Int32, when ready: () -> Bool) throws -> Int32 {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var waited = 0
        while !ready(), process.isRunning, waited < 6000 { usleep(5000); waited += 1 }
        #expect(process.isRunning, "the run ended before it could be interrupted")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }

    func contents(_ folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return out }
        for case let path as String in walker {
            out[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return out
    }

    func hidden(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".") }
    }

    /// No process (ffmpeg) still names a file in `folder`.
    func processes(naming folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return line.contains(folder.path) ? line : nil
        }
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedPackLeavesThePreviousOneAsItWas(signal: Int32) throws {
        let root = try temporaryFolder()
        let first = try CLI.run(["report", Self.sample, "--out", root.path, "--formats", "pdf", "--date", "2024-01-15"])
        #expect(first.status == 0)
        let datasetFolder = root.appendingPathComponent("hau-giang")
        let before = contents(datasetFolder.appendingPathComponent("2023"))
        let status = try interrupt(["report", Self.sample, "--out", root.path, "--formats", "png,pdf,svg", "--date", "2030-12-31"], with: signal) {
            hidden(in: datasetFolder).contains { $0.hasPrefix(".2023.building-") }
        }
        #expect(status == (signal == SIGINT ? 130 : 128 + signal))
        #expect(hidden(in: datasetFolder).isEmpty)
        #expect(contents(datasetFolder.appendingPathComponent("2023")) == before)
    }

    @Test(.enabled(if: VideoCommandTests.ffprobe != nil, "needs ffmpeg"))
    func anInterruptedVideoLeavesNoPartialFileAndNoFFmpeg() throws {
        let folder = try temporaryFolder()
        let status = try interrupt(["video", Self.sample, "-o", folder.appendingPathComponent("video.mp4").path, "--hold", "20"], with: SIGTERM) {
            hidden(in: folder).contains { $0.contains(".partial-") }
        }
        #expect(status == 128 + SIGTERM)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(processes(naming: folder).isEmpty)
    }
}
