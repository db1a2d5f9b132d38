import CCairo
import Foundation
import TongKetOutput

/// Where a PDF or SVG surface writes, through a callback of ours rather than cairo's own
/// stdio stream: cairo does not report a write that failed on a full disk, and a truncated
/// PDF must not be renamed into place as if it were whole. A file, or memory (-1).
final class FileStream {
    private let descriptor: Int32
    private let path: String
    private var failure: Int32 = 0
    private var isOpen = true
    /// What was written, when in memory; the unwritten rest, for a file.
    private(set) var bytes: [UInt8] = []

    init(path: String) throws(RenderError) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        self.path = path
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }

    private init() {
        descriptor = -1
        path = ""
        isOpen = false
    }

    static func inMemory() -> FileStream { FileStream() }

    /// For cairo_*_surface_create_for_stream; `closure` is this stream, unretained (the
    /// caller keeps it alive while the surface lives).
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let stream = Unmanaged<FileStream>.fromOpaque(closure).takeUnretainedValue()
        return stream.append(data, Int(length))
    }

    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// Cairo writes a PDF a few bytes at a time ("q\n", a number): collected here and written
    /// 64 KB at a time, not a system call each.
    private func append(_ data: UnsafePointer<UInt8>, _ length: Int) -> cairo_status_t {
        guard failure == 0 else { return CAIRO_STATUS_WRITE_ERROR }
        bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: length))
        if descriptor >= 0, bytes.count >= 1 << 16 { flush() }
        return failure == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
    }

    private func flush() {
        guard failure == 0, descriptor >= 0, !bytes.isEmpty else { return }
        failure = bytes.withUnsafeBytes { writeAll(descriptor, $0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and closes the file; the first write or close error, if any.
    func close() throws(RenderError) {
        if isOpen {
            flush()
            isOpen = false
            if Foundation.close(descriptor) != 0, failure == 0 { failure = errno }
        }
        if failure != 0 { throw .cannotWrite(path: path, reason: String(cString: strerror(failure))) }
    }

    deinit { if isOpen { Foundation.close(descriptor) } }
}
