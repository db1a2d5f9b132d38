/// Buffers output bytes and hands them to a sink in large blocks: writing a million-row
/// table through `print` or String concatenation costs more than computing it.
public struct ByteWriter {
    public typealias Sink = (UnsafeRawBufferPointer) throws -> Void

    private var buffer: [UInt8] = []
    private let sink: Sink
    private let blockSize: Int

    public init(blockSize: Int = 1 << 20, sink: @escaping Sink) {
        self.sink = sink
        self.blockSize = blockSize
        buffer.reserveCapacity(blockSize + 4096)
    }

    public mutating func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= blockSize { try flush() }
    }

    public mutating func write(byte: UInt8) { buffer.append(byte) }

    public mutating func write(bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    /// Integers as digits, without going through String.
    public mutating func write(integer value: Int64) {
        var magnitude = value.magnitude
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for i in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[i]) }
        }
    }

    /// A number for machines: dot decimals, no grouping, integers without ".0", otherwise the
    /// shortest text that reads back as the same Double.
    public mutating func write(number value: Double) {
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            write(integer: Int64(value))
        } else {
            var text = value.description
            text.withUTF8 { buffer.append(contentsOf: $0) }
        }
    }

    public mutating func flushIfFull() throws {
        if buffer.count >= blockSize { try flush() }
    }

    public mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try sink($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
