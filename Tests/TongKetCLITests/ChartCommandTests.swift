import Foundation
import Testing

@Suite struct ChartCommandTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Datasets/hau-giang.csv").path

    @Test(arguments: ["png", "pdf", "svg"])
    func chartWritesTheFormatOfTheExtension(ext: String) throws {
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("yoy.\(ext)").path
        let result = try CLI.run(["chart", "yoy", Self.sample, "--indicator", "Số vụ thực hành quyền công tố", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try #require(FileManager.default.contents(atPath: out))
        let magic: [String: [UInt8]] = ["png": [0x89, 0x50, 0x4E, 0x47], "pdf": Array("%PDF".utf8), "svg": Array("<?xm".utf8)]
        #expect(Array(bytes.prefix(4)) == magic[ext])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["yoy.\(ext)"])
    }

    @Test func aMistypedIndicatorListsCloseMatchesAndWritesNothing() throws {
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("x.png").path
        let result = try CLI.run(["chart", "completion", Self.sample, "--indicator", "So kien nghi da ban hanh x", "-o", out])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Close matches"))
        #expect(result.stderr.contains("Số kiến nghị đã ban hành"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func anIndicatorKindWithoutIndicatorIsAUsageError() throws {
        let result = try CLI.run(["chart", "trend", Self.sample, "-o", "/tmp/never.png"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--indicator"))
    }

    @Test(arguments: [["--size", "huge"], ["--theme", "neon"], ["--format", "gif"]])
    func badChartOptionsAreUsageErrors(extra: [String]) throws {
        let result = try CLI.run(["chart", "kpi", Self.sample, "-o", "/tmp/never.png"] + extra)
        #expect(result.status == 64, "\(result.stderr)")
    }
}
