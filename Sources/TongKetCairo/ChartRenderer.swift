import CCairo
import Foundation
import TongKetCharts
import TongKetOutput

/// Scenes to files and frames: PNG (pixel size from the canvas), PDF (vector, embedded
/// font subsets, one page per scene, fixed dates), SVG, and raw BGRA frames for video.
/// One renderer per thread: it owns C objects that must not cross tasks.
public final class ChartRenderer {
    public let measurer: PangoMeasurer
    private let renderer: SceneRenderer

    public init() throws(RenderError) {
        measurer = try PangoMeasurer()
        renderer = SceneRenderer(layouts: TextLayouts(options: measurer.options, fonts: measurer.fonts))
    }

    // MARK: Raster

    /// The scene drawn at the canvas's pixel size, as cairo's native BGRA (premultiplied,
    /// little-endian ARGB32), `width × 4` bytes a row.
    public func bgra(_ scene: ChartScene, size: CanvasSize) throws(RenderError) -> (pixels: [UInt8], width: Int, height: Int) {
        var pixels: [UInt8] = []
        try bgra(scene, size: size, into: &pixels)
        return (pixels, size.pixelWidth, size.pixelHeight)
    }

    /// The same, drawn straight into `pixels` (resized if it is not the frame's size): a video
    /// reuses its frame buffers, and a 4K frame is 33 MB to allocate, clear and copy.
    public func bgra(_ scene: ChartScene, size: CanvasSize, into pixels: inout [UInt8]) throws(RenderError) {
        let width = size.pixelWidth, height = size.pixelHeight
        if pixels.count != width * height * 4 { pixels = [UInt8](repeating: 0, count: width * height * 4) }
        var failure: RenderError?
        pixels.withUnsafeMutableBytes { buffer in
            do throws(RenderError) {
                guard let base = buffer.baseAddress else { throw .cairo("no pixels") }
                let surface = try CairoSurface(cairo_image_surface_create_for_data(base.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32,
                                                                                    Int32(width), Int32(height), Int32(width * 4)))
                let context = try CairoContext(surface)
                try renderer.draw(scene, on: context, scale: Double(width) / scene.width)
                try surface.finish()
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    /// PNG bytes: RGB (the background is opaque), compressed by our own deflater for chart
    /// images, the two halves of the image on both cores. Chosen by measurement: cairo's own
    /// writer (adaptive filters, level 6) spends ~50 ms on a slide, zlib at level 1 ~15 ms.
    public func png(_ scene: ChartScene, size: CanvasSize) throws(RenderError) -> [UInt8] {
        let (surface, width, height) = try raster(scene, size: size)
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        guard let data = cairo_image_surface_get_data(surface.pointer) else { throw .cairo("no pixels") }
        return PNGEncoder.encode(bgra: UnsafePointer(data), stride: stride, width: width, height: height)
    }

    /// The image surface is kept between renders of the same pixel size: a fresh 8 MB
    /// surface per frame costs more in page faults than drawing the chart.
    private var rasterSurface: CairoSurface?

    func raster(_ scene: ChartScene, size: CanvasSize) throws(RenderError) -> (CairoSurface, Int, Int) {
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

    /// A PDF's document properties.
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
    public func pdf(_ scenes: [ChartScene], info: DocumentInfo, to path: String) throws(RenderError) {
        guard let first = scenes.first else { return }
        try RenderError.atomically(path) { (temporary: String) throws(RenderError) in
            let stream = try FileStream(path: temporary)
            do throws(RenderError) {
                let surface = try CairoSurface(cairo_pdf_surface_create_for_stream(FileStream.write, stream.closure, first.width, first.height))
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
            } catch {
                // The file's own error (the disk's words) before cairo's ("write error").
                try stream.close()
                throw error
            }
            try stream.close()
        }
    }

    /// An SVG of the scene at its design size. (Cairo writes text as outlines.) Made in
    /// memory, its ids renumbered, then written.
    public func svg(_ scene: ChartScene, to path: String) throws(RenderError) {
        let stream = FileStream.inMemory()
        let surface = try CairoSurface(cairo_svg_surface_create_for_stream(FileStream.write, stream.closure, scene.width, scene.height))
        let context = try CairoContext(surface)
        try renderer.draw(scene, on: context, scale: 1)
        try surface.finish()
        let svg = Self.renumberSurfaceIDs(in: String(decoding: stream.bytes, as: UTF8.self))
        try RenderError.writing { () throws(OutputError) in try AtomicFile.write(Array(svg.utf8), to: path) }
    }

    /// Cairo names SVG groups after a process-wide surface counter ("surface380"), so the same
    /// chart gets other ids depending on what was drawn before it, or on another thread.
    /// Renumbering them by first appearance makes the file depend on the chart alone.
    static func renumberSurfaceIDs(in text: String) -> String {
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
        return out
    }
}
