import TongKetData

/// Turns figures into rows of the metrics CSV. Names are escaped once per distinct name,
/// not once per row; one encoder is shared by the threads that encode blocks of rows.
struct CSVRowEncoder: Sendable {
    private let units: [[UInt8]]
    private let indicators: [[UInt8]]
    private let measures: [[UInt8]]
    private let scopes: [[UInt8]]
    private let directions: [[UInt8]]
    private let statuses: [Status: [UInt8]]

    init(_ metrics: Metrics) {
        let table = metrics.table
        units = table.units.map(MetricsExport.csvField)
        indicators = table.indicators.map(MetricsExport.csvField)
        measures = table.measures.map(MetricsExport.csvField)
        scopes = [Scope.unit, .province].map { Array(($0.rawValue + ",").utf8) }
        directions = Direction.allCases.map { Array(($0.name + ",").utf8) }
        statuses = Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0, Array(($0.rawValue + ",").utf8)) })
    }

    /// The rows of `figures`, as one block of bytes.
    func encode<S: Sequence<Figures>>(_ figures: S) -> [UInt8] {
        let collected = CollectedBytes()
        let w = ByteWriter(blockSize: 1 << 20) { collected.bytes.append(contentsOf: $0) }
        // The sink only appends to memory, so nothing here can fail.
        try? encode(figures, to: w)
        try? w.flush()
        return collected.bytes
    }

    private func encode<S: Sequence<Figures>>(_ figures: S, to w: ByteWriter) throws {
        let comma = UInt8(ascii: ",")
        for f in figures {
            try w.write(bytes: scopes[f.scope == .unit ? 0 : 1])
            try w.write(integer: Int64(f.year)); try w.write(byte: comma)
            if f.unit >= 0 { try w.write(bytes: units[Int(f.unit)]) }
            try w.write(byte: comma)
            try w.write(bytes: indicators[Int(f.indicator)]); try w.write(byte: comma)
            if f.measure >= 0 { try w.write(bytes: measures[Int(f.measure)]) }
            try w.write(byte: comma)
            try w.write(bytes: directions[Int(f.direction.rawValue)])
            try optional(f.target, w); try w.write(byte: comma)
            try w.write(number: f.actual); try w.write(byte: comma)
            try optional(f.completion, w); try w.write(byte: comma)
            try w.write(bytes: statuses[f.status] ?? [])
            try optional(f.previousActual, w); try w.write(byte: comma)
            try optional(f.yoyDelta, w); try w.write(byte: comma)
            try optional(f.yoyPercent, w); try w.write(byte: comma)
            try optional(f.completionChangePoints, w)
            try w.write(byte: UInt8(ascii: "\n"))
        }
    }

    private func optional(_ value: Double?, _ w: ByteWriter) throws {
        if let value { try w.write(number: value) }
    }
}

private final class CollectedBytes {
    var bytes: [UInt8] = []
}

/// One result slot per worker of `DispatchQueue.concurrentPerform`: each worker writes only
/// its own index, and the caller reads them after all have finished.
final class BlockSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<[UInt8]>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [])
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    subscript(index: Int) -> [UInt8] {
        get { slots[index] }
        set { slots[index] = newValue }
    }
}

