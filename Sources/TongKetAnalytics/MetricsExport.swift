import Dispatch
import TongKetData

/// The machine-readable metrics table of DESIGN §6, as CSV or JSON. Other tools and the
/// report build on these columns, so their names and order are a contract.
public enum MetricsExport {
    /// `parent` is the item an indicator is a part of ("Thu nội địa" of "Thu từ DNNN"), empty at the top;
    /// `period` is the part of the year ("cả năm" for whole years); `targets`, when the files state
    /// more than one, each as "name=value" joined by " | " (the headline first, also in `target`);
    /// `flags` says, separated by
    /// ";", `estimate` for a result given as an estimate ("Ước TH 2024"), `published` for a
    /// province figure taken from the office's total row, `check` for a value `check` flags.
    public static let columns = [
        "scope", "year", "period", "unit", "indicator", "parent", "measure", "direction", "target", "actual", "completion",
        "status", "change_status", "previous_actual", "yoy_delta", "yoy_pct", "completion_change_pp", "targets", "flags",
    ]

    /// The file written: metrics.csv or metrics.json.
    public enum Format: String, Sendable, CaseIterable { case csv, json }

    /// Writes every figure of `year` (or of every year), units first, then the province.
    /// CSV: UTF-8 with BOM (so Excel reads it as UTF-8), comma-separated, dot decimals, no
    /// grouping, ratios as fractions, an empty cell for undefined. JSON: the same fields,
    /// null for undefined.
    public static func write(_ metrics: Metrics, year: Int?, format: Format, to writer: ByteWriter) throws {
        try write([metrics], year: year, format: format, to: writer)
    }

    /// The figures of several periods (the same files' 6 tháng and cả năm) in one table, each
    /// period's rows together, in the order the periods are given.
    public static func write(_ periods: [Metrics], year: Int?, format: Format, to writer: ByteWriter) throws {
        switch format {
        case .csv:
            try writer.write(bytes: [0xEF, 0xBB, 0xBF])
            try writer.write(columns.joined(separator: ",") + "\n")
            for metrics in periods { try writeCSV(metrics, year: year, to: writer) }
        case .json:
            var first = true
            try writer.write("[")
            for metrics in periods { try writeJSON(metrics, year: year, first: &first, to: writer) }
            try writer.write(first ? "]\n" : "\n]\n")
        }
        try writer.flush()
    }

    private static func forEachFigure(_ metrics: Metrics, year: Int?, _ body: (FigureRow) throws -> Void) rethrows {
        let rows = metrics.table.rows
        for i in rows.indices where year == nil || Int(rows[i].year) == year { try body(metrics.unitFigures(at: i)) }
        let province = metrics.provinceRows
        for i in province.indices where year == nil || Int(province[i].year) == year { try body(metrics.provinceFigures(at: i)) }
    }

    // MARK: CSV

    /// Rows are encoded in blocks on both cores, then written in order: turning doubles into
    /// text is most of the cost of a million-row table. (Overlapping the writes with the
    /// next blocks' encoding was measured slower on two cores.)
    private static func writeCSV(_ metrics: Metrics, year: Int?, to w: ByteWriter) throws {
        let encoder = CSVRowEncoder(metrics)
        let rows = metrics.table.rows
        let block = 1 << 15
        var start = 0
        while start < rows.count {
            let ranges = (0..<2).map { k in
                min(start + k * block, rows.count)..<min(start + (k + 1) * block, rows.count)
            }
            let encoded = BlockSlots(count: 2)
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                encoded[k] = encoder.encode(ranges[k].lazy.filter { year == nil || Int(rows[$0].year) == year }.map(metrics.unitFigures(at:)))
            }
            for k in 0..<2 { try w.write(bytes: encoded[k]) }
            start += 2 * block
        }
        let province = metrics.provinceRows
        try w.write(bytes: encoder.encode(province.indices.lazy.filter { year == nil || Int(province[$0].year) == year }.map(metrics.provinceFigures(at:))))
    }

    /// RFC 4180: quoted only when needed, inner quotes doubled; a name Excel would run as a
    /// formula ("=HYPERLINK(…)") written as text.
    static func csvField(_ text: String) -> [UInt8] { CSVField.neutralised(Array(text.utf8)) }

    // MARK: JSON

    private enum JSONValue {
        case text(String?)
        case number(Double?)
        case targets([TargetFigure])
    }

    private static func writeJSON(_ metrics: Metrics, year: Int?, first: inout Bool, to w: ByteWriter) throws {
        try forEachFigure(metrics, year: year) { f in
            let values: [JSONValue] = [
                .text(f.scope.rawValue), .number(Double(f.year)), .text(metrics.table.period.label), .text(f.unit < 0 ? nil : metrics.unitName(f)),
                .text(metrics.indicatorName(f)), .text(metrics.parentName(f.indicator).isEmpty ? nil : metrics.parentName(f.indicator)),
                .text(metrics.measureName(f).isEmpty ? nil : metrics.measureName(f)),
                .text(f.direction.name), .number(f.target), .number(f.actual), .number(f.completion),
                .text(f.status.rawValue), .text(f.changeStatus.rawValue),
                .number(f.previousActual), .number(f.yoyDelta), .number(f.yoyPercent),
                .number(f.completionChangePoints), .targets(metrics.targets(of: f)), .text(f.flags),
            ]
            try w.write(first ? "\n  {" : ",\n  {")
            first = false
            for (i, value) in values.enumerated() {
                try w.write((i == 0 ? "\"" : ", \"") + columns[i] + "\": ")
                switch value {
                case let .text(text?): try w.write(jsonString(text))
                case let .number(number?): try w.write(number: number)
                case .text(nil), .number(nil): try w.write("null")
                case let .targets(targets): try writeJSON(targets, to: w)
                }
            }
            try w.write("}")
        }
    }

    /// A figure's targets as a list of {name, value, completion, status}: empty when it has one.
    private static func writeJSON(_ targets: [TargetFigure], to w: ByteWriter) throws {
        try w.write("[")
        for (i, t) in targets.enumerated() {
            try w.write((i == 0 ? "" : ", ") + "{\"name\": " + jsonString(t.name) + ", \"value\": ")
            if let target = t.target { try w.write(number: target) } else { try w.write("null") }
            try w.write(", \"completion\": ")
            if let completion = t.completion { try w.write(number: completion) } else { try w.write("null") }
            try w.write(", \"status\": " + jsonString(t.status.rawValue) + ", \"headline\": \(t.headline)}")
        }
        try w.write("]")
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
