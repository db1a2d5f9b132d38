import CCairo
import Foundation
import TongKetCharts

/// The logo a user gives (`--logo`): checked once before any work — a PNG of a sensible size —
/// and decoded once per renderer (`ImageCache`), however many charts and frames show it.
public enum Logo {
    /// Larger than this on a side is no logo (a 20,000 px image decoded per chart took 85 s).
    public static let maximumSide = 4096

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

/// Images decoded once per path for one renderer's thread, and a copy scaled down to the
/// pixels a mark takes when the image is much larger (a 4096 px logo in a 140 px corner is not
/// scaled again for every chart and frame).
final class ImageCache {
    private var decoded: [String: CairoSurface?] = [:]
    private var scaled: [String: CairoSurface] = [:]

    /// The image at `path` for a mark `width` × `height` device pixels; nil when it cannot be read.
    func surface(_ path: String, width: Double, height: Double) -> CairoSurface? {
        let full: CairoSurface?
        if let known = decoded[path] { full = known } else {
            full = try? CairoSurface(cairo_image_surface_create_from_png(path))
            decoded[path] = full
        }
        guard let full else { return nil }
        let w = Double(cairo_image_surface_get_width(full.pointer)), h = Double(cairo_image_surface_get_height(full.pointer))
        let s = min(width / w, height / h)
        // Close to its own size, the image is drawn as it is: exact pixels, no second copy.
        guard w > 0, h > 0, s < 0.5 else { return full }
        let (sw, sh) = (max(1, Int((w * s).rounded(.up))), max(1, Int((h * s).rounded(.up))))
        let key = path + "|\(sw)x\(sh)"
        if let kept = scaled[key] { return kept }
        guard let small = try? CairoSurface.image(width: sw, height: sh), let context = try? CairoContext(small) else { return full }
        cairo_scale(context.pointer, Double(sw) / w, Double(sh) / h)
        cairo_set_source_surface(context.pointer, full.pointer, 0, 0)
        cairo_paint(context.pointer)
        cairo_surface_flush(small.pointer)
        scaled[key] = small
        return small
    }
}
