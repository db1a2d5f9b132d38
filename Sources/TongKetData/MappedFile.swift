#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory. The reader walks it once from start to end and hands
/// back what it has passed (`release(before:)`), so a 200 MB export is never resident all at
/// once: the pages it has read leave memory, and come back from the file if touched again.
package final class MappedFile: @unchecked Sendable {
    public let buffer: UnsafeBufferPointer<UInt8>
    private var released = 0
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// nil when the file cannot be mapped (a pipe, a terminal); the caller reads it instead.
    init?(descriptor: Int32, size: Int) {
        guard size > 0, let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        // Read in order: let the kernel read ahead generously.
        _ = madvise(address, size, MADV_SEQUENTIAL)
        buffer = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
    }

    /// The pages wholly before `offset` may leave memory.
    public func release(before offset: Int) {
        let end = min(offset, buffer.count) / Self.pageSize * Self.pageSize
        guard end > released, let base = buffer.baseAddress else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + released), end - released, MADV_DONTNEED)
        released = end
    }

    /// After a pass, a second one (the Windows-1258 retry) may release from the start again.
    func rewind() { released = 0 }

    deinit {
        if let base = buffer.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), buffer.count) }
    }
}
