import Foundation
import Testing

/// Huge and pathological files through the real binary: figures or one clear error, memory
/// below the file's size, nothing that hangs.
@Suite(.serialized) struct HostileInputTests {
    static let stress = CLI.binary.deletingLastPathComponent().appendingPathComponent("tongket-stress")

    static func stress(_ arguments: [String]) throws {
        let result = try Process.run(stress.path, arguments)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Sanitizers' shadow memory multiplies every footprint: memory is measured in normal builds.
    @Test(.disabled(if: Sanitizer.any, "memory is measured without sanitizers"))
    func aHugeExportIsSummarisedInLessMemoryThanItsSize() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge.csv").path
        try Self.stress(["huge", "200", path])
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size > 199_000_000)
        let result = try Process.run(CLI.binary.deletingLastPathComponent().appendingPathComponent("tongket-bench").path, [path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("rows=2151961 units=5000 indicators=60"))
        let peak = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("peak memory: ") }.flatMap { Int($0.dropFirst(13).dropLast(3)) })
        // About 180 MB alone (the README's figure is the bench's); with the rest of the suite on
        // both cores it was once 334 MB: bounded at twice the file, well inside #21's 3× the input.
        #expect(peak * 1_000_000 < 2 * size, "peak \(peak) MB for a \(size / 1_000_000) MB file")

        // Over the limit: refused before reading, with the way out.
        let refused = try CLI.run(["check", path, "--max-size", "100"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("more than the limit of 100 MB") && refused.stderr.contains("--max-size"))
    }

    @Test func pathologicalFilesEndWithFiguresOrOneClearError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.stress(["pathological", folder.path])
        func check(_ name: String) throws -> CLI.Result { try CLI.run(["check", folder.appendingPathComponent(name).path]) }

        let long = try check("long-field.csv")
        #expect(long.status == 65)
        #expect(long.stderr.contains("long-field.csv:2:2:") && long.stderr.contains("100000000 bytes long"))

        // Excel's empty columns, a million of them, are only empty columns.
        for name in ["million-delimiters.csv", "million-columns.csv"] {
            let wide = try check(name)
            #expect(wide.status == 0, "\(name): \(wide.stderr)")
            #expect(wide.stdout.contains("1 rows, 1 units"))
        }

        let units = try CLI.run(["summary", folder.appendingPathComponent("million-units.csv").path, "--format", "csv", "-o", folder.appendingPathComponent("m.csv").path])
        #expect(units.status == 0, "\(units.stderr)")
        let lines = try String(contentsOf: folder.appendingPathComponent("m.csv"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1 + 2_000_000 + 2)

        let quote = try check("open-quote.csv")
        #expect(quote.status == 65)
        #expect(quote.stderr.contains("open-quote.csv:2:2: a quoted value opens here"))
        #expect(quote.stderr.split(separator: "\n").count <= 3)
    }
}

extension HostileInputTests {
    /// A device never ends: refused at once, not read up to --max-size (it read 2 GB).
    @Test func aDeviceIsRefusedAtOnce() throws {
        let result = try CLI.run(["check", "/dev/zero", "--lang", "en"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/dev/zero: is a device, not an export"))
    }
}
