import CCairo
import Foundation
import TongKetCharts

/// Walks a ChartScene and draws each primitive with cairo: the whole backend for every format,
/// which differ only in the surface underneath.
struct SceneRenderer {
    let layouts: TextLayouts
    let images = ImageCache()

    func draw(_ scene: ChartScene, on context: CairoContext, scale: Double) throws(RenderError) {
        let cr = context.pointer
        cairo_save(cr)
        cairo_scale(cr, scale, scale)
        set(scene.background, cr)
        cairo_rectangle(cr, 0, 0, scene.width, scene.height)
        cairo_fill(cr)
        draw(scene.items, TextLayouts.Target(cr, scale: scale), cr)
        cairo_restore(cr)
        try context.check()
    }

    private func draw(_ items: [Primitive], _ target: TextLayouts.Target, _ cr: OpaquePointer) {
        for item in items {
            switch item {
            case let .rect(mark): drawRect(mark, cr)
            case let .path(mark): drawPath(mark, cr)
            case let .circle(mark): drawCircle(mark, cr)
            case let .text(run): drawText(run, target, cr)
            case let .image(mark): drawImage(mark, cr)
            case let .layer(layer):
                cairo_push_group(cr)
                draw(layer.items, target, cr)
                cairo_pop_group_to_source(cr)
                cairo_paint_with_alpha(cr, layer.opacity)
            }
        }
    }

    private func set(_ color: ChartColor, _ cr: OpaquePointer, opacity: Double = 1) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha * opacity)
    }

    private func drawRect(_ mark: RectMark, _ cr: OpaquePointer) {
        let f = mark.frame
        guard f.width > 0, f.height > 0 else { return }
        let r = min(mark.cornerRadius, f.width / 2, f.height / 2)
        if r > 0 {
            cairo_new_sub_path(cr)
            cairo_arc(cr, f.maxX - r, f.y + r, r, -Double.pi / 2, 0)
            cairo_arc(cr, f.maxX - r, f.maxY - r, r, 0, Double.pi / 2)
            cairo_arc(cr, f.x + r, f.maxY - r, r, Double.pi / 2, Double.pi)
            cairo_arc(cr, f.x + r, f.y + r, r, Double.pi, 3 * Double.pi / 2)
            cairo_close_path(cr)
        } else {
            cairo_rectangle(cr, f.x, f.y, f.width, f.height)
        }
        set(mark.fill, cr)
        cairo_fill(cr)
    }

    private func drawPath(_ mark: PathMark, _ cr: OpaquePointer) {
        guard let first = mark.points.first else { return }
        cairo_new_path(cr)
        cairo_move_to(cr, first.x, first.y)
        for point in mark.points.dropFirst() { cairo_line_to(cr, point.x, point.y) }
        if mark.closed { cairo_close_path(cr) }
        if let fill = mark.fill {
            set(fill, cr)
            cairo_fill_preserve(cr)
        }
        set(mark.stroke, cr)
        cairo_set_line_width(cr, mark.lineWidth)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, mark.dash.isEmpty ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        mark.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
    }

    private func drawCircle(_ mark: CircleMark, _ cr: OpaquePointer) {
        cairo_new_path(cr)
        cairo_arc(cr, mark.center.x, mark.center.y, mark.radius, 0, 2 * Double.pi)
        set(mark.fill, cr)
        if let stroke = mark.stroke {
            cairo_fill_preserve(cr)
            set(stroke, cr)
            cairo_set_line_width(cr, mark.radius * 0.45)
            cairo_stroke(cr)
        } else {
            cairo_fill(cr)
        }
    }

    private func drawText(_ run: TextRun, _ target: TextLayouts.Target, _ cr: OpaquePointer) {
        // One line boxes are exactly as wide as measured; a little slack keeps rounding
        // from turning the last letter into an ellipsis.
        var layout = layouts.layout(run, width: run.frame.width + 1, on: cr, target: target)
        // A text that does not fit is not shown cut ("Viện kiểm sát nhân dân huyện Phụng Hi…"): the office's own
        // abbreviations first, then smaller type, step by step, until it fits (down to half its size).
        if layout.size.truncated {
            var shorter = run
            shorter.text = Abbreviations.shorten(run.text)
            // Fine steps: a measure that missed by a hair costs a hair, not a visibly smaller label.
            for scale in stride(from: 1.0, through: 0.5, by: -0.02) {
                shorter.style.size = run.style.size * scale
                layout = layouts.layout(shorter, width: run.frame.width + 1, on: cr, target: target)
                if !layout.size.truncated { break }
            }
        }
        cairo_move_to(cr, run.frame.x - (run.alignment == .leading ? 0 : run.alignment == .center ? 0.5 : 1), run.frame.y)
        set(run.style.color, cr, opacity: run.opacity)
        pango_cairo_show_layout(cr, layout.pointer)
    }

    private func drawImage(_ mark: ImageMark, _ cr: OpaquePointer) {
        // The mark's size in device pixels: what a scaled copy of a large image needs.
        var (dw, dh) = (mark.frame.width, mark.frame.height)
        cairo_user_to_device_distance(cr, &dw, &dh)
        guard let image = images.surface(mark.path, width: abs(dw), height: abs(dh)) else { return }
        let w = Double(cairo_image_surface_get_width(image.pointer)), h = Double(cairo_image_surface_get_height(image.pointer))
        guard w > 0, h > 0 else { return }
        let s = min(mark.frame.width / w, mark.frame.height / h)
        cairo_save(cr)
        cairo_translate(cr, mark.frame.maxX - w * s, mark.frame.y)
        cairo_scale(cr, s, s)
        cairo_set_source_surface(cr, image.pointer, 0, 0)
        cairo_paint(cr)
        cairo_restore(cr)
    }
}
