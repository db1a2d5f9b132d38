import CCairo
import TongKetCharts

/// A renderer's own Pango font map. Pango's default one is per thread and shared by everything made on that
/// thread: two renderers made on one pooled thread, then used on two others at once, raced in it (a sanitizer
/// run stopped on "get_items_log_attrs: assertion failed"). With its own, a renderer shares nothing.
final class FontMap {
    let pointer: OpaquePointer

    init() { pointer = pango_cairo_font_map_new() }

    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }
}

/// A Pango layout configured for one text run: font, wrap width, line limit, alignment.
/// Measuring and drawing both go through it, so a measured box is where the ink goes.
final class PangoLayout {
    let pointer: OpaquePointer

    init(context cr: OpaquePointer, fonts: FontMap, options: FontOptions) {
        let context = pango_font_map_create_context(fonts.pointer)
        pango_cairo_update_context(cr, context)
        pango_cairo_context_set_font_options(context, options.pointer)
        pointer = pango_layout_new(context)
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    init(context: PangoContext) {
        pointer = pango_layout_new(context.pointer)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }

    /// `width` nil: one natural line. Otherwise wrapped at `width`, at most `maxLines` lines,
    /// the last ending in "…" if the text is longer.
    func configure(_ spec: LayoutSpec) {
        let description = FontDescription(family: spec.family, size: spec.size, bold: spec.bold)
        pango_layout_set_font_description(pointer, description.pointer)
        pango_layout_set_text(pointer, spec.text, -1)
        if let width = spec.width {
            pango_layout_set_width(pointer, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(pointer, PANGO_WRAP_WORD_CHAR)
            pango_layout_set_ellipsize(pointer, PANGO_ELLIPSIZE_END)
            pango_layout_set_height(pointer, -Int32(max(1, spec.maxLines)))
        } else {
            pango_layout_set_width(pointer, -1)
            pango_layout_set_ellipsize(pointer, PANGO_ELLIPSIZE_NONE)
        }
        switch spec.alignment {
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

/// Everything a layout is configured from, so also what a measured size or a laid-out text
/// is cached by. The text is compared by its bytes: Swift's String equality treats NFC and
/// NFD as equal, and a PDF carries the layout's own characters (what a reader copies).
struct LayoutSpec: Hashable {
    let text: String
    let family: String
    let size: Double
    let bold: Bool
    let width: Double?
    let maxLines: Int
    let alignment: TextAlignment

    init(_ text: String, style: TextStyle, width: Double?, maxLines: Int, alignment: TextAlignment) {
        self.text = text
        family = style.family
        size = style.size
        bold = style.bold
        self.width = width
        self.maxLines = maxLines
        self.alignment = alignment
    }

    static func == (a: LayoutSpec, b: LayoutSpec) -> Bool {
        a.text.utf8.elementsEqual(b.text.utf8) && a.family == b.family && a.size == b.size && a.bold == b.bold
            && a.width == b.width && a.maxLines == b.maxLines && a.alignment == b.alignment
    }

    func hash(into hasher: inout Hasher) {
        for byte in text.utf8 { hasher.combine(byte) }
        hasher.combine(family)
        hasher.combine(size)
        hasher.combine(bold)
        hasher.combine(width)
        hasher.combine(maxLines)
        hasher.combine(alignment)
    }
}

/// A Pango context for drawing on one cairo context's matrix, with our font options.
final class PangoContext {
    let pointer: OpaquePointer

    init(_ cr: OpaquePointer, fonts: FontMap, options: FontOptions) {
        pointer = pango_font_map_create_context(fonts.pointer)
        pango_cairo_update_context(cr, pointer)
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
