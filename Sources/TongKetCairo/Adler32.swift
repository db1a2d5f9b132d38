/// Adler-32 (RFC 1950), the zlib stream's checksum, sixteen bytes at a time: zlib's own
/// byte-at-a-time loop took as long as compressing a chart.
enum Adler32 {
    /// The checksum of `bytes` continued from `start` (1 for an empty prefix).
    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>, start: UInt32 = 1) -> UInt32 {
        let modulus: UInt64 = 65521
        var a = UInt64(start & 0xFFFF), b = UInt64(start >> 16)
        guard var p = bytes.baseAddress.map(UnsafeRawPointer.init) else { return start }
        var left = bytes.count
        // Per lane, the sums of a block of 4096 chunks stay below 2^32 (255 · 4096² / 2).
        let chunksPerBlock = 4096
        let weights = SIMD16<UInt32>(16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1)
        while left >= 16 {
            let chunks = min(chunksPerBlock, left / 16)
            var sum = SIMD16<UInt32>(repeating: 0), earlier = SIMD16<UInt32>(repeating: 0)
            for c in 0..<chunks {
                earlier &+= sum
                sum &+= SIMD16<UInt32>(truncatingIfNeeded: p.loadUnaligned(fromByteOffset: 16 * c, as: SIMD16<UInt8>.self))
            }
            // Byte j of chunk c is counted into b (N - 16c - j) times, N = 16 · chunks:
            // 16 times for each later chunk (`earlier`), and 16 - j times in its own.
            let n = UInt64(16 * chunks)
            b += n * a + 16 * SIMD16<UInt64>(truncatingIfNeeded: earlier).wrappedSum() + UInt64((sum &* weights).wrappedSum())
            a += UInt64(sum.wrappedSum())
            a %= modulus
            b %= modulus
            p += 16 * chunks
            left -= 16 * chunks
        }
        for i in 0..<left {
            a += UInt64(p.load(fromByteOffset: i, as: UInt8.self))
            b += a
        }
        return UInt32(b % modulus) << 16 | UInt32(a % modulus)
    }
}
