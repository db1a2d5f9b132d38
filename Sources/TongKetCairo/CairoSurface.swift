import CCairo
import TongKetCharts

/// A cairo surface, freed with its owner. Every status is checked and thrown.
final class CairoSurface {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer?) throws(RenderError) {
        guard let pointer else { throw .cairo("no surface") }
        self.pointer = pointer
        try check()
    }

    static func image(width: Int, height: Int) throws(RenderError) -> CairoSurface {
        try CairoSurface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)))
    }

    func check() throws(RenderError) {
        let status = cairo_surface_status(pointer)
        if status == CAIRO_STATUS_WRITE_ERROR || status == CAIRO_STATUS_FILE_NOT_FOUND {
            throw .cannotWrite(path: "", reason: String(cString: cairo_status_to_string(status)))
        }
        try RenderError.check(status)
    }

    func finish() throws(RenderError) {
        cairo_surface_finish(pointer)
        try check()
    }

    deinit { cairo_surface_destroy(pointer) }
}

/// A cairo drawing context on a surface.
final class CairoContext {
    let pointer: OpaquePointer
    let surface: CairoSurface

    init(_ surface: CairoSurface) throws(RenderError) {
        self.surface = surface
        pointer = cairo_create(surface.pointer)
        try check()
    }

    func check() throws(RenderError) {
        let status = cairo_status(pointer)
        try RenderError.check(status)
    }

    deinit { cairo_destroy(pointer) }
}

extension RenderError {
    /// A failed status as an error: a write error is the disk's (full, or a file too large),
    /// everything else the drawing's.
    static func check(_ status: cairo_status_t) throws(RenderError) {
        if status == CAIRO_STATUS_SUCCESS { return }
        let text = String(cString: cairo_status_to_string(status))
        if status == CAIRO_STATUS_WRITE_ERROR || status == CAIRO_STATUS_FILE_NOT_FOUND { throw .cannotWrite(path: "", reason: text) }
        throw .cairo(text)
    }
}
