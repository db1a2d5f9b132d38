import CCairo
import TongKetCharts

/// A frame for the video encoder: 4:2:0 Y′CbCr at BT.709's coefficients in the studio range
/// (what H.264 players assume of HD video, and what the MP4 is tagged as), converted here
/// rather than by ffmpeg: its generic converter spent 40 % of a video's time on this, and a
/// planar frame is 3 MB through the pipe instead of 8 MB of BGRA.
enum YUVFrame {
    /// Bytes of a `width` × `height` frame (both even): the Y plane, then Cb, then Cr at half size.
    static func count(width: Int, height: Int) -> Int { width * height * 3 / 2 }

    // BT.709 from 8-bit full-range R′G′B′ to studio-range Y′CbCr, scaled by 2^16 (rounded so
    // that the chroma rows sum to 0: grey stays exactly 128).
    private static let yR: Int32 = 11966, yG: Int32 = 40254, yB: Int32 = 4064
    private static let uR: Int32 = -6596, uG: Int32 = -22188, uB: Int32 = 28784
    private static let vR: Int32 = 28784, vG: Int32 = -26145, vB: Int32 = -2639

    /// `bgra`: Cairo's ARGB32 (B, G, R, A in memory; opaque, so premultiplying changes nothing),
    /// rows `stride` bytes apart. Chroma is the mean of each 2 × 2 block.
    static func convert(bgra: UnsafePointer<UInt8>, stride: Int, width: Int, height: Int, into out: UnsafeMutablePointer<UInt8>) {
        let lumaRound: Int32 = 16 << 16 + 1 << 15
        let chromaRound: Int32 = 128 << 18 + 1 << 17
        let cb = out + width * height, cr = cb + width * height / 4
        for y in Swift.stride(from: 0, to: height, by: 2) {
            let top = bgra + y * stride, bottom = top + stride
            let lumaTop = out + y * width, lumaBottom = lumaTop + width
            let chromaRow = (y / 2) * (width / 2)
            for x in Swift.stride(from: 0, to: width, by: 2) {
                // The block's four pixels, unrolled: this loop runs two million times a frame.
                let p0 = top + x * 4, p1 = p0 + 4, p2 = bottom + x * 4, p3 = p2 + 4
                let b0 = Int32(p0[0]), g0 = Int32(p0[1]), r0 = Int32(p0[2])
                let b1 = Int32(p1[0]), g1 = Int32(p1[1]), r1 = Int32(p1[2])
                let b2 = Int32(p2[0]), g2 = Int32(p2[1]), r2 = Int32(p2[2])
                let b3 = Int32(p3[0]), g3 = Int32(p3[1]), r3 = Int32(p3[2])
                lumaTop[x] = UInt8(truncatingIfNeeded: (yR * r0 + yG * g0 + yB * b0 + lumaRound) >> 16)
                lumaTop[x + 1] = UInt8(truncatingIfNeeded: (yR * r1 + yG * g1 + yB * b1 + lumaRound) >> 16)
                lumaBottom[x] = UInt8(truncatingIfNeeded: (yR * r2 + yG * g2 + yB * b2 + lumaRound) >> 16)
                lumaBottom[x + 1] = UInt8(truncatingIfNeeded: (yR * r3 + yG * g3 + yB * b3 + lumaRound) >> 16)
                let sumR = r0 + r1 + r2 + r3, sumG = g0 + g1 + g2 + g3, sumB = b0 + b1 + b2 + b3
                cb[chromaRow + x / 2] = UInt8(truncatingIfNeeded: (uR * sumR + uG * sumG + uB * sumB + chromaRound) >> 18)
                cr[chromaRow + x / 2] = UInt8(truncatingIfNeeded: (vR * sumR + vG * sumG + vB * sumB + chromaRound) >> 18)
            }
        }
    }
}

extension ChartRenderer {
    /// The scene as an encoder's 4:2:0 frame (`YUVFrame`), drawn on the kept image surface and
    /// converted into `frame` (resized if it is not the frame's size).
    public func yuv420(_ scene: ChartScene, size: CanvasSize, into frame: inout [UInt8]) throws(RenderError) {
        let (surface, width, height) = try raster(scene, size: size)
        guard width % 2 == 0, height % 2 == 0 else { throw .cairo("a video frame needs an even width and height, not \(width)×\(height)") }
        guard let data = cairo_image_surface_get_data(surface.pointer) else { throw .cairo("no pixels") }
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        let count = YUVFrame.count(width: width, height: height)
        if frame.count != count { frame = [UInt8](repeating: 0, count: count) }
        frame.withUnsafeMutableBufferPointer { out in
            if let base = out.baseAddress { YUVFrame.convert(bgra: UnsafePointer(data), stride: stride, width: width, height: height, into: base) }
        }
    }
}
