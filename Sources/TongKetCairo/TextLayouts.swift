import CCairo
import TongKetCharts

/// Laid-out text kept between draws. Shaping (HarfBuzz, through Pango) is the costliest part
/// of drawing a chart's text, and the same runs come back: a pack draws each chart as PNG,
/// PDF and deck page, and a video draws the same names and titles in every frame.
final class TextLayouts {
    private let options: FontOptions
    /// One Pango context per drawing scale: the context carries the user-to-device matrix,
    /// and Pango places glyphs on the device's pixel grid.
    private var contexts: [Double: PangoContext] = [:]
    private var layouts: [Key: PangoLayout] = [:]
    /// A video's counting figures make new text every frame; past this many the cache starts
    /// again rather than grow.
    private static let limit = 4096

    private struct Key: Hashable {
        var text: String
        var family: String
        var size: Double
        var bold: Bool
        var width: Double
        var maxLines: Int
        var alignment: TextAlignment
        var scale: Double
    }

    init(options: FontOptions) {
        self.options = options
    }

    /// The run laid out for a drawing context whose matrix scales by `scale`.
    func layout(_ run: TextRun, width: Double, on cr: OpaquePointer, scale: Double) -> PangoLayout {
        let key = Key(text: run.text, family: run.style.family, size: run.style.size, bold: run.style.bold,
                      width: width, maxLines: run.maxLines, alignment: run.alignment, scale: scale)
        if let known = layouts[key] { return known }
        let context = contexts[scale] ?? {
            let made = PangoContext(cr, options: options)
            contexts[scale] = made
            return made
        }()
        if layouts.count >= Self.limit { layouts.removeAll(keepingCapacity: true) }
        let layout = PangoLayout(context: context)
        layout.configure(run.text, style: run.style, width: width, maxLines: run.maxLines, alignment: run.alignment)
        layouts[key] = layout
        return layout
    }
}
