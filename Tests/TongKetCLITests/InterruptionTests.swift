import Foundation
import Testing

/// Ctrl-C and SIGTERM in the middle of a pack or a video: no unfinished file stays, the
/// previous pack is as it was, and ffmpeg does not outlive the run.
@Suite(.serialized) struct InterruptionTests {
    static let sample = ReportCommandTests.sample

    /// The binary running in the background, its output dropped.
    func started(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Starts the binary, waits until `ready` holds (the run is under way), sends `signal`.
    func interrupt(_ arguments: [String], with signal: Int32, when ready: () -> Bool) throws -> Int32 {
        let process = try started(arguments)
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
        // Nothing but the swap's lock file (kept, a few bytes, for the next run to take turns at).
        #expect(hidden(in: datasetFolder).filter { $0 != ".2023.lock" }.isEmpty)
        #expect(contents(datasetFolder.appendingPathComponent("2023")) == before)
    }

    /// Every file and folder under `root` whose name says it was left half done.
    func leftovers(under root: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { path in
            let name = URL(fileURLWithPath: path).lastPathComponent
            return name.contains(".building-") || name.contains(".old-") || name.hasSuffix(".tmp")
        }
    }

    /// SIGTERM at 32 moments spread evenly over a whole pack's run (timed on this machine
    /// first, so the spread does not depend on its speed): each time no staging folder, old
    /// pack or temporary file stays, and the pack is the previous one or the new one, whole.
    @Test func aPackKilledAtAnyMomentLeavesThePreviousOrTheNewOneAndNoTrace() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("hau-giang/2023")
        let dates = ["2024-01-15", "2030-12-31"]
        func arguments(_ date: String) -> [String] { ["report", Self.sample, "--out", root.path, "--formats", "svg", "--date", date] }
        var packs: [[String: Data]] = []
        let clock = ContinuousClock()
        var run = Duration.zero
        for date in dates {
            let start = clock.now
            #expect(try CLI.run(arguments(date)).status == 0)
            run = clock.now - start
            packs.append(contents(folder))
        }
        #expect(packs[0] != packs[1] && packs[0].count == packs[1].count)
        var current = 1, interrupted = 0
        let moments = 32
        for moment in 0..<moments {
            let target = 1 - current
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = arguments(dates[target])
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Spread over most of a run: a busy machine runs slower than the timing said.
            usleep(UInt32(run / .microseconds(1) * 0.9 * (Double(moment) + 0.5) / Double(moments)))
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            let status = process.terminationStatus
            #expect(status == 0 || status == 128 + SIGTERM, "moment \(moment): exit \(status)")
            if status != 0 { interrupted += 1 }
            #expect(leftovers(under: root).isEmpty, "moment \(moment) of \(moments): \(leftovers(under: root))")
            let now = contents(folder)
            #expect(now == packs[current] || now == packs[target], "moment \(moment): the pack is neither the previous one nor the new one")
            if now == packs[target] { current = target }
        }
        // Most moments fell inside a run (a kill after the end tests nothing).
        #expect(interrupted >= moments * 2 / 3, "only \(interrupted) of \(moments) runs were interrupted")
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

extension InterruptionTests {
    /// Two runs into one Output at once: both succeed (they take turns at the swap), and the
    /// pack is whole.
    @Test func twoRunsAtOnceBothSucceed() throws {
        let root = try temporaryFolder()
        let arguments = ["report", Self.sample, "--out", root.path, "--no-office", "--formats", "pdf", "--date", "2024-12-20"]
        for _ in 0..<6 {
            let other = try started(arguments)
            let mine = try CLI.run(arguments)
            other.waitUntilExit()
            #expect(mine.status == 0 && other.terminationStatus == 0, "\(mine.stderr)")
        }
        let pack = root.appendingPathComponent("hau-giang")
        #expect(try FileManager.default.contentsOfDirectory(atPath: pack.path).sorted() == [".2023.lock", "2023"])
        #expect(FileManager.default.fileExists(atPath: pack.appendingPathComponent("2023/manifest.json").path))
    }
}
