import Foundation
import Testing

/// The library as a client package sees it: the README's "Use it from Swift" example and the
/// DocC walk-through's three programs, exactly as written there, as executable targets of a
/// package that depends on this one by path. Each must build and run on the bundled sample;
/// a client that reaches for an internal type must not build.
@Suite(.serialized) struct ReadmeSwiftExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sample = root.appendingPathComponent("Datasets/hau-giang.csv").path

    /// The ```swift blocks of `text` from `start` on, each with its name: the word before the
    /// first colon of its first line (`// a4-chart: …`), or `fallback` for the README's.
    static func programs(in text: String, after heading: String, fallback: String? = nil) throws -> [(name: String, code: String)] {
        let section = try #require(text.range(of: heading), "no \"\(heading)\"")
        var rest = text[section.upperBound...]
        var out: [(String, String)] = []
        while let open = rest.range(of: "```swift\n"), let close = rest[open.upperBound...].range(of: "\n```") {
            let code = String(rest[open.upperBound..<close.lowerBound]) + "\n"
            rest = rest[close.upperBound...]
            if let fallback {
                out.append((fallback, code))
                break
            }
            let first = code.prefix { $0 != "\n" }
            guard first.hasPrefix("// "), let colon = first.firstIndex(of: ":") else { continue }
            out.append((String(first.dropFirst(3)[..<colon]), code))
        }
        return out
    }

    /// The client package with one executable target per program; its build folder is kept
    /// inside this checkout (ignored by git) between runs.
    static func client(_ programs: [(name: String, code: String)]) throws -> (folder: URL, scratch: String) {
        let client = try temporaryFolder()
        let targets = programs.map { ".executableTarget(name: \"\($0.name)\", dependencies: [.product(name: \"TongKet\", package: \"TongKet\")])" }
        let manifest = """
            // swift-tools-version: 6.0
            import PackageDescription

            let package = Package(
                name: "client",
                dependencies: [.package(path: "TongKet")],
                targets: [\(targets.joined(separator: ",\n        "))]
            )
            """
        for program in programs {
            let folder = client.appendingPathComponent("Sources/\(program.name)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(program.code.utf8).write(to: folder.appendingPathComponent("main.swift"))
        }
        // The README's `.package(path: "../TongKet")`: a package is known by its folder's name,
        // whatever this checkout's folder is called.
        try FileManager.default.createSymbolicLink(at: client.appendingPathComponent("TongKet"), withDestinationURL: root)
        try Data(manifest.utf8).write(to: client.appendingPathComponent("Package.swift"))
        return (client, root.appendingPathComponent(".build-readme-example").path)
    }

    static func build(_ client: URL, _ scratch: String, product: String) throws -> CLI.Result {
        try Process.run("/usr/bin/env", ["swift", "build", "--package-path", client.path, "--scratch-path", scratch, "--product", product])
    }

    @Test func theREADMEAndTheWalkThroughBuildAndRunInAClientPackage() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let article = try String(contentsOf: Self.root.appendingPathComponent("Sources/TongKet/TongKet.docc/ThreePrograms.md"), encoding: .utf8)
        let walkThrough = try Self.programs(in: article, after: "## Overview")
        #expect(walkThrough.map(\.name) == ["province-table", "a4-chart", "own-chart"])
        let internalUse = (name: "uses-internal", code: "import TongKet\nlet tokenizer = CSVTokenizer.self\nprint(tokenizer)\n")
        let programs = try Self.programs(in: readme, after: "## Use it from Swift", fallback: "scorecard") + walkThrough + [internalUse]
        let (client, scratch) = try Self.client(programs)
        defer { try? FileManager.default.removeItem(at: client) }
        for program in programs.dropLast() {
            let build = try Self.build(client, scratch, product: program.name)
            #expect(build.status == 0, "\(program.name): \(build.stdout)\n\(build.stderr)")
            // A client's build says nothing of the package's own flags (once: -pthread, twice).
            #expect(!build.stderr.contains("prohibited flag") && !build.stdout.contains("prohibited flag"), "\(build.stdout)\n\(build.stderr)")
            guard build.status == 0 else { return }
        }
        // What the library keeps to itself does not compile in a client.
        let refused = try Self.build(client, scratch, product: internalUse.name)
        #expect(refused.status != 0 && (refused.stdout + refused.stderr).contains("cannot find 'CSVTokenizer' in scope"))

        // README: the scorecard of any export as a 1920×1080 PNG.
        let png = client.appendingPathComponent("scorecard.png").path
        let run = try Process.run(scratch + "/debug/scorecard", [Self.sample, png])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "wrote \(png)\n")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: png)))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // IHDR: width and height, big-endian, at bytes 16 and 20.
        func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(word(16) == 1920 && word(20) == 1080)
        #expect(try Process.run(scratch + "/debug/scorecard", []).status == 64)

        // The province's table, then a unit found by a part of its name.
        let table = try Process.run(scratch + "/debug/province-table", [Self.sample, "ngã bảy"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Toàn tỉnh năm 2023\n"))
        #expect(table.stdout.contains("\nVKSND thành phố Ngã Bảy: "), "\(table.stdout)")
        let unknown = try Process.run(scratch + "/debug/province-table", [Self.sample, "Phòng 99"])
        #expect(unknown.status == 1 && unknown.stderr.hasPrefix("No unit is called \"Phòng 99\". Close matches: Phòng 7; Phòng 8"), "\(unknown.stderr)")

        // An A4 page in points with the writer's author.
        let pdf = client.appendingPathComponent("chart.pdf").path
        let a4 = try Process.run(scratch + "/debug/a4-chart", [Self.sample, "kháng nghị phúc thẩm", pdf])
        #expect(a4.status == 0, "\(a4.stderr)")
        let info = try Process.run("/usr/bin/pdfinfo", [pdf])
        #expect(info.stdout.contains("Author:          Phòng Tổng hợp") && info.stdout.contains("595.28 x 841.89 pts"), "\(info.stdout)")

        // Its own chart: one bar in the spec's own colour.
        let own = try Process.run(scratch + "/debug/own-chart", [Self.sample, "kháng nghị phúc thẩm", client.appendingPathComponent("own.png").path])
        #expect(own.status == 0, "\(own.stderr)")
        #expect(own.stdout == "bars in the house colour: 1\n", "\(own.stdout)")
    }
}
