import CCairo
import CZlib
import Foundation

/// A PNG file: signature, IHDR, one IDAT, IEND. The image is cut in two halves that are
/// converted and compressed on both cores; the first half's deflate blocks end on a byte
/// boundary (an empty stored block, like zlib's full flush) and the second half's follow,
/// so together they are one zlib stream, whose Adler-32 is put together from the halves'.
enum PNGEncoder {
    static func encode(bgra: UnsafePointer<UInt8>, stride: Int, width: Int, height: Int) -> [UInt8] {
        let split = height / 2
        let halves = [0..<split, split..<height]
        let results = HalfResults()
        let source = SendablePixels(base: bgra)
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let part = compressHalf(source.base, stride: stride, width: width, rows: halves[k], last: k == 1)
            results.set(k, part.bytes, adler: part.adler, length: part.length)
        }
        let adler = adler32_combine(uLong(results.adlers[0]), uLong(results.adlers[1]), off_t(results.lengths[1]))
        var idat: [UInt8] = [0x78, 0x01]
        idat.reserveCapacity(results.parts[0].count + results.parts[1].count + 6)
        idat += results.parts[0]
        idat += results.parts[1]
        idat += bigEndian(UInt32(truncatingIfNeeded: adler))
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(idat.count + 64)
        // 8-bit RGB, deflate, no interlace.
        chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0], into: &png)
        chunk("IDAT", idat, into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    /// One half of the image as raw deflate: rows converted from cairo's BGRA to PNG's RGB,
    /// each after filter byte 0 (none: the deflater's "one row up" does what the Up filter
    /// would), with the row before the half in front so the first row can refer to it.
    private static func compressHalf(_ data: UnsafePointer<UInt8>, stride: Int, width: Int, rows: Range<Int>, last: Bool)
        -> (bytes: [UInt8], adler: UInt32, length: Int) {
        let rowBytes = 1 + width * 3
        let first = max(0, rows.lowerBound - 1)
        let history = (rows.lowerBound - first) * rowBytes
        let filtered = [UInt8](unsafeUninitializedCapacity: (rows.upperBound - first) * rowBytes) { buffer, initialized in
            for row in first..<rows.upperBound {
                convertRow(data + row * stride, width: width, into: buffer.baseAddress! + (row - first) * rowBytes)
            }
            initialized = (rows.upperBound - first) * rowBytes
        }
        return filtered.withUnsafeBufferPointer { buffer in
            let length = buffer.count - history
            let adler = Adler32.checksum(UnsafeBufferPointer(rebasing: buffer[history...]))
            let deflater = ImageDeflater(rowBytes: rowBytes, pixelBytes: 3)
            return (deflater.compress(buffer, history: history, final: last), adler, length)
        }
    }

    /// Filter byte 0, then each pixel's R, G, B. A pixel read as a little-endian UInt32 is
    /// 0xAARRGGBB; byte-swapped and shifted it is 0x00BBGGRR, whose low three bytes in memory
    /// are R, G, B — four pixels make three words.
    @inline(__always)
    private static func convertRow(_ source: UnsafePointer<UInt8>, width: Int, into row: UnsafeMutablePointer<UInt8>) {
        row[0] = 0
        let pixels = UnsafeRawPointer(source)
        let out = UnsafeMutableRawPointer(row + 1)
        var x = 0
        while x + 4 <= width {
            let p0 = pixels.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self).byteSwapped >> 8
            let p1 = pixels.loadUnaligned(fromByteOffset: 4 * x + 4, as: UInt32.self).byteSwapped >> 8
            let p2 = pixels.loadUnaligned(fromByteOffset: 4 * x + 8, as: UInt32.self).byteSwapped >> 8
            let p3 = pixels.loadUnaligned(fromByteOffset: 4 * x + 12, as: UInt32.self).byteSwapped >> 8
            out.storeBytes(of: p0 | p1 << 24, toByteOffset: 3 * x, as: UInt32.self)
            out.storeBytes(of: p1 >> 8 | p2 << 16, toByteOffset: 3 * x + 4, as: UInt32.self)
            out.storeBytes(of: p2 >> 16 | p3 << 8, toByteOffset: 3 * x + 8, as: UInt32.self)
            x += 4
        }
        while x < width {
            row[1 + 3 * x] = source[4 * x + 2]
            row[2 + 3 * x] = source[4 * x + 1]
            row[3 + 3 * x] = source[4 * x]
            x += 1
        }
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
    var parts: [[UInt8]] = [[], []]
    var adlers: [UInt32] = [0, 0]
    var lengths: [Int] = [0, 0]
    private let lock = NSLock()

    func set(_ k: Int, _ part: [UInt8], adler: UInt32, length: Int) {
        lock.lock()
        defer { lock.unlock() }
        parts[k] = part
        adlers[k] = adler
        lengths[k] = length
    }
}
