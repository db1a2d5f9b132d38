import Foundation
import Testing
@testable import TongKetCairo
import TongKetCharts

/// The drawing's layout cache: a hit only for the same bytes drawn for the same target.
extension RenderingTests {
@Suite struct TextLayoutsTests {
    @Test func layoutsAreKeptPerExactTextAndTarget() throws {
        let layouts = TextLayouts(options: FontOptions(), fonts: FontMap())
        let context = try CairoContext(CairoSurface.image(width: 10, height: 10))
        let slide = TextLayouts.Target(context.pointer, scale: 1)
        let style = TextStyle(role: .label, size: 20, color: ChartColor(hex: 0), family: "Noto Sans")
        func layout(_ text: String, target: TextLayouts.Target) -> PangoLayout {
            let run = TextRun(text: text, style: style, frame: Rect(x: 0, y: 0, width: 300, height: 30))
            return layouts.layout(run, width: 301, on: context.pointer, target: target)
        }
        let nfc = "Phòng Thực hành".precomposedStringWithCanonicalMapping
        let first = layout(nfc, target: slide)
        #expect(layout(nfc, target: slide) === first)
        // Equal as Swift Strings, not as the characters a PDF carries.
        #expect(layout(nfc.decomposedStringWithCanonicalMapping, target: slide) !== first)
        #expect(layout(nfc, target: TextLayouts.Target(context.pointer, scale: 2)) !== first)
    }
}
}
