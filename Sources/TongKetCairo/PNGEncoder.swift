import CCairo
import Foundation

/// A PNG file: signature, IHDR, one IDAT, IEND. The IDAT's zlib stream is two raw deflate
/// streams joined (the first ends on a full flush, so the second starts on a byte boundary
/// with no back references into it) — how pigz compresses in parallel — with the Adler-32
/// of the whole put together from the two halves'.
enum PNGEncoder {
    static func encode(bgra: UnsafePointer<UInt8>, stride: Int, width: Int, height: Int) throws(RenderError) -> [UInt8] {
        let split = height / 2
        let halves = [0..<split, split..<height]
        let results = HalfResults()
        let source = SendablePixels(base: bgra)
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let rows = rgbRows(source.base, stride: stride, width: width, rows: halves[k])
            results.set(k, compressedPart(rows, last: k == 1), adler: rows.withUnsafeBufferPointer { adler32(1, $0.baseAddress, uInt($0.count)) }, length: rows.count)
        }
        guard let first = results.parts[0], let second = results.parts[1] else { throw .png("deflate failed") }
        let adler = adler32_combine(results.adlers[0], results.adlers[1], off_t(results.lengths[1]))
        var idat: [UInt8] = [0x78, 0x01]
        idat.reserveCapacity(first.count + second.count + 6)
        idat += first
        idat += second
        idat += bigEndian(UInt32(truncatingIfNeeded: adler))
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(idat.count + 64)
        // 8-bit RGB, deflate, no interlace.
        chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0], into: &png)
        chunk("IDAT", idat, into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    /// PNG rows of RGB, each after a filter byte 0 (none), from cairo's BGRA.
    private static func rgbRows(_ data: UnsafePointer<UInt8>, stride: Int, width: Int, rows: Range<Int>) -> [UInt8] {
        let rowBytes = 1 + width * 3
        return [UInt8](unsafeUninitializedCapacity: rowBytes * rows.count) { out, initialized in
            for (i, row) in rows.enumerated() {
                let source = data + row * stride
                var o = i * rowBytes
                out[o] = 0
                o += 1
                for x in 0..<width {
                    // ARGB32 in memory on little-endian: B, G, R, A.
                    out[o] = source[4 * x + 2]
                    out[o + 1] = source[4 * x + 1]
                    out[o + 2] = source[4 * x]
                    o += 3
                }
            }
            initialized = rowBytes * rows.count
        }
    }

    /// Raw deflate, level 1; the first half ends on a full flush, the second finishes.
    private static func compressedPart(_ input: [UInt8], last: Bool) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(&stream, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 16
        var status = Z_OK
        let output = [UInt8](unsafeUninitializedCapacity: bound) { out, initialized in
            input.withUnsafeBufferPointer { source in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(bound)
                status = CCairo.deflate(&stream, last ? Z_FINISH : Z_FULL_FLUSH)
            }
            initialized = bound - Int(stream.avail_out)
        }
        guard status == (last ? Z_STREAM_END : Z_OK), stream.avail_in == 0 else { return nil }
        return output
    }

    private static func chunk<C: Collection<UInt8>>(_ type: String, _ data: C, into png: inout [UInt8]) {
        png += bigEndian(UInt32(data.count))
        let start = png.count
        png += Array(type.utf8)
        png += data
        let crc = png[start...].withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        png += bigEndian(UInt32(crc))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}

/// The cairo surface's pixels, read (never written) by both halves while the caller waits.
private struct SendablePixels: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
}

/// Each worker fills only its own half's slot; the caller reads after both have finished.
private final class HalfResults: @unchecked Sendable {
    var parts: [[UInt8]?] = [nil, nil]
    var adlers: [uLong] = [0, 0]
    var lengths: [Int] = [0, 0]
    private let lock = NSLock()

    func set(_ k: Int, _ part: [UInt8]?, adler: uLong, length: Int) {
        lock.lock()
        defer { lock.unlock() }
        parts[k] = part
        adlers[k] = adler
        lengths[k] = length
    }
}
