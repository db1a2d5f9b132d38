import Foundation
import TongKetOutput
import TongKetCairo
import TongKetData

/// Printing: results to stdout, messages to stderr, straight to the file descriptors (the
/// callers buffer large output themselves; C's `stdout` global is not concurrency-safe).
enum Terminal {
    /// Text for people is shown with its control characters escaped (`Diagnostic.shown`): a
    /// cell's ESC sequence must not clear the screen or retitle the terminal.
    static func output(_ text: String) {
        var text = Diagnostic.shown(text)
        text.withUTF8 { try? write(UnsafeRawBufferPointer($0), to: 1) }
    }

    static func error(_ line: String) {
        var text = Diagnostic.shown(line) + "\n"
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
        let failure = writeAll(descriptor, bytes)
        if failure != 0 { throw WriteFailure(reason: String(cString: strerror(failure))) }
    }

    struct WriteFailure: Error {
        var reason: String
    }
}
