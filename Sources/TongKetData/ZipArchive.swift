import CZlib

/// The parts of a ZIP file (an .xlsx workbook is one), read from its central directory, each
/// inflated on demand with zlib. Sizes are checked against a limit while inflating, not trusted
/// from the directory, so a zip bomb stops with a message instead of filling memory.
struct ZipArchive {
    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeader: Int
        /// The CRC-32 the directory states for the part's bytes.
        var crc: UInt32
    }

    enum Problem: Error, Equatable {
        /// Not a ZIP, or its directory is cut or inconsistent.
        case corrupt(String)
        /// Encrypted entries, or a compression method other than stored and deflate.
        case unsupported(String)
        /// A part inflates past the limit: a zip bomb, or far larger than any real workbook.
        case tooLarge(name: String, limit: Int)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let entries: [Entry]

    init(_ bytes: UnsafeBufferPointer<UInt8>) throws(Problem) {
        self.bytes = bytes
        entries = try Self.directory(bytes)
    }

    func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    /// The part's bytes, at most `limit` of them once inflated.
    func contents(of entry: Entry, limit: Int) throws(Problem) -> [UInt8] {
        if entry.flags & 1 != 0 { throw .unsupported("the part \(entry.name) is encrypted") }
        let header = entry.localHeader
        guard header + 30 <= bytes.count, read32(header) == 0x0403_4B50 else { throw .corrupt("the part \(entry.name) has no local header") }
        let start = header + 30 + Int(read16(header + 26)) + Int(read16(header + 28))
        guard start + entry.compressedSize <= bytes.count else { throw .corrupt("the part \(entry.name) is cut short") }
        let data = UnsafeBufferPointer(rebasing: bytes[start..<start + entry.compressedSize])
        let contents: [UInt8]
        switch entry.method {
        case 0:
            guard data.count <= limit else { throw .tooLarge(name: entry.name, limit: limit) }
            contents = Array(data)
        case 8:
            // The stated size is checked first (a bomb that says what it is stops at once) and
            // then holds while inflating (one that lies stops at the size it claimed).
            guard entry.uncompressedSize <= limit else { throw .tooLarge(name: entry.name, limit: limit) }
            contents = try Inflater.inflate(data, expected: entry.uncompressedSize, limit: entry.uncompressedSize, name: entry.name)
        default:
            throw .unsupported("the part \(entry.name) uses compression method \(entry.method)")
        }
        // One changed byte in a stored sheet is a different figure: Excel refuses such a file, and so do we.
        let crc = contents.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
        guard crc == entry.crc else {
            throw .corrupt("the part \(entry.name) fails its checksum (CRC-32): the file was damaged after it was saved")
        }
        return contents
    }

    private func read16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    private func read32(_ at: Int) -> UInt32 { UInt32(read16(at)) | UInt32(read16(at + 2)) << 16 }

    /// The central directory, found through the end record in the last 64 KB + 22 bytes.
    private static func directory(_ bytes: UnsafeBufferPointer<UInt8>) throws(Problem) -> [Entry] {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard bytes.count >= 22 else { throw .corrupt("too short to be a ZIP file") }
        var end = -1
        var at = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while at >= lowest {
            if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 0x05, bytes[at + 3] == 0x06 { end = at; break }
            at -= 1
        }
        guard end >= 0 else { throw .corrupt("no ZIP directory at its end (the file is cut, or not a workbook)") }
        let count = u16(end + 10)
        let size = u32(end + 12)
        var offset = u32(end + 16)
        guard offset != 0xFFFF_FFFF, count != 0xFFFF else {
            // A small file marked ZIP64 is damaged, not large.
            throw bytes.count < 0xFFFF_FFFF ? .corrupt("its ZIP directory is marked as for an archive over 4 GB, but the file is \(bytes.count) bytes: it is damaged")
                                            : .unsupported("ZIP64 workbooks (over 4 GB) are not read")
        }
        guard offset + size <= end else { throw .corrupt("the ZIP directory points outside the file") }
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard offset + 46 <= end, u32(offset) == 0x0201_4B50 else { throw .corrupt("a ZIP directory entry is damaged") }
            let nameLength = u16(offset + 28), extra = u16(offset + 30), comment = u16(offset + 32)
            guard offset + 46 + nameLength <= end else { throw .corrupt("a ZIP directory entry is cut") }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset + 46..<offset + 46 + nameLength]), as: UTF8.self)
            entries.append(Entry(name: name, method: UInt16(u16(offset + 10)), flags: UInt16(u16(offset + 8)),
                                 compressedSize: u32(offset + 20), uncompressedSize: u32(offset + 24), localHeader: u32(offset + 42),
                                 crc: UInt32(truncatingIfNeeded: u32(offset + 16))))
            offset += 46 + nameLength + extra + comment
        }
        // Two parts of one name: programs disagree on which is read (LibreOffice the last), so none is.
        var seen = Set<String>()
        for entry in entries where !seen.insert(entry.name).inserted {
            throw .corrupt("it holds two parts named \(entry.name), and programs disagree on which one is the sheet")
        }
        return entries
    }
}

/// One zlib inflate stream (raw deflate, as ZIP stores it), owned here and ended in deinit.
private final class Inflater {
    private var stream = z_stream()
    private var started = false

    private init() {}

    deinit { if started { inflateEnd(&stream) } }

    static func inflate(_ data: UnsafeBufferPointer<UInt8>, expected: Int, limit: Int, name: String) throws(ZipArchive.Problem) -> [UInt8] {
        let inflater = Inflater()
        // -15: a raw deflate stream, no zlib header.
        guard inflateInit2_(&inflater.stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("zlib could not start")
        }
        inflater.started = true
        // Deflate shrinks at most about 1032 to 1: a tiny part that states 299 MB is given room
        // for what it can hold, and grows only if it really does.
        var out = [UInt8](repeating: 0, count: min(expected, data.count * 1032 + 1024, limit) + 1)
        var produced = 0
        inflater.stream.next_in = UnsafeMutablePointer(mutating: data.baseAddress)
        inflater.stream.avail_in = uInt(data.count)
        while true {
            if produced == out.count {
                // Past the stated size by a byte: the part does not match its directory entry.
                guard out.count <= limit else { throw .corrupt("the part \(name) inflates past the \(limit) bytes its directory states (a damaged file, or a zip bomb)") }
                out += [UInt8](repeating: 0, count: min(out.count, limit + 1 - out.count))
            }
            let status = out.withUnsafeMutableBufferPointer { buffer -> Int32 in
                inflater.stream.next_out = buffer.baseAddress! + produced
                inflater.stream.avail_out = uInt(buffer.count - produced)
                let status = CZlib.inflate(&inflater.stream, Z_NO_FLUSH)
                produced = buffer.count - Int(inflater.stream.avail_out)
                return status
            }
            if status == Z_STREAM_END { break }
            if status == Z_BUF_ERROR && inflater.stream.avail_in == 0 { throw .corrupt("the part \(name) is cut short") }
            guard status == Z_OK || status == Z_BUF_ERROR else { throw .corrupt("the part \(name) does not inflate (zlib error \(status))") }
        }
        out.removeSubrange(produced...)
        return out
    }
}
