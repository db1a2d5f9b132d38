#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What cannot be mapped (a pipe, a process substitution) read whole with plain read(2)
/// straight into the array, stopping just past `limit` so an endless stream cannot exhaust
/// memory.
enum FileBytes {
    static func read(descriptor: Int32, limit: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = 1 << 16
        while true {
            let start = bytes.count
            var failed = false
            // Uninitialised capacity: zero-filling 100 MB first would cost as much as reading it.
            let more = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, initialized in
                guard let base = buffer.baseAddress else { return }
                while initialized < chunk {
                    let n = systemRead(descriptor, base + initialized, chunk - initialized)
                    if n < 0 { if errno == EINTR { continue }; failed = true; return }
                    if n == 0 { break }
                    initialized += n
                }
            }
            if failed { return nil }
            if start == 0 { bytes = more } else { bytes += more }
            if more.count < chunk || bytes.count > limit { return bytes }
            chunk = min(chunk * 2, 1 << 24)
        }
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(descriptor, buffer, count)
        #else
        return Darwin.read(descriptor, buffer, count)
        #endif
    }
}
