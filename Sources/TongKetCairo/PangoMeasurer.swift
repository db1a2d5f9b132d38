import CCairo
import TongKetCharts

/// `TextMeasurer` with Pango on a scratch surface, with the drawing's font options, and a
/// cache: charts measure the same labels many times while they search for a fitting size.
public final class PangoMeasurer: TextMeasurer {
    private let context: CairoContext
    private let layout: PangoLayout
    let options = FontOptions()
    /// The renderer's own fonts, for measuring and drawing alike.
    let fonts: FontMap
    private var cache: [LayoutSpec: TextSize] = [:]

    public init() throws(RenderError) {
        _ = PrivateFonts.installed
        fonts = FontMap()
        context = try CairoContext(CairoSurface.image(width: 1, height: 1))
        layout = PangoLayout(context: context.pointer, fonts: fonts, options: options)
    }

    public func measure(_ text: String, style: TextStyle, width: Double?, maxLines: Int) -> TextSize {
        let key = LayoutSpec(text, style: style, width: width, maxLines: maxLines, alignment: .leading)
        if let known = cache[key] { return known }
        layout.configure(key)
        var size = layout.size
        // A wrapped box is as wide as its widest line, at most the wrap width.
        if let width { size.width = min(size.width, width) }
        cache[key] = size
        return size
    }

    /// Fails unless `family` is installed and covers every Vietnamese letter: fontconfig
    /// would otherwise substitute silently, or Pango borrow glyphs from another font.
    public func checkFont(_ family: String) throws(RenderError) {
        let letters = "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĂÂĐÊÔƠƯẠẶẬỆỘỢỰ"
        let missing = try missingCharacters(in: letters, family: family)
        if !missing.isEmpty { throw .fontLacksVietnamese(family: family, missing: missing) }
    }

    /// The characters of `text` that `family` itself cannot draw (Pango would borrow them
    /// from another font, in another design).
    public func missingCharacters(in text: String, family: String) throws(RenderError) -> String {
        let description = FontDescription(family: family, size: 20, bold: false)
        let pangoContext = pango_font_map_create_context(fonts.pointer)
        defer { g_object_unref(UnsafeMutableRawPointer(pangoContext)) }
        guard let font = pango_font_map_load_font(fonts.pointer, pangoContext, description.pointer) else {
            throw .fontMissing(family: family, found: "nothing")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(font)) }
        let loaded = pango_font_describe(font)
        defer { pango_font_description_free(loaded) }
        let found = pango_font_description_get_family(loaded).map { String(cString: $0) } ?? ""
        guard found.lowercased() == family.lowercased() else { throw .fontMissing(family: family, found: found) }
        let coverage = pango_font_get_coverage(font, pango_language_from_string("vi"))
        defer { pango_coverage_unref(coverage) }
        let missing = Set(text.unicodeScalars.filter { $0.value > 0x20 && pango_coverage_get(coverage, Int32($0.value)) == PANGO_COVERAGE_NONE })
        return String(String.UnicodeScalarView(missing.sorted { $0.value < $1.value }))
    }
}
