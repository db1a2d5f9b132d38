import CCairo
import Foundation
import TongKetCharts

/// Scenes to files and frames: PNG (pixel size from the canvas), PDF (vector, embedded
/// font subsets, one page per scene, fixed dates), SVG, and raw BGRA frames for video.
/// One renderer per thread: it owns C objects that must not cross tasks.
public final class ChartRenderer {
    public let measurer: PangoMeasurer
    private var renderer: SceneRenderer { SceneRenderer(options: measurer.options) }

    public init() throws(RenderError) {
        measurer = try PangoMeasurer()
    }

    // MARK: Raster

    /// The scene drawn at the canvas's pixel size, as cairo's native BGRA (premultiplied,
    /// little-endian ARGB32), `width × 4` bytes a row.
    public func bgra(_ scene: Scene, size: CanvasSize) throws(RenderError) -> (pixels: [UInt8], width: Int, height: Int) {
        let (surface, width, height) = try raster(scene, size: size)
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        guard let data = cairo_image_surface_get_data(surface.pointer) else { throw .cairo("no pixels") }
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        pixels.withUnsafeMutableBytes { out in
            guard let base = out.baseAddress else { return }
            for row in 0..<height {
                (base + row * width * 4).copyMemory(from: data + row * stride, byteCount: width * 4)
            }
        }
        return (pixels, width, height)
    }

    /// PNG bytes: RGB (the background is opaque), rows unfiltered, deflate level 1, the two
    /// halves of the image converted and compressed on both cores. Chosen by measurement:
    /// cairo's own writer (adaptive filters, level 6) spends ~50 ms on a slide.
    public func png(_ scene: Scene, size: CanvasSize) throws(RenderError) -> [UInt8] {
        let (surface, width, height) = try raster(scene, size: size)
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        guard let data = cairo_image_surface_get_data(surface.pointer) else { throw .cairo("no pixels") }
        return try PNGEncoder.encode(bgra: UnsafePointer(data), stride: stride, width: width, height: height)
    }

    /// The image surface is kept between renders of the same pixel size: a fresh 8 MB
    /// surface per frame costs more in page faults than drawing the chart.
    private var rasterSurface: CairoSurface?

    private func raster(_ scene: Scene, size: CanvasSize) throws(RenderError) -> (CairoSurface, Int, Int) {
        let width = size.pixelWidth, height = size.pixelHeight
        let surface: CairoSurface
        if let kept = rasterSurface, Int(cairo_image_surface_get_width(kept.pointer)) == width, Int(cairo_image_surface_get_height(kept.pointer)) == height {
            surface = kept
        } else {
            surface = try CairoSurface.image(width: width, height: height)
            rasterSurface = surface
        }
        let context = try CairoContext(surface)
        try renderer.draw(scene, on: context, scale: Double(width) / scene.width)
        cairo_surface_flush(surface.pointer)
        return (surface, width, height)
    }

    // MARK: Vector

    public struct DocumentInfo: Sendable {
        public var title: String
        public var author: String
        public var subject: String
        /// ISO 8601; fixed so the same input gives the same bytes.
        public var date: String

        public init(title: String, author: String = "TongKet", subject: String = "", date: String = DocumentInfo.reproducibleDate) {
            self.title = title
            self.author = author
            self.subject = subject
            self.date = date
        }

        /// SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else a fixed date.
        public static var reproducibleDate: String {
            if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) {
                let formatter = ISO8601DateFormatter()
                return formatter.string(from: Date(timeIntervalSince1970: epoch))
            }
            return "2000-01-01T00:00:00Z"
        }
    }

    /// A PDF with one page per scene, each page the scene's size in points.
    public func pdf(_ scenes: [Scene], info: DocumentInfo, to path: String) throws(RenderError) {
        guard let first = scenes.first else { return }
        try AtomicFile.write(path) { (temporary: String) throws(RenderError) in
            let surface = try CairoSurface(cairo_pdf_surface_create(temporary, first.width, first.height))
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_TITLE, info.title)
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_AUTHOR, info.author)
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_SUBJECT, info.subject)
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATOR, "TongKet")
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATE_DATE, info.date)
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_MOD_DATE, info.date)
            let context = try CairoContext(surface)
            for scene in scenes {
                cairo_pdf_surface_set_size(surface.pointer, scene.width, scene.height)
                try renderer.draw(scene, on: context, scale: 1)
                cairo_show_page(context.pointer)
            }
            try context.check()
            try surface.finish()
        }
    }

    /// An SVG of the scene at its design size. (Cairo writes text as outlines.)
    public func svg(_ scene: Scene, to path: String) throws(RenderError) {
        try AtomicFile.write(path) { (temporary: String) throws(RenderError) in
            let surface = try CairoSurface(cairo_svg_surface_create(temporary, scene.width, scene.height))
            let context = try CairoContext(surface)
            try renderer.draw(scene, on: context, scale: 1)
            try surface.finish()
            try Self.renumberSurfaceIDs(in: temporary)
        }
    }

    /// Cairo names SVG groups after a process-wide surface counter ("surface380"), so the same
    /// chart gets other ids depending on what was drawn before it, or on another thread.
    /// Renumbering them by first appearance makes the file depend on the chart alone.
    static func renumberSurfaceIDs(in path: String) throws(RenderError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .cannotWrite(path: path) }
        let text = String(decoding: data, as: UTF8.self)
        var numbers: [Substring: Int] = [:]
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = text[...]
        while let range = rest.range(of: "surface") {
            out += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { continue }
            let number = numbers[digits] ?? (numbers.count + 1)
            numbers[digits] = number
            out += String(number)
            rest = rest.dropFirst(digits.count)
        }
        out += rest
        guard FileManager.default.createFile(atPath: path, contents: Data(out.utf8)) else { throw .cannotWrite(path: path) }
    }
}

