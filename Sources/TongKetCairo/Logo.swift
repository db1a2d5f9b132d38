import CCairo
import Foundation
import TongKetCharts

/// The logo a user gives (`--logo`): checked once before any work — a PNG of a sensible size —
/// and decoded once per renderer, scaled down to what a chart's corner needs, however many
/// charts and frames show it.
public enum Logo {
    /// Larger than this on a side is no logo (a 20,000 px image decoded per chart took 85 s).
    public static let maximumSide = 4096
    /// What the corner needs at 4K: the decoded logo is kept at most this size.
    static let keptSide = 512.0

    /// Why `path` cannot be a logo, in the user's language; nil when it can.
    public static func problem(_ path: String, vietnamese: Bool) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return vietnamese ? "\(path): không mở được tệp logo" : "\(path): the logo cannot be opened"
        }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 24)) ?? Data())
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard head.count == 24, Array(head[0..<8]) == signature, Array(head[12..<16]) == Array("IHDR".utf8) else {
            return vietnamese ? "\(path): logo không phải là ảnh PNG; lưu lại dưới dạng PNG (--logo chỉ nhận PNG)"
                              : "\(path): the logo is not a PNG image; save it as a PNG (--logo takes PNG only)"
        }
        func int(_ at: Int) -> Int { head[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let (width, height) = (int(16), int(20))
        guard (1...maximumSide).contains(width), (1...maximumSide).contains(height) else {
            return vietnamese ? "\(path): logo ghi kích thước \(width)×\(height) điểm ảnh, quá \(maximumSide) mỗi chiều hoặc bằng 0; thu nhỏ logo (khoảng 512 điểm ảnh là đủ)"
                              : "\(path): the logo states \(width)×\(height) pixels, over \(maximumSide) a side or zero; scale it down (about 512 pixels is plenty)"
        }
        return nil
    }
}

/// Logos decoded and scaled once, by path, for one renderer's thread.
final class LogoCache {
    private var kept: [String: CairoSurface?] = [:]

    /// The logo at `path`, at most `Logo.keptSide` a side; nil when it cannot be read.
    func surface(_ path: String) -> CairoSurface? {
        if let known = kept[path] { return known }
        let made = Self.load(path)
        kept[path] = made
        return made
    }

    private static func load(_ path: String) -> CairoSurface? {
        guard Logo.problem(path, vietnamese: false) == nil, let full = try? CairoSurface(cairo_image_surface_create_from_png(path)) else { return nil }
        let w = Double(cairo_image_surface_get_width(full.pointer)), h = Double(cairo_image_surface_get_height(full.pointer))
        guard w > 0, h > 0 else { return nil }
        let s = min(1, Logo.keptSide / max(w, h))
        guard s < 1 else { return full }
        guard let small = try? CairoSurface.image(width: max(1, Int((w * s).rounded())), height: max(1, Int((h * s).rounded()))),
              let context = try? CairoContext(small) else { return full }
        cairo_scale(context.pointer, s, s)
        cairo_set_source_surface(context.pointer, full.pointer, 0, 0)
        cairo_paint(context.pointer)
        cairo_surface_flush(small.pointer)
        return small
    }
}
