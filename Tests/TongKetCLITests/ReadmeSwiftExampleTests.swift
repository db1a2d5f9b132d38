import Foundation
import Testing

/// The README's "Use it from Swift" example, exactly as written there, as the `main.swift` of
/// a client package that depends on this one by path: it must build, run on the bundled
/// sample, and write a 1920×1080 PNG.
@Suite struct ReadmeSwiftExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The first ```swift block after the "Use it from Swift" heading.
    static func example() throws -> String {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Use it from Swift"), "the README has no \"Use it from Swift\" section")
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```swift\n"), "no ```swift block in the section")
        let close = try #require(rest[open.upperBound...].range(of: "\n```"))
        return String(rest[open.upperBound..<close.lowerBound]) + "\n"
    }

    @Test func theExampleBuildsAgainstThePackageAndWritesASlidePNG() throws {
        let client = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: client) }
        let manifest = """
            // swift-tools-version: 6.0
            import PackageDescription

            let package = Package(
                name: "scorecard",
                dependencies: [.package(path: "TongKet")],
                targets: [.executableTarget(name: "scorecard", dependencies: [.product(name: "TongKet", package: "TongKet")])]
            )
            """
        try FileManager.default.createDirectory(at: client.appendingPathComponent("Sources/scorecard"), withIntermediateDirectories: true)
        // The README's `.package(path: "../TongKet")`: a package is known by its folder's name,
        // whatever this checkout's folder is called.
        try FileManager.default.createSymbolicLink(at: client.appendingPathComponent("TongKet"), withDestinationURL: Self.root)
        try Data(manifest.utf8).write(to: client.appendingPathComponent("Package.swift"))
        try Data(Self.example().utf8).write(to: client.appendingPathComponent("Sources/scorecard/main.swift"))
        // A build folder of its own inside this checkout (ignored by git), kept between runs.
        let scratch = Self.root.appendingPathComponent(".build-readme-example").path
        let build = try Process.run("/usr/bin/env", ["swift", "build", "--package-path", client.path, "--scratch-path", scratch])
        #expect(build.status == 0, "\(build.stdout)\n\(build.stderr)")
        guard build.status == 0 else { return }

        let png = client.appendingPathComponent("scorecard.png").path
        let sample = Self.root.appendingPathComponent("Datasets/hau-giang.csv").path
        let run = try Process.run(scratch + "/debug/scorecard", [sample, png])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "wrote \(png)\n")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: png)))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // IHDR: width and height, big-endian, at bytes 16 and 20.
        func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(word(16) == 1920 && word(20) == 1080)

        let usage = try Process.run(scratch + "/debug/scorecard", [])
        #expect(usage.status == 64)
    }
}