/// Files written under a temporary name beside the target and renamed into place.
public enum AtomicFile {
    public static func write(_ path: String, _ body: (String) throws(RenderError) -> Void) throws(RenderError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        do {
            try body(temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .cannotWrite(path: path)
        }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(RenderError) {
        try write(path) { (temporary: String) throws(RenderError) in
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { throw .cannotWrite(path: path) }
        }
    }
}

/// A PNG file: signature, IHDR, one IDAT, IEND. The IDAT's zlib stream is two raw deflate
/// streams joined (the first ends on a full flush, so the second starts on a byte boundary
/// with no back references into it) — how pigz compresses in parallel — with the Adler-32
/// of the whole put together from the two halves'.
enum PNGEncoder {
    static func encode(bgra: UnsafePointer<UInt8>, stride: Int, width: Int, height: Int) throws(RenderError) -> [UInt8] {
        let split = height / 2
        let halves = [0..<split, split..<height]
        let results = HalfResults()
        let source = SendablePixels(base: bgra)
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let rows = rgbRows(source.base, stride: stride, width: width, rows: halves[k])
            results.set(k, compressedPart(rows, last: k == 1), adler: rows.withUnsafeBufferPointer { adler32(1, $0.baseAddress, uInt($0.count)) }, length: rows.count)
        }
        guard let first = results.parts[0], let second = results.parts[1] else { throw .png("deflate failed") }
        let adler = adler32_combine(results.adlers[0], results.adlers[1], off_t(results.lengths[1]))
        var idat: [UInt8] = [0x78, 0x01]
        idat.reserveCapacity(first.count + second.count + 6)
        idat += first
        idat += second
        idat += bigEndian(UInt32(truncatingIfNeeded: adler))
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(idat.count + 64)
        // 8-bit RGB, deflate, no interlace.
        chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0], into: &png)
        chunk("IDAT", idat, into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    /// PNG rows of RGB, each after a filter byte 0 (none), from cairo's BGRA.
    private static func rgbRows(_ data: UnsafePointer<UInt8>, stride: Int, width: Int, rows: Range<Int>) -> [UInt8] {
        let rowBytes = 1 + width * 3
        return [UInt8](unsafeUninitializedCapacity: rowBytes * rows.count) { out, initialized in
            for (i, row) in rows.enumerated() {
                let source = data + row * stride
                var o = i * rowBytes
                out[o] = 0
                o += 1
                for x in 0..<width {
                    // ARGB32 in memory on little-endian: B, G, R, A.
                    out[o] = source[4 * x + 2]
                    out[o + 1] = source[4 * x + 1]
                    out[o + 2] = source[4 * x]
                    o += 3
                }
            }
            initialized = rowBytes * rows.count
        }
    }

    /// Raw deflate, level 1; the first half ends on a full flush, the second finishes.
    private static func compressedPart(_ input: [UInt8], last: Bool) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(&stream, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 16
        var status = Z_OK
        let output = [UInt8](unsafeUninitializedCapacity: bound) { out, initialized in
            input.withUnsafeBufferPointer { source in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(bound)
                status = CCairo.deflate(&stream, last ? Z_FINISH : Z_FULL_FLUSH)
            }
            initialized = bound - Int(stream.avail_out)
        }
        guard status == (last ? Z_STREAM_END : Z_OK), stream.avail_in == 0 else { return nil }
        return output
    }

    private static func chunk<C: Collection<UInt8>>(_ type: String, _ data: C, into png: inout [UInt8]) {
        png += bigEndian(UInt32(data.count))
        let start = png.count
        png += Array(type.utf8)
        png += data
        let crc = png[start...].withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        png += bigEndian(UInt32(crc))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}

/// The cairo surface's pixels, read (never written) by both halves while the caller waits.
private struct SendablePixels: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
}

/// Each worker fills only its own half's slot; the caller reads after both have finished.
private final class HalfResults: @unchecked Sendable {
    var parts: [[UInt8]?] = [nil, nil]
    var adlers: [uLong] = [0, 0]
    var lengths: [Int] = [0, 0]
    private let lock = NSLock()

    func set(_ k: Int, _ part: [UInt8]?, adler: uLong, length: Int) {
        lock.lock()
        defer { lock.unlock() }
        parts[k] = part
        adlers[k] = adler
        lengths[k] = length
    }
}
