import Foundation
import Testing
@testable import TongKetReport

/// After a SIGKILL nothing could undo, the next run into the same Output tidies what the
/// killed run left and puts back a pack it had only set aside; a live run's files stay.
@Suite struct KilledRunTests {
    /// The id of a process that has ended.
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func aPackLeftOnlySetAsideIsPutBackAndTheDeadRunsFoldersRemoved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-killed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dead = try Self.deadPID(), alive = getpid()
        for name in [".2023.old-\(dead)", ".2023.building-\(dead)", ".2023.building-\(alive)", ".2024.building-\(dead)"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try Data("the previous pack".utf8).write(to: folder.appendingPathComponent(".2023.old-\(dead)/manifest.json"))
        ReportPack.recoverKilledRuns(folder.appendingPathComponent("2023"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        // Put back; the dead run's staging gone; this (live) process's and another year's untouched.
        #expect(names == [".2023.building-\(alive)", ".2024.building-\(dead)", "2023"])
        #expect(try String(contentsOf: folder.appendingPathComponent("2023/manifest.json"), encoding: .utf8) == "the previous pack")
        // With a pack in place, a set-aside one is only removed.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".2023.old-\(dead)"), withIntermediateDirectories: true)
        ReportPack.recoverKilledRuns(folder.appendingPathComponent("2023"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".2023.old-\(dead)").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("2023/manifest.json").path))
    }
}
