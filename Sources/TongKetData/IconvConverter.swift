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

    /// The input converted to UTF-8 through a small output window, so the only large buffer
    /// is the result; nil when the bytes are not valid in that encoding.
    static func convert(_ input: UnsafeBufferPointer<UInt8>, from name: String) -> [UInt8]? {
        let handle = iconv_open("UTF-8", name)
        if handle == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(handle) }
        var output: [UInt8] = []
        output.reserveCapacity(input.count + input.count / 2)
        var window = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0
        var flushing = false
        while true {
            var failure: Int32 = 0
            let produced: Int = window.withUnsafeMutableBufferPointer { out in
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = out.count
                let status: Int
                if flushing {
                    // Flush any shift state (combining-mark encodings hold back the last letter).
                    status = iconv(handle, nil, nil, &outPointer, &outLeft)
                } else {
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: input.baseAddress.map { $0 + offset })?.assumingMemoryBound(to: CChar.self)
                    var inLeft = input.count - offset
                    status = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                    offset = input.count - inLeft
                }
                if status == -1 { failure = errno }
                return out.count - outLeft
            }
            output.append(contentsOf: window[0..<produced])
            if failure == E2BIG { continue }
            if failure != 0 { return nil }
            if flushing { return output }
            flushing = true
        }
    }
}
