import CCairo
import TongKetCharts

/// A Pango layout configured for one text run: font, wrap width, line limit, alignment.
/// Measuring and drawing both go through it, so a measured box is where the ink goes.
final class PangoLayout {
    let pointer: OpaquePointer

    init(context cr: OpaquePointer, options: FontOptions) {
        pointer = pango_cairo_create_layout(cr)
        pango_cairo_context_set_font_options(pango_layout_get_context(pointer), options.pointer)
        pango_layout_context_changed(pointer)
    }

    init(context: PangoContext) {
        pointer = pango_layout_new(context.pointer)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }

    /// `width` nil: one natural line. Otherwise wrapped at `width`, at most `maxLines` lines,
    /// the last ending in "…" if the text is longer.
    func configure(_ text: String, style: TextStyle, width: Double?, maxLines: Int, alignment: TextAlignment) {
        let description = FontDescription(family: style.family, size: style.size, bold: style.bold)
        pango_layout_set_font_description(pointer, description.pointer)
        pango_layout_set_text(pointer, text, -1)
        if let width {
            pango_layout_set_width(pointer, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(pointer, PANGO_WRAP_WORD_CHAR)
            pango_layout_set_ellipsize(pointer, PANGO_ELLIPSIZE_END)
            pango_layout_set_height(pointer, -Int32(max(1, maxLines)))
        } else {
            pango_layout_set_width(pointer, -1)
            pango_layout_set_ellipsize(pointer, PANGO_ELLIPSIZE_NONE)
        }
        switch alignment {
        case .leading: pango_layout_set_alignment(pointer, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(pointer, PANGO_ALIGN_CENTER)
        case .trailing: pango_layout_set_alignment(pointer, PANGO_ALIGN_RIGHT)
        }
    }

    var size: TextSize {
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(pointer, &ink, &logical)
        let scale = Double(PANGO_SCALE)
        return TextSize(width: Double(logical.width) / scale, height: Double(logical.height) / scale,
                        lines: Int(pango_layout_get_line_count(pointer)), truncated: pango_layout_is_ellipsized(pointer) != 0)
    }
}

/// A Pango context for drawing on one cairo context's matrix, with our font options.
final class PangoContext {
    let pointer: OpaquePointer

    init(_ cr: OpaquePointer, options: FontOptions) {
        pointer = pango_cairo_create_context(cr)
        pango_cairo_context_set_font_options(pointer, options.pointer)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }
}

final class FontDescription {
    let pointer: OpaquePointer

    init(family: String, size: Double, bold: Bool) {
        pointer = pango_font_description_new()
        pango_font_description_set_family(pointer, family)
        pango_font_description_set_absolute_size(pointer, max(1, size) * Double(PANGO_SCALE))
        pango_font_description_set_weight(pointer, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
    }

    deinit { pango_font_description_free(pointer) }
}

/// Cairo font options shared by measuring and drawing: no hinting of metrics, so a layout
/// has the same width in a PNG, a PDF and an SVG.
final class FontOptions {
    let pointer: OpaquePointer

    init() {
        pointer = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(pointer, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(pointer, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(pointer, CAIRO_ANTIALIAS_GRAY)
    }

    deinit { cairo_font_options_destroy(pointer) }
}
