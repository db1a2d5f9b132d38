import CCairo
import TongKetCharts

/// Laid-out text kept between draws. Shaping (HarfBuzz, through Pango) is the costliest part
/// of drawing a chart's text, and the same runs come back: a pack draws each chart as PNG,
/// PDF and deck page, and a video draws the same names and titles in every frame.
final class TextLayouts {
    private let options: FontOptions
    private let fonts: FontMap
    private var contexts: [Target: PangoContext] = [:]
    private var layouts: [Key: PangoLayout] = [:]
    /// A video's counting figures make new text every frame; past this many the cache starts
    /// again rather than grow.
    private static let limit = 4096

    /// What a Pango context is made for: the user-to-device scale (Pango places glyphs on
    /// the device's pixel grid) and the kind of surface (whose font options it copies), so a
    /// chart's PDF never depends on whether its PNG was drawn first.
    struct Target: Hashable {
        var scale: Double
        var surface: UInt32

        init(_ cr: OpaquePointer, scale: Double) {
            self.scale = scale
            surface = cairo_surface_get_type(cairo_get_target(cr)).rawValue
        }
    }

    private struct Key: Hashable {
        var spec: LayoutSpec
        var target: Target
    }

    init(options: FontOptions, fonts: FontMap) {
        self.options = options
        self.fonts = fonts
    }

    /// The run laid out for drawing on `cr`, made for `target`.
    func layout(_ run: TextRun, width: Double, on cr: OpaquePointer, target: Target) -> PangoLayout {
        let key = Key(spec: LayoutSpec(run.text, style: run.style, width: width, maxLines: run.maxLines, alignment: run.alignment), target: target)
        if let known = layouts[key] { return known }
        let context = contexts[target] ?? {
            let made = PangoContext(cr, fonts: fonts, options: options)
            contexts[target] = made
            return made
        }()
        if layouts.count >= Self.limit { layouts.removeAll(keepingCapacity: true) }
        let layout = PangoLayout(context: context)
        layout.configure(key.spec)
        layouts[key] = layout
        return layout
    }
}
