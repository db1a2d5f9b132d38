#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Printing: results to stdout, messages to stderr, straight to the file descriptors (the
/// callers buffer large output themselves; C's `stdout` global is not concurrency-safe).
enum Terminal {
    static func output(_ text: String) {
        var text = text
        text.withUTF8 { try? write(UnsafeRawBufferPointer($0), to: 1) }
    }

    static func error(_ line: String) {
        var text = line + "\n"
        text.withUTF8 { try? write(UnsafeRawBufferPointer($0), to: 2) }
    }

    /// Text to stderr as is, without a newline (a progress bar redrawing its line).
    static func write(raw text: String) {
        var text = text
        text.withUTF8 { try? write(UnsafeRawBufferPointer($0), to: 2) }
    }

    /// Raw bytes to stdout, for large machine-readable output.
    static func writeStdout(_ bytes: UnsafeRawBufferPointer) throws {
        try write(bytes, to: 1)
    }

    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        guard var base = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Glibc.write(descriptor, base, left)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteFailure(reason: String(cString: strerror(errno)))
            }
            base += written
            left -= written
        }
    }

    struct WriteFailure: Error {
        var reason: String
    }
}
