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
            let part = compressHalf(source.base, stride: stride, width: width, rows: halves[k], last: k == 1)
            results.set(k, part?.bytes, adler: part?.adler ?? 0, length: part?.length ?? 0)
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

    /// One half of the image as raw deflate: rows converted from cairo's BGRA to PNG's RGB
    /// (each after filter byte 0, none) a band at a time into a small reused buffer and fed
    /// to zlib (level 1), so no full-size copy of the image is ever made. The first half ends
    /// on a full flush, the second finishes the stream.
    private static func compressHalf(_ data: UnsafePointer<UInt8>, stride: Int, width: Int, rows: Range<Int>, last: Bool)
        -> (bytes: [UInt8], adler: uLong, length: Int)? {
        var stream = z_stream()
        guard deflateInit2_(&stream, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let rowBytes = 1 + width * 3
        let length = rowBytes * rows.count
        let bound = Int(deflateBound(&stream, uLong(length))) + 64
        let band = 32
        var band_buffer = [UInt8](repeating: 0, count: rowBytes * band)
        var adler = adler32(0, nil, 0)
        var failed = false
        let output = [UInt8](unsafeUninitializedCapacity: bound) { out, initialized in
            stream.next_out = out.baseAddress
            stream.avail_out = uInt(bound)
            var row = rows.lowerBound
            while row < rows.upperBound && !failed {
                let count = min(band, rows.upperBound - row)
                band_buffer.withUnsafeMutableBufferPointer { buffer in
                    for i in 0..<count {
                        let source = data + (row + i) * stride
                        var o = i * rowBytes
                        buffer[o] = 0
                        o += 1
                        for x in 0..<width {
                            // ARGB32 in memory on little-endian: B, G, R, A.
                            buffer[o] = source[4 * x + 2]
                            buffer[o + 1] = source[4 * x + 1]
                            buffer[o + 2] = source[4 * x]
                            o += 3
                        }
                    }
                    let bytes = count * rowBytes
                    adler = adler32(adler, buffer.baseAddress, uInt(bytes))
                    stream.next_in = buffer.baseAddress
                    stream.avail_in = uInt(bytes)
                    let end = row + count == rows.upperBound
                    let status = CCairo.deflate(&stream, end ? (last ? Z_FINISH : Z_FULL_FLUSH) : Z_NO_FLUSH)
                    if status != (end && last ? Z_STREAM_END : Z_OK) || stream.avail_in != 0 { failed = true }
                }
                row += count
            }
            initialized = bound - Int(stream.avail_out)
        }
        return failed ? nil : (output, adler, length)
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
