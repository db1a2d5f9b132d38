import CZlib

/// A ZIP archive built in memory, as Office files are: each part deflated (raw, zlib's level
/// 6) with its CRC-32, a fixed timestamp so the same parts give the same bytes, and the
/// central directory at the end. `[Content_Types].xml` should be the first part.
struct ZipWriter {
    private var bytes: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    /// 1980-01-01 00:00 in MS-DOS form: no clock in the file, so packs are reproducible.
    private static let dosTime: UInt16 = 0, dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    mutating func add(_ name: String, _ data: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = data.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        // PNGs are compressed already: deflating them again costs time and saves nothing.
        let compress = !name.hasSuffix(".png")
        let (method, stored) = (compress ? Self.deflated(data) : nil).map { (UInt16(8), $0) } ?? (0, data)
        let offset = UInt32(bytes.count)
        // From "version needed" to the extra field's length, a local header and its central
        // directory entry say the same.
        var fields: [UInt8] = []
        fields.le16(20)
        fields.le16(0x0800)  // names in UTF-8
        fields.le16(method)
        fields.le16(Self.dosTime)
        fields.le16(Self.dosDate)
        fields.le32(crc)
        fields.le32(UInt32(stored.count))
        fields.le32(UInt32(data.count))
        fields.le16(UInt16(nameBytes.count))
        fields.le16(0)

        bytes.le32(0x0403_4B50)
        bytes += fields + nameBytes + stored

        directory.le32(0x0201_4B50)
        directory.le16(20)  // made by
        directory += fields
        directory.le16(0)
        directory.le16(0)
        directory.le16(0)
        directory.le32(0)
        directory.le32(offset)
        directory += nameBytes
        count += 1
    }

    mutating func add(_ name: String, _ text: String) { add(name, Array(text.utf8)) }

    /// The archive's bytes, its central directory closed.
    func finished() -> [UInt8] {
        var out = bytes + directory
        out.le32(0x0605_4B50)
        out.le16(0)
        out.le16(0)
        out.le16(UInt16(count))
        out.le16(UInt16(count))
        out.le32(UInt32(directory.count))
        out.le32(UInt32(bytes.count))
        out.le16(0)
        return out
    }

    /// Raw deflate; nil when it does not make the part smaller, which is then stored.
    private static func deflated(_ data: [UInt8]) -> [UInt8]? {
        guard data.count > 64 else { return nil }
        var stream = z_stream()
        guard deflateInit2_(&stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))))
        var input = data
        let status = input.withUnsafeMutableBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) < data.count else { return nil }
        return Array(out.prefix(Int(stream.total_out)))
    }
}

extension [UInt8] {
    fileprivate mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    fileprivate mutating func le32(_ v: UInt32) { for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((v >> UInt32(shift)) & 0xFF)) } }
}
