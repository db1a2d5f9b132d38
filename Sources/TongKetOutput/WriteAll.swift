import Foundation

/// write(2) until every byte is out, retrying interrupted calls; 0, or the errno that stopped
/// it (ENOSPC, EFBIG, EPIPE). Every writer of files and pipes goes through here.
public func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    guard var base = bytes.baseAddress else { return 0 }
    var left = bytes.count
    while left > 0 {
        let written = Foundation.write(descriptor, base, left)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        base += written
        left -= written
    }
    return 0
}
