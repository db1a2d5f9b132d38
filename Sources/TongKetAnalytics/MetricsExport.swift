import TongKetData

/// The machine-readable metrics table of DESIGN §6, as CSV or JSON. Other tools and the
/// report build on these columns, so their names and order are a contract.
public enum MetricsExport {
    public static let columns = [
        "scope", "year", "unit", "indicator", "measure", "direction", "target", "actual", "completion",
        "status", "previous_actual", "yoy_delta", "yoy_pct", "completion_change_pp",
    ]

    public enum Format: String, Sendable, CaseIterable { case csv, json }

    /// Writes every figure of `year` (or of every year), units first, then the province.
    /// CSV: UTF-8 with BOM (so Excel reads it as UTF-8), comma-separated, dot decimals, no
    /// grouping, ratios as fractions, an empty cell for undefined. JSON: the same fields,
    /// null for undefined.
    public static func write(_ metrics: Metrics, year: Int?, format: Format, to writer: inout ByteWriter) throws {
        switch format {
        case .csv: try writeCSV(metrics, year: year, to: &writer)
        case .json: try writeJSON(metrics, year: year, to: &writer)
        }
        try writer.flush()
    }

    private static func forEachFigure(_ metrics: Metrics, year: Int?, _ body: (Figures) throws -> Void) rethrows {
        let rows = metrics.table.rows
        for i in rows.indices where year == nil || Int(rows[i].year) == year { try body(metrics.unitFigures(at: i)) }
        let province = metrics.provinceRows
        for i in province.indices where year == nil || Int(province[i].year) == year { try body(metrics.provinceFigures(at: i)) }
    }

    // MARK: CSV

    private static func writeCSV(_ metrics: Metrics, year: Int?, to w: inout ByteWriter) throws {
        w.write(bytes: [0xEF, 0xBB, 0xBF])
        try w.write(columns.joined(separator: ",") + "\n")
        // Names are escaped once per distinct name, not once per row.
        let table = metrics.table
        let units = table.units.map(csvField)
        let indicators = table.indicators.map(csvField)
        let measures = table.measures.map(csvField)
        let comma = UInt8(ascii: ",")
        try forEachFigure(metrics, year: year) { f in
            w.write(bytes: f.scope == .unit ? Array("unit,".utf8) : Array("province,".utf8))
            w.write(integer: Int64(f.year)); w.write(byte: comma)
            if f.unit >= 0 { w.write(bytes: units[Int(f.unit)]) }
            w.write(byte: comma)
            w.write(bytes: indicators[Int(f.indicator)]); w.write(byte: comma)
            if f.measure >= 0 { w.write(bytes: measures[Int(f.measure)]) }
            w.write(byte: comma)
            w.write(bytes: f.direction == .higher ? Array("higher,".utf8) : Array("lower,".utf8))
            optional(f.target, &w); w.write(byte: comma)
            w.write(number: f.actual); w.write(byte: comma)
            optional(f.completion, &w); w.write(byte: comma)
            w.write(bytes: Array(f.status.rawValue.utf8)); w.write(byte: comma)
            optional(f.previousActual, &w); w.write(byte: comma)
            optional(f.yoyDelta, &w); w.write(byte: comma)
            optional(f.yoyPercent, &w); w.write(byte: comma)
            optional(f.completionChangePoints, &w)
            w.write(byte: UInt8(ascii: "\n"))
            try w.flushIfFull()
        }
    }

    private static func optional(_ value: Double?, _ w: inout ByteWriter) {
        if let value { w.write(number: value) }
    }

    /// RFC 4180: quoted only when needed, inner quotes doubled.
    static func csvField(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        let special: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
        guard bytes.contains(where: special.contains) else { return bytes }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for b in bytes {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    // MARK: JSON

    private enum JSONValue {
        case text(String?)
        case number(Double?)
    }

    private static func writeJSON(_ metrics: Metrics, year: Int?, to w: inout ByteWriter) throws {
        var first = true
        try w.write("[")
        try forEachFigure(metrics, year: year) { f in
            let values: [JSONValue] = [
                .text(f.scope.rawValue), .number(Double(f.year)), .text(f.unit < 0 ? nil : metrics.unitName(f)),
                .text(metrics.indicatorName(f)), .text(f.measure < 0 ? nil : metrics.measureName(f)),
                .text(f.direction.name), .number(f.target), .number(f.actual), .number(f.completion),
                .text(f.status.rawValue), .number(f.previousActual), .number(f.yoyDelta), .number(f.yoyPercent),
                .number(f.completionChangePoints),
            ]
            try w.write(first ? "\n  {" : ",\n  {")
            first = false
            for (i, value) in values.enumerated() {
                try w.write((i == 0 ? "\"" : ", \"") + columns[i] + "\": ")
                switch value {
                case let .text(text?): try w.write(jsonString(text))
                case let .number(number?): w.write(number: number)
                case .text(nil), .number(nil): try w.write("null")
                }
            }
            try w.write("}")
        }
        try w.write(first ? "]\n" : "\n]\n")
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
