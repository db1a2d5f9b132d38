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
            for row in 0..<height {
                (out.baseAddress! + row * width * 4).copyMemory(from: data + row * stride, byteCount: width * 4)
            }
        }
        return (pixels, width, height)
    }

    /// PNG bytes: RGB (the background is opaque), libpng's fast mode — no row filters and
    /// quick deflate, several times faster than cairo's own PNG writer at a similar size.
    public func png(_ scene: Scene, size: CanvasSize) throws(RenderError) -> [UInt8] {
        let (surface, width, height) = try raster(scene, size: size)
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        guard let data = cairo_image_surface_get_data(surface.pointer) else { throw .cairo("no pixels") }
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        rgb.withUnsafeMutableBufferPointer { out in
            for row in 0..<height {
                let source = data + row * stride
                var o = row * width * 3
                for x in 0..<width {
                    // ARGB32 in memory on little-endian: B, G, R, A.
                    out[o] = source[4 * x + 2]
                    out[o + 1] = source[4 * x + 1]
                    out[o + 2] = source[4 * x]
                    o += 3
                }
            }
        }
        return try PNGEncoder.encode(rgb: rgb, width: width, height: height)
    }

    private func raster(_ scene: Scene, size: CanvasSize) throws(RenderError) -> (CairoSurface, Int, Int) {
        let width = size.pixelWidth, height = size.pixelHeight
        let surface = try CairoSurface.image(width: width, height: height)
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
        }
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

/// PNG through libpng's simplified API, which reports errors in a field rather than by
/// longjmp (which Swift cannot survive).
enum PNGEncoder {
    static func encode(rgb: [UInt8], width: Int, height: Int) throws(RenderError) -> [UInt8] {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = UInt32(PNG_FORMAT_RGB)
        image.flags = UInt32(PNG_IMAGE_FLAG_FAST)
        var capacity = width * height * 3 / 2 + 65536
        while true {
            var output = [UInt8](repeating: 0, count: capacity)
            var written = capacity
            let ok = output.withUnsafeMutableBytes { out in
                rgb.withUnsafeBytes { input in
                    png_image_write_to_memory(&image, out.baseAddress, &written, 0, input.baseAddress, Int32(width * 3), nil)
                }
            }
            if ok != 0 {
                output.removeLast(output.count - written)
                return output
            }
            if written > capacity {
                capacity = written
                image.warning_or_error = 0
                continue
            }
            let message = withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw .png(message)
        }
    }
}
