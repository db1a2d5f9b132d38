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

/// A logo that is not a PNG, or states a size no logo has, is one line and exit 65 before any work.
@Suite struct LogoTests {
    @Test func aLogoThatIsNotAPNGOrStatesAnImpossibleSizeIsRefusedInOneLine() throws {
        let folder = try temporaryFolder()
        let fake = folder.appendingPathComponent("logo.png")
        try Data("GIF89a, not a PNG".utf8).write(to: fake)
        // A PNG header claiming 20,000 × 20,000 pixels (the image itself would be 1.6 GB).
        var huge: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        huge += [0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20, 8, 6, 0, 0, 0, 0, 0, 0, 0]
        let big = folder.appendingPathComponent("huge.png")
        try Data(huge).write(to: big)
        for (logo, words) in [(fake, "is not a PNG image"), (big, "states 20000×20000 pixels")] {
            let out = folder.appendingPathComponent("kpi.png")
            let result = try CLI.run(["chart", "kpi", ChartCommandTests.sample, "--logo", logo.path, "-o", out.path, "--lang", "en"])
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.contains(words) && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }
}
