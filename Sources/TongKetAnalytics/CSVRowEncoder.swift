import TongKetData

/// Turns figures into rows of the metrics CSV. Names are escaped once per distinct name,
/// not once per row, and kept in one flat buffer so the hot loop copies bytes without
/// retaining an array per field; one encoder is shared by the threads that encode blocks.
struct CSVRowEncoder: Sendable {
    /// Every piece of text a row can hold, each followed by a comma, end to end.
    private let text: [UInt8]
    /// Where each piece starts in `text`; piece i ends where piece i + 1 starts.
    private let offsets: [Int]
    private let unitBase, indicatorBase, measureBase, fixedBase: Int
    /// Per indicator, the piece of the measure the catalogue states (or "%" for a rate its name
    /// makes one), shown instead of the file's; -1 where the file's stands.
    private let measureOverride: [Int]
    /// ",<period>," after the year: one table, one period.
    private let period: [UInt8]
    /// The figures, for the targets a form states beside the headline (none in most files).
    private let metrics: Metrics
    private let hasOtherTargets: Bool
    /// Per indicator, the whole it is a part of (`parent`).
    private let parents: [Int32?]

    init(_ metrics: Metrics) {
        self.metrics = metrics
        hasOtherTargets = !metrics.others.isEmpty
        parents = metrics.interpretation.indicators.map(\.parent)
        let table = metrics.table
        var pieces: [[UInt8]] = []
        unitBase = pieces.count
        pieces += table.units.map { MetricsExport.csvField($0) + [UInt8(ascii: ",")] }
        indicatorBase = pieces.count
        pieces += table.indicators.map { MetricsExport.csvField($0) + [UInt8(ascii: ",")] }
        measureBase = pieces.count
        pieces += table.measures.map { MetricsExport.csvField($0) + [UInt8(ascii: ",")] }
        fixedBase = pieces.count
        // unit, province, higher, lower, then the statuses and the change statuses: see `fixed`.
        pieces += ["unit", "province", "higher", "lower", "", "none"].map { Array(($0 + ",").utf8) }
        pieces += Status.allCases.map { Array(($0.rawValue + ",").utf8) }
        pieces += ChangeStatus.allCases.map { Array(($0.rawValue + ",").utf8) }
        var overrides = [Int](repeating: -1, count: table.indicators.count)
        for (id, profile) in metrics.interpretation.indicators.enumerated() {
            guard let stated = profile.measure ?? (profile.isRate && profile.rateBasis != .data ? "%" : nil) else { continue }
            overrides[id] = pieces.count
            pieces.append(MetricsExport.csvField(stated) + [UInt8(ascii: ",")])
        }
        measureOverride = overrides
        period = MetricsExport.csvField(table.period.label) + [UInt8(ascii: ",")]
        var offsets = [0]
        for piece in pieces { offsets.append(offsets[offsets.count - 1] + piece.count) }
        self.offsets = offsets
        text = pieces.flatMap { $0 }
    }

    private enum Fixed: Int {
        case unit, province, higher, lower, empty, none, met, notMet, undefined, better, worse, unchanged, changeUndefined
    }

    /// The rows of `figures`, as one block of bytes.
    func encode<S: Sequence<FigureRow>>(_ figures: S) -> [UInt8] {
        let collected = CollectedBytes()
        // One block large enough for a whole batch: a single copy out at the end.
        let w = ByteWriter(blockSize: 1 << 23) { collected.bytes.append(contentsOf: $0) }
        text.withUnsafeBufferPointer { text in
            offsets.withUnsafeBufferPointer { offsets in
                // The sink only appends to memory, so nothing here can fail.
                try? encode(figures, text: text, offsets: offsets, to: w)
            }
        }
        try? w.flush()
        return collected.bytes
    }

    private func encode<S: Sequence<FigureRow>>(_ figures: S, text: UnsafeBufferPointer<UInt8>,
                                              offsets: UnsafeBufferPointer<Int>, to w: ByteWriter) throws {
        func piece(_ index: Int) throws {
            try w.write(bytes: UnsafeBufferPointer(rebasing: text[offsets[index]..<offsets[index + 1]]))
        }
        func fixed(_ value: Fixed) throws { try piece(fixedBase + value.rawValue) }
        let comma = UInt8(ascii: ",")
        for f in figures {
            try fixed(f.scope == .unit ? .unit : .province)
            try w.write(integer: Int64(f.year)); try w.write(byte: comma)
            try w.write(bytes: period)
            if f.unit >= 0 { try piece(unitBase + Int(f.unit)) } else { try fixed(.empty) }
            try piece(indicatorBase + Int(f.indicator))
            if let parent = parents[Int(f.indicator)] { try piece(indicatorBase + Int(parent)) } else { try fixed(.empty) }
            if measureOverride[Int(f.indicator)] >= 0 { try piece(measureOverride[Int(f.indicator)]) }
            else if f.measure >= 0 { try piece(measureBase + Int(f.measure)) } else { try fixed(.empty) }
            switch f.direction {
            case .higher: try fixed(.higher)
            case .lower: try fixed(.lower)
            case .neutral: try fixed(.none)
            }
            try optional(f.target, w); try w.write(byte: comma)
            try w.write(number: f.actual); try w.write(byte: comma)
            try optional(f.completion, w); try w.write(byte: comma)
            switch f.status {
            case .met: try fixed(.met)
            case .notMet: try fixed(.notMet)
            case .undefined: try fixed(.undefined)
            }
            switch f.changeStatus {
            case .better: try fixed(.better)
            case .worse: try fixed(.worse)
            case .unchanged: try fixed(.unchanged)
            case .undefined: try fixed(.changeUndefined)
            }
            try optional(f.previousActual, w); try w.write(byte: comma)
            try optional(f.yoyDelta, w); try w.write(byte: comma)
            try optional(f.yoyPercent, w); try w.write(byte: comma)
            try optional(f.completionChangePoints, w); try w.write(byte: comma)
            if hasOtherTargets {
                let targets = metrics.targets(of: f)
                if !targets.isEmpty { try w.write(bytes: MetricsExport.csvField(targets.text)) }
            }
            try w.write(byte: comma)
            if f.estimated || f.published || f.flagged || f.previousSource != .ownRow { try w.write(f.flags) }
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
