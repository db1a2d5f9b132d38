import Foundation
import Testing
@testable import TongKetCairo
import TongKetCharts

/// Our own deflate for PNGs: every file is read back by libpng (through cairo, as a logo is)
/// and compared pixel for pixel; the checksum and the Huffman codes are checked on their own.
extension RenderingTests {
@Suite struct PNGEncoderTests {
    enum Pattern: String, CaseIterable, CustomTestStringConvertible {
        /// Every byte a literal: the Huffman codes carry it all.
        case noise
        /// One colour: runs only.
        case flat
        /// Bars and gaps with a few stray pixels: runs, rows repeating the row above, literals.
        case bars
        /// A small "glyph" stamped at irregular places: matches found by the hash.
        case stamps
        /// Every pixel a different colour from its neighbours, smoothly.
        case gradient

        var testDescription: String { rawValue }

        func colour(_ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8) {
            switch self {
            case .noise:
                var h = UInt64(x &* 73_856_093 ^ y &* 19_349_663) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 29
                return (UInt8(truncatingIfNeeded: h), UInt8(truncatingIfNeeded: h >> 8), UInt8(truncatingIfNeeded: h >> 16))
            case .flat:
                return (250, 250, 252)
            case .bars:
                if (x * 7 + y * 13) % 997 == 0 { return (UInt8(x % 256), 0, UInt8(y % 256)) }
                return (y / 9) % 3 == 0 && x % 200 < 150 ? (31, 90, 160) : (255, 255, 255)
            case .stamps:
                let cell = (x / 11 + (y / 13) * 7) % 5 == 0
                let ink = cell && ((x % 11) * (y % 13)) % 4 == 1
                return ink ? (20, 20, UInt8(40 + (x % 11) * 10)) : (255, 255, 255)
            case .gradient:
                return (UInt8((x * 255) / max(1, x + y + 1)), UInt8((x + y) % 256), UInt8((y * 3) % 256))
            }
        }
    }

    static func pixels(_ pattern: Pattern, width: Int, height: Int) -> [UInt8] {
        var bgra = [UInt8](repeating: 255, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let (r, g, b) = pattern.colour(x, y)
                let i = 4 * (y * width + x)
                bgra[i] = b
                bgra[i + 1] = g
                bgra[i + 2] = r
            }
        }
        return bgra
    }

    /// The PNG drawn as an image mark on a magenta canvas of its size: libpng decodes it, and
    /// a file it rejects leaves the magenta showing.
    func readBack(_ png: [UInt8], width: Int, height: Int) throws -> [UInt8] {
        let renderer = try #require(sharedRenderer)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-png-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(png).write(to: URL(fileURLWithPath: path))
        let frame = Rect(x: 0, y: 0, width: Double(width), height: Double(height))
        let scene = ChartScene(width: Double(width), height: Double(height), background: ChartColor(hex: 0xFF00FF),
                          items: [.image(ImageMark(path: path, frame: frame))])
        return try renderer.bgra(scene, size: CanvasSize(width: Double(width), height: Double(height), name: "test")).pixels
    }

    @Test(arguments: Pattern.allCases, [(1, 1), (3, 1), (1, 5), (7, 3), (257, 33), (1920, 1080)])
    func imagesComeBackPixelForPixel(pattern: Pattern, size: (Int, Int)) throws {
        let (width, height) = size
        let source = Self.pixels(pattern, width: width, height: height)
        let png = source.withUnsafeBufferPointer { PNGEncoder.encode(bgra: $0.baseAddress!, stride: width * 4, width: width, height: height) }
        #expect(try readBack(png, width: width, height: height) == source)
    }

    /// Rows longer than deflate's 32 KB window cannot refer to the row above.
    @Test func rowsWiderThanTheWindowComeBack() throws {
        let width = 11000, height = 4
        var source = Self.pixels(.bars, width: width, height: height)
        source.replaceSubrange(0..<(width * 4), with: Self.pixels(.noise, width: width, height: 1))
        let png = source.withUnsafeBufferPointer { PNGEncoder.encode(bgra: $0.baseAddress!, stride: width * 4, width: width, height: height) }
        #expect(try readBack(png, width: width, height: height) == source)
    }

    @Test func chartsCompressWell() throws {
        let renderer = try #require(sharedRenderer)
        let context = ChartContext(size: .slide, theme: .light, language: .vi, measurer: renderer.measurer)
        let scene = Charts.scene(ChartRequest(kind: .heatmap, year: 2023), metrics: try ChartFixtures.sample(), context: context)
        let png = try renderer.png(scene, size: .slide)
        // 1920 × 1080 × 3 bytes is 6.2 MB; zlib at level 1 made 377 KB of this chart.
        #expect(png.count < 400_000)
        #expect(try readBack(png, width: 1920, height: 1080) == renderer.bgra(scene, size: .slide).pixels)
    }

    @Test func adlerMatchesTheDefinition() {
        func reference(_ bytes: [UInt8]) -> UInt32 {
            var a: UInt32 = 1, b: UInt32 = 0
            for byte in bytes {
                a = (a + UInt32(byte)) % 65521
                b = (b + a) % 65521
            }
            return b << 16 | a
        }
        var state: UInt32 = 7
        for count in [0, 1, 15, 16, 17, 5552, 65_535, 16 * 4096 + 3, 300_000] {
            let random = (0..<count).map { _ in
                state = state &* 1_664_525 &+ 1_013_904_223
                return UInt8(truncatingIfNeeded: state >> 24)
            }
            // All 255: the largest sums, where a lane would overflow first.
            for bytes in [random, [UInt8](repeating: 255, count: count)] {
                #expect(bytes.withUnsafeBufferPointer { Adler32.checksum($0) } == reference(bytes), "\(count) bytes")
            }
        }
    }

    /// Fibonacci frequencies make Huffman's tree as deep as there are symbols; the limit must
    /// hold and the code stay complete (Kraft sum exactly 1).
    @Test(arguments: [7, 15])
    func huffmanLengthsKeepTheLimit(limit: Int) {
        var frequencies: [UInt32] = [1, 1]
        while frequencies.count < 30 { frequencies.append(frequencies[frequencies.count - 1] + frequencies[frequencies.count - 2]) }
        let code = HuffmanCode(frequencies: frequencies, limit: limit)
        #expect(code.lengths.allSatisfy { $0 >= 1 && Int($0) <= limit })
        let kraft = code.lengths.reduce(0.0) { $0 + pow(2, -Double($1)) }
        #expect(kraft == 1)
        // More frequent, never longer.
        for i in 1..<frequencies.count { #expect(code.lengths[i] <= code.lengths[i - 1]) }
    }

    @Test func aLoneSymbolStillGetsATwoCodeTree() {
        var frequencies = [UInt32](repeating: 0, count: 30)
        frequencies[5] = 9
        let code = HuffmanCode(frequencies: frequencies, limit: 15)
        #expect(code.lengths.filter { $0 > 0 }.count == 2)
        #expect(code.lengths[5] == 1)
    }
}
}
