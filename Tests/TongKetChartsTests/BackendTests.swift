import Foundation
import Testing
import TongKetAnalytics
import TongKetCairo
import TongKetCharts

/// The real Cairo/Pango backend: pixels where the bars are, PNG sizes, PDF pages and fonts.
extension RenderingTests {
@Suite struct BackendTests {
    func scene(_ kind: ChartKind = .scorecard, size: CanvasSize = .slide, theme: Theme = .light) throws -> ChartScene {
        let renderer = try #require(sharedRenderer)
        let context = ChartContext(size: size, theme: theme, language: .vi, measurer: renderer.measurer)
        return Charts.scene(ChartRequest(kind: kind, year: 2023, indicator: kind.needsIndicator ? 0 : nil), metrics: try ChartFixtures.sample(), context: context)
    }

    @Test func pixelsInsideABarHaveTheBarsColour() throws {
        let renderer = try #require(sharedRenderer)
        let scene = try scene()
        let bar = try #require(scene.rects.first { $0.fill == Theme.light.met })
        let frame = try renderer.bgra(scene, size: .slide)
        let x = Int(bar.frame.midX), y = Int(bar.frame.midY)
        let i = (y * frame.width + x) * 4
        let (b, g, r) = (frame.pixels[i], frame.pixels[i + 1], frame.pixels[i + 2])
        #expect(abs(Int(r) - Int(Theme.light.met.red * 255)) <= 2)
        #expect(abs(Int(g) - Int(Theme.light.met.green * 255)) <= 2)
        #expect(abs(Int(b) - Int(Theme.light.met.blue * 255)) <= 2)
        let corner = 4 * (5 * frame.width + 5)
        #expect(frame.pixels[corner] == 255 && frame.pixels[corner + 1] == 255 && frame.pixels[corner + 2] == 255)
    }

    @Test(arguments: [(CanvasSize.slide, 1920, 1080), (.uhd, 3840, 2160), (.a4, 2480, 3508), (.a4Landscape, 3508, 2480)])
    func pngHasThePresetsPixelSize(size: CanvasSize, width: Int, height: Int) throws {
        let renderer = try #require(sharedRenderer)
        let png = try renderer.png(try scene(size: size), size: size)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func be32(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(be32(16) == width)
        #expect(be32(20) == height)
    }

    @Test func theSameSceneGivesTheSamePNGBytes() throws {
        let renderer = try #require(sharedRenderer)
        let a = try renderer.png(try scene(.heatmap), size: .slide)
        let b = try renderer.png(try scene(.heatmap), size: .slide)
        #expect(a == b)
    }

    @Test func nfdTextRendersLikeNFC() throws {
        let renderer = try #require(sharedRenderer)
        let style = TextStyle(role: .label, size: 40, color: ChartColor(hex: 0), family: "Noto Sans")
        func picture(_ text: String) throws -> [UInt8] {
            let scene = ChartScene(width: 400, height: 100, background: ChartColor(hex: 0xFFFFFF),
                              items: [.text(TextRun(text: text, style: style, frame: Rect(x: 10, y: 10, width: 380, height: 60)))])
            return try renderer.bgra(scene, size: CanvasSize(width: 400, height: 100, name: "t")).pixels
        }
        let nfc = "Phòng Thực hành".precomposedStringWithCanonicalMapping
        let nfd = "Phòng Thực hành".decomposedStringWithCanonicalMapping
        #expect(try picture(nfc) == picture(nfd))
    }

    @Test func missingFontsAndFontsWithoutVietnameseAreRefused() throws {
        let renderer = try #require(sharedRenderer)
        try renderer.measurer.checkFont("Noto Sans")
        try renderer.measurer.checkFont("Noto Serif")
        #expect(throws: RenderError.self) { try renderer.measurer.checkFont("No Such Font Family 42") }
    }

    func tool(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(name)")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static let poppler = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo")

    @Test(.enabled(if: poppler, "needs poppler-utils (pdfinfo, pdffonts, pdftotext)"))
    func pdfHasOnePagePerSceneEmbeddedFontsAndSearchableVietnamese() throws {
        let renderer = try #require(sharedRenderer)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("deck.pdf").path
        let scenes = try [scene(.scorecard), scene(.kpi), scene(.heatmap)]
        try renderer.pdf(scenes, info: .init(title: "Tổng kết 2023", subject: "thử"), to: path)
        let again = folder.appendingPathComponent("again.pdf").path
        try renderer.pdf(scenes, info: .init(title: "Tổng kết 2023", subject: "thử"), to: again)
        #expect(FileManager.default.contents(atPath: path) == FileManager.default.contents(atPath: again))
        let info = try tool("pdfinfo", [path]), fonts = try tool("pdffonts", [path]), text = try tool("pdftotext", [path, "-"])
        func field(_ name: String) -> String? {
            info.split(separator: "\n").first { $0.hasPrefix(name + ":") }.map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
        }
        #expect(field("Pages") == "3")
        #expect(field("Page size")?.hasPrefix("1920 x 1080 pts") == true)
        #expect(field("Title") == "Tổng kết 2023")
        #expect(fonts.contains("NotoSans"))
        #expect(fonts.contains("CID TrueType"))
        #expect(!fonts.contains("Type 3"))
        #expect(text.contains("Tỷ lệ chỉ tiêu được giao đã đạt, theo đơn vị"))
        #expect(text.contains("Kết quả nổi bật toàn tỉnh năm 2023"))
    }

    @Test func svgIsWritten() throws {
        let renderer = try #require(sharedRenderer)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try renderer.svg(try scene(.trend), to: path)
        let text = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
        #expect(text.contains("<svg"))
        #expect(text.contains("width=\"1920pt\"") || text.contains("width=\"1920\""))
    }

    /// Every character the charts write is in the theme's own font: no glyph borrowed from
    /// another family (a minus, a ≤, an arrow) in a different design.
    @Test(arguments: Theme.all.map(\.name))
    func chartTextNeedsNoBorrowedGlyphs(themeName: String) throws {
        let renderer = try #require(sharedRenderer)
        let theme = try #require(Theme.named(themeName))
        for kind in ChartKind.allCases {
            for language in [Language.vi, .en] {
                let context = ChartContext(size: .slide, theme: theme, language: language, measurer: renderer.measurer)
                let scene = Charts.scene(ChartRequest(kind: kind, year: 2023, indicator: kind.needsIndicator ? 0 : nil), metrics: try ChartFixtures.sample(), context: context)
                let text = scene.texts.map(\.text).joined()
                #expect(try renderer.measurer.missingCharacters(in: text, family: theme.fontFamily) == "", "\(kind) \(themeName) \(language)")
            }
        }
    }
}
}
