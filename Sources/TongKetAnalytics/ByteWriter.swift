/// Buffers output bytes and hands them to a sink in large blocks: writing a million-row
/// table through `print`, String concatenation or per-byte `Array.append` costs more than
/// computing it.
public struct ByteWriter {
    /// Where each full block of bytes goes: a file, standard output, a buffer.
    public typealias Sink = (UnsafeRawBufferPointer) throws -> Void

    private let storage: Storage
    private let sink: Sink

    /// The block the bytes collect in; owned here and freed with the writer.
    private final class Storage {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }
    }

    public init(blockSize: Int = 1 << 20, sink: @escaping Sink) {
        storage = Storage(capacity: max(blockSize, 64))
        self.sink = sink
    }

    /// Room for `count` more bytes, flushing first if needed; false when even an empty
    /// block is too small (the caller then hands the bytes straight to the sink).
    @inline(__always)
    private func reserve(_ count: Int) throws -> Bool {
        if storage.count + count <= storage.capacity { return true }
        try flush()
        return count <= storage.capacity
    }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: $0) }
    }

    public func write(bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try write(bytes: $0) }
    }

    public func write(bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        guard try reserve(bytes.count) else {
            try sink(UnsafeRawBufferPointer(bytes))
            return
        }
        (storage.base + storage.count).update(from: source, count: bytes.count)
        storage.count += bytes.count
    }

    public func write(byte: UInt8) throws {
        _ = try reserve(1)
        storage.base[storage.count] = byte
        storage.count += 1
    }

    /// Integers as digits, without going through String.
    public func write(integer value: Int64) throws {
        _ = try reserve(20)
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let count = withUnsafeMutableBytes(of: &digits) { raw -> Int in
            var n = 0
            repeat {
                raw[n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                n += 1
            } while magnitude > 0
            return n
        }
        if value < 0 { storage.base[storage.count] = UInt8(ascii: "-"); storage.count += 1 }
        withUnsafeBytes(of: &digits) { raw in
            for i in stride(from: count - 1, through: 0, by: -1) {
                storage.base[storage.count] = raw[i]
                storage.count += 1
            }
        }
    }

    /// A number for machines: dot decimals, no grouping, integers without ".0", otherwise the
    /// shortest text that reads back as the same Double (what `description` prints).
    public func write(number value: Double) throws {
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            try write(integer: Int64(value))
            return
        }
        var text = value.description
        try text.withUTF8 { try write(bytes: $0) }
    }

    public func flush() throws {
        guard storage.count > 0 else { return }
        let count = storage.count
        storage.count = 0
        try sink(UnsafeRawBufferPointer(start: storage.base, count: count))
    }
}
