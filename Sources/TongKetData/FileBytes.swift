#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file's bytes with plain read(2) straight into the array: going through `Data`
/// costs a second copy of a 100 MB export.
enum FileBytes {
    static func read(path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        var bytes: [UInt8] = []
        var chunk = max(Int(info.st_size), 0) + 1
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
            // A short read means the end; a full chunk may mean the file grew since fstat.
            if more.count < chunk { return bytes }
            chunk = 1 << 16
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
