#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Legacy code pages (Windows-1258 above all) through the C library's iconv. The handle is
/// opened and closed inside one call, so no C state outlives it.
enum IconvConverter {
    static func canConvert(from name: String) -> Bool {
        let handle = iconv_open("UTF-8", name)
        if handle == iconv_t(bitPattern: -1) { return false }
        iconv_close(handle)
        return true
    }

    static func convert(_ input: [UInt8], from name: String) -> [UInt8]? {
        let handle = iconv_open("UTF-8", name)
        if handle == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(handle) }
        // Vietnamese letters take at most 3 UTF-8 bytes each and a code page byte is at
        // least one letter or mark, so 4× is enough; growing on E2BIG covers the rest.
        var capacity = max(64, input.count * 4)
        while true {
            var output = [UInt8](repeating: 0, count: capacity)
            var input = input
            let result: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                    var inLeft = inBuffer.count
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    let status = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                    if status == -1 { return errno == E2BIG ? -1 : nil }
                    // Flush any shift state (combining-mark encodings buffer the last letter).
                    if iconv(handle, nil, nil, &outPointer, &outLeft) == -1 { return errno == E2BIG ? -1 : nil }
                    return outBuffer.count - outLeft
                }
            }
            guard let written = result else { return nil }
            if written >= 0 { return Array(output.prefix(written)) }
            capacity *= 2
            iconv(handle, nil, nil, nil, nil)
        }
    }
}
