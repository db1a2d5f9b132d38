import CZlib
import Foundation

// A small .xlsx (Office Open XML SpreadsheetML) writer for the workbook generators: a ZIP of
// deflated XML parts written by hand, with the parts Excel writes, in Excel's order, and a
// fixed date on every entry so that the same sheets give the same bytes on every run.

// MARK: - Deflate and ZIP

/// Raw deflate (no zlib header or trailer), as a ZIP entry holds it. The z_stream lives on the
/// heap: zlib keeps a pointer back to it and refuses a stream that has moved.
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var live = false
    private var scratch = [UInt8](repeating: 0, count: 1 << 18)
    /// The compressed bytes so far.
    private(set) var output: [UInt8] = []
    /// CRC-32 and length of everything fed in.
    private(set) var crc: UInt = crc32(0, nil, 0)
    private(set) var consumed = 0

    init(level: Int32) throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = deflateInit2_(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw StressError("zlib: deflateInit2 failed (\(status))") }
        live = true
    }

    deinit {
        if live { deflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        var offset = 0
        // crc32 and avail_in are 32-bit: feed at most 1 GB at a time.
        while offset < bytes.count {
            let part = UnsafeRawBufferPointer(rebasing: bytes[offset..<min(bytes.count, offset + (1 << 30))])
            let base = part.baseAddress!.assumingMemoryBound(to: Bytef.self)
            crc = crc32(crc, base, uInt(part.count))
            consumed += part.count
            try run(base, part.count, flush: Z_NO_FLUSH)
            offset += part.count
        }
    }

    func finish() throws {
        try run(nil, 0, flush: Z_FINISH)
        deflateEnd(stream)
        live = false
    }

    private func run(_ input: UnsafePointer<Bytef>?, _ count: Int, flush: Int32) throws {
        guard live else { throw StressError("zlib: the stream is finished") }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input)
        stream.pointee.avail_in = uInt(count)
        while true {
            let (status, produced, room) = scratch.withUnsafeMutableBufferPointer { out -> (Int32, Int, Int) in
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(out.count)
                let status = deflate(stream, flush)
                let room = Int(stream.pointee.avail_out)
                return (status, out.count - room, room)
            }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else { throw StressError("zlib: deflate failed (\(status))") }
            output += scratch[0..<produced]
            if flush == Z_FINISH ? status == Z_STREAM_END : (room > 0 && stream.pointee.avail_in == 0) { return }
        }
    }
}

/// Bytes for a part, gathered and handed to the deflater in 256 KB pieces, so a sheet of a
/// million rows is never one string in memory.
final class PartSink {
    let deflater: Deflater
    private var buffer: [UInt8] = []
    private static let piece = 1 << 18

    init(_ deflater: Deflater) {
        self.deflater = deflater
        buffer.reserveCapacity(Self.piece + 4096)
    }

    func append(_ text: String) throws {
        buffer += text.utf8
        if buffer.count >= Self.piece { try flush() }
    }

    func append(bytes: [UInt8]) throws {
        if buffer.count + bytes.count < Self.piece {
            buffer += bytes
            return
        }
        try flush()
        try bytes.withUnsafeBytes { try deflater.write($0) }
    }

    /// For hot loops: write straight into the buffer, then call `flushIfFull`.
    func withBuffer(_ body: (inout [UInt8]) -> Void) { body(&buffer) }

    func flushIfFull() throws { if buffer.count >= Self.piece { try flush() } }

    func flush() throws {
        try buffer.withUnsafeBytes { try deflater.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A ZIP archive built in memory (the compressed bytes only): local headers, deflated data,
/// the central directory and its end record. No data descriptors, no ZIP64, no extra fields.
struct ZipBuilder {
    private(set) var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0
    /// 20 December 2024, 08:00:00, on every entry.
    static let dosDate: UInt16 = (2024 - 1980) << 9 | 12 << 5 | 20
    static let dosTime: UInt16 = 8 << 11

    mutating func add(_ name: String, _ data: [UInt8], level: Int32 = 6) throws {
        try add(name, level: level) { sink in try sink.append(bytes: data) }
    }

    mutating func add(_ name: String, _ text: String, level: Int32 = 6) throws {
        try add(name, Array(text.utf8), level: level)
    }

    /// An entry whose bytes `body` writes into the sink. `statedSize` replaces the true
    /// uncompressed size in both headers (a lying archive).
    mutating func add(_ name: String, level: Int32 = 6, statedSize: UInt32? = nil, body: (PartSink) throws -> Void) throws {
        try add(name, deflated: Self.deflate(level: level, body), statedSize: statedSize)
    }

    /// An entry's data deflated on its own, to be stored in several archives.
    static func deflate(level: Int32, _ body: (PartSink) throws -> Void) throws -> Deflater {
        let deflater = try Deflater(level: level)
        let sink = PartSink(deflater)
        try body(sink)
        try sink.flush()
        try deflater.finish()
        return deflater
    }

    /// An entry from a finished deflater (see `deflate`).
    mutating func add(_ name: String, deflated deflater: Deflater, statedSize: UInt32? = nil) throws {
        guard deflater.output.count < Int(UInt32.max), deflater.consumed < Int(UInt32.max), bytes.count < Int(UInt32.max) else {
            throw StressError("\(name): too large for a ZIP without ZIP64")
        }
        let name = Array(name.utf8)
        let crc = UInt32(truncatingIfNeeded: deflater.crc)
        let compressed = UInt32(deflater.output.count)
        let size = statedSize ?? UInt32(deflater.consumed)
        let offset = UInt32(bytes.count)
        // Local file header.
        bytes.le32(0x0403_4B50)
        bytes.le16(20)                  // version needed: 2.0 (deflate)
        bytes.le16(0)                   // flags
        bytes.le16(8)                   // method: deflate
        bytes.le16(Self.dosTime)
        bytes.le16(Self.dosDate)
        bytes.le32(crc)
        bytes.le32(compressed)
        bytes.le32(size)
        bytes.le16(UInt16(name.count))
        bytes.le16(0)                   // extra field length
        bytes += name
        bytes += deflater.output
        // Its central directory record.
        central.le32(0x0201_4B50)
        central.le16(0x0014)            // made by: MS-DOS, 2.0
        central.le16(20)
        central.le16(0)
        central.le16(8)
        central.le16(Self.dosTime)
        central.le16(Self.dosDate)
        central.le32(crc)
        central.le32(compressed)
        central.le32(size)
        central.le16(UInt16(name.count))
        central.le16(0)                 // extra
        central.le16(0)                 // comment
        central.le16(0)                 // disk
        central.le16(0)                 // internal attributes
        central.le32(0)                 // external attributes
        central.le32(offset)
        central += name
        count += 1
    }

    /// The archive: entries, central directory, end record.
    func finished() -> [UInt8] {
        var out = bytes
        let directoryOffset = UInt32(out.count)
        out += central
        out.le32(0x0605_4B50)
        out.le16(0)
        out.le16(0)
        out.le16(UInt16(count))
        out.le16(UInt16(count))
        out.le32(UInt32(central.count))
        out.le32(directoryOffset)
        out.le16(0)                     // comment length
        return out
    }
}

extension [UInt8] {
    mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func le32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }

    /// A non-negative whole number in decimal, without going through String.
    mutating func decimal(_ value: Int) {
        var power = 1
        while power <= value / 10 { power *= 10 }
        var n = value
        while power > 0 {
            append(UInt8(48 + n / power))
            n %= power
            power /= 10
        }
    }
}

// MARK: - Sheets

/// What a cell holds, as the sheet XML stores it.
enum CellValue {
    case number(Double)
    /// Text through the shared-string table (`t="s"`), as Excel writes it.
    case text(String)
    /// Text in the cell itself (`t="inlineStr"`), as other tools write it.
    case inline(String)
    /// A formula with the value Excel saved beside it.
    case formula(String, cached: FormulaResult)
    /// A cell with a style and nothing in it (the covered cells of a merge, a blank with borders).
    case blank
}

enum FormulaResult {
    case number(Double)
    /// `#VALUE!`, `#DIV/0!` …
    case error(String)
}

struct SheetCell {
    var column: Int     // 1-based: A is 1
    var value: CellValue
    var style: Int
}

struct SheetRow {
    var number: Int
    var cells: [SheetCell] = []
    var hidden = false
    var height: Double? = nil

    mutating func set(_ column: String, _ value: CellValue, style: Int = 0) {
        let index = XLSX.columnNumber(column)
        cells.removeAll { $0.column == index }
        cells.append(SheetCell(column: index, value: value, style: style))
        cells.sort { $0.column < $1.column }
    }
}

struct Worksheet {
    var name: String
    var hidden = false
    var rows: [SheetRow] = []
    /// "B5:B9" …
    var merges: [String] = []
    /// Column widths from A, in characters.
    var widths: [Double] = []
}

/// The shared-string table: each text once, in the order first used; `references` counts every use
/// (the `count` Excel writes beside `uniqueCount`).
final class SharedStrings {
    private(set) var list: [String] = []
    private var index: [String: Int] = [:]
    var references = 0

    @discardableResult
    func id(_ text: String) -> Int {
        references += 1
        return register(text)
    }

    /// Adds a text without counting a use (for tables laid out before the rows are written).
    @discardableResult
    func register(_ text: String) -> Int {
        if let known = index[text] { return known }
        index[text] = list.count
        list.append(text)
        return list.count - 1
    }

    var xml: [UInt8] {
        var out = Array(XLSX.declaration.utf8)
        out += "<sst xmlns=\"\(XLSX.main)\" count=\"\(references)\" uniqueCount=\"\(list.count)\">".utf8
        for text in list {
            out += "<si>".utf8
            out += XLSX.textElement(text).utf8
            out += "</si>".utf8
        }
        out += "</sst>".utf8
        return out
    }
}

/// Styles of `xl/styles.xml`'s cellXfs, by index.
enum Style {
    static let general = 0
    static let title = 1
    static let header = 2
    static let text = 3
    /// #,##0 (numFmtId 3).
    static let integer = 4
    /// 0.00% (built-in numFmtId 10).
    static let percent2 = 5
    /// 0.0% (custom numFmtId 164).
    static let percent1 = 6
    static let boldText = 7
    static let boldInteger = 8
    static let note = 9
    static let centered = 10
    /// General number with borders.
    static let number = 11
    static let subtitle = 12
}

enum XLSX {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A sheet's part: a model, or rows streamed by a closure (the sheet's XML from `<sheetData>`'s
    /// first row to its last).
    enum SheetSource {
        case model(Worksheet)
        case stream(name: String, dimension: String, widths: [Double], rows: (PartSink, SharedStrings) throws -> Void)

        var name: String {
            switch self {
            case let .model(sheet): sheet.name
            case let .stream(name, _, _, _): name
            }
        }

        var hidden: Bool {
            if case let .model(sheet) = self { return sheet.hidden }
            return false
        }
    }

    /// A whole workbook as a ZIP's bytes. `strings` may already hold texts (a streamed sheet's);
    /// `xl/sharedStrings.xml` is written when any sheet uses it, as Excel does.
    /// `part` names the part each sheet's relationship points at (a hostile workbook points many at one).
    static func package(_ sheets: [SheetSource], strings: SharedStrings = SharedStrings(), level: Int32 = 6,
                        part: (Int) -> Int = { $0 }) throws -> [UInt8] {
        let shared = !strings.list.isEmpty || sheets.contains { source in
            guard case let .model(sheet) = source else { return false }
            return sheet.rows.contains { $0.cells.contains { if case .text = $0.value { true } else { false } } }
        }
        var zip = ZipBuilder()
        try zip.add("[Content_Types].xml", contentTypes(sheets: sheets.count, shared: shared), level: level)
        try zip.add("_rels/.rels", rootRelationships, level: level)
        try zip.add("xl/workbook.xml", workbook(sheets), level: level)
        try zip.add("xl/_rels/workbook.xml.rels", workbookRelationships(sheets: sheets.count, shared: shared, part: part), level: level)
        for (number, source) in sheets.enumerated() {
            try zip.add("xl/worksheets/sheet\(number + 1).xml", level: level) { sink in
                switch source {
                case let .model(sheet):
                    try write(sheet, selected: number == 0, strings: strings, to: sink)
                case let .stream(_, dimension, widths, rows):
                    try sink.append(sheetHead(dimension: dimension, selected: number == 0, widths: widths))
                    try rows(sink, strings)
                    try sink.append("</sheetData>" + pageMargins + "</worksheet>")
                }
            }
        }
        try zip.add("xl/styles.xml", styles, level: level)
        if shared { try zip.add("xl/sharedStrings.xml", strings.xml, level: level) }
        try zip.add("docProps/core.xml", core, level: level)
        try zip.add("docProps/app.xml", app(sheets.map(\.name)), level: level)
        return zip.finished()
    }

    static func contentTypes(sheets: Int, shared: Bool) -> String {
        var xml = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for n in stride(from: 1, through: sheets, by: 1) {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(n).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        if shared {
            xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        }
        xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        xml += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return xml + "</Types>"
    }

    static let rootRelationships = declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbook(_ sheets: [SheetSource]) -> String {
        var xml = declaration + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
        xml += "<fileVersion appName=\"xl\" lastEdited=\"7\" lowestEdited=\"7\" rupBuild=\"27328\"/><workbookPr defaultThemeVersion=\"166925\"/>"
        xml += "<bookViews><workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"28800\" windowHeight=\"12300\"/></bookViews><sheets>"
        for (n, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(n + 1)\"\(sheet.hidden ? " state=\"hidden\"" : "") r:id=\"rId\(n + 1)\"/>"
        }
        return xml + "</sheets><calcPr calcId=\"191029\"/></workbook>"
    }

    static func workbookRelationships(sheets: Int, shared: Bool, part: (Int) -> Int = { $0 }) -> String {
        var xml = declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for n in stride(from: 1, through: sheets, by: 1) {
            xml += "<Relationship Id=\"rId\(n)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\(part(n)).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/>"
        if shared { xml += "<Relationship Id=\"rId\(sheets + 2)\" Type=\"\(relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>" }
        return xml + "</Relationships>"
    }

    /// Times New Roman 13 as Vietnamese offices set it; thin borders on the table; the percent
    /// formats: built-in 10 (0.00%) and custom 164 (0.0%).
    static let styles: String = {
        let border = "<border><left style=\"thin\"><color indexed=\"64\"/></left><right style=\"thin\"><color indexed=\"64\"/></right>"
            + "<top style=\"thin\"><color indexed=\"64\"/></top><bottom style=\"thin\"><color indexed=\"64\"/></bottom><diagonal/></border>"
        let center = "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/>"
        let wrap = "<alignment vertical=\"center\" wrapText=\"1\"/>"
        func xf(_ format: Int, font: Int = 0, border: Int = 1, _ alignment: String = "") -> String {
            var attributes = "numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"0\" borderId=\"\(border)\" xfId=\"0\""
            if format != 0 { attributes += " applyNumberFormat=\"1\"" }
            if font != 0 { attributes += " applyFont=\"1\"" }
            if border != 0 { attributes += " applyBorder=\"1\"" }
            if !alignment.isEmpty { attributes += " applyAlignment=\"1\"" }
            return alignment.isEmpty ? "<xf \(attributes)/>" : "<xf \(attributes)>\(alignment)</xf>"
        }
        let cellXfs = [
            xf(0, border: 0),                       // 0 general
            xf(0, font: 1, border: 0, center),      // 1 title
            xf(0, font: 1, center),                 // 2 header
            xf(0, wrap),                            // 3 text
            xf(3),                                  // 4 #,##0
            xf(10),                                 // 5 0.00%
            xf(164),                                // 6 0.0%
            xf(0, font: 1, center),                 // 7 bold text
            xf(3, font: 1),                         // 8 bold #,##0
            xf(0, border: 0, "<alignment vertical=\"top\" wrapText=\"1\"/>"),  // 9 note
            xf(0, center),                          // 10 centered
            xf(0),                                  // 11 number
            xf(0, font: 2, border: 0, center),      // 12 subtitle
        ]
        return declaration + "<styleSheet xmlns=\"\(main)\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/></numFmts>"
            + "<fonts count=\"3\"><font><sz val=\"13\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font>"
            + "<font><b/><sz val=\"13\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font>"
            + "<font><i/><sz val=\"13\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>\(border)</borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(cellXfs.count)\">" + cellXfs.joined() + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium2\" defaultPivotStyle=\"PivotStyleLight16\"/>"
            + "</styleSheet>"
    }()

    static let core = declaration
        + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        + "xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<dc:creator>Văn phòng tổng hợp</dc:creator><cp:lastModifiedBy>Văn phòng tổng hợp</cp:lastModifiedBy>"
        + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-12-20T08:00:00Z</dcterms:created>"
        + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2024-12-20T08:00:00Z</dcterms:modified></cp:coreProperties>"

    static func app(_ names: [String]) -> String {
        declaration
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
            + "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
            + "<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>"
            + "<vt:variant><vt:i4>\(names.count)</vt:i4></vt:variant></vt:vector></HeadingPairs>"
            + "<TitlesOfParts><vt:vector size=\"\(names.count)\" baseType=\"lpstr\">"
            + names.map { "<vt:lpstr>\(escape($0))</vt:lpstr>" }.joined()
            + "</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
            + "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>"
    }

    static let pageMargins = "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"

    /// The sheet's XML up to and including `<sheetData>`.
    static func sheetHead(dimension: String, selected: Bool, widths: [Double]) -> String {
        var xml = declaration + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
        xml += "<dimension ref=\"\(dimension)\"/>"
        xml += "<sheetViews><sheetView \(selected ? "tabSelected=\"1\" " : "")workbookViewId=\"0\"/></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"16.5\"/>"
        if !widths.isEmpty {
            xml += "<cols>"
            for (i, width) in widths.enumerated() {
                xml += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(number(width))\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        return xml + "<sheetData>"
    }

    static func write(_ sheet: Worksheet, selected: Bool, strings: SharedStrings, to sink: PartSink) throws {
        let lastRow = sheet.rows.map(\.number).max() ?? 1
        let lastColumn = sheet.rows.flatMap { $0.cells.map(\.column) }.max() ?? 1
        let dimension = sheet.rows.isEmpty ? "A1" : "A1:\(columnLetters(lastColumn))\(lastRow)"
        try sink.append(sheetHead(dimension: dimension, selected: selected, widths: sheet.widths))
        for row in sheet.rows.sorted(by: { $0.number < $1.number }) {
            var xml = "<row r=\"\(row.number)\""
            if let first = row.cells.first, let last = row.cells.last { xml += " spans=\"\(first.column):\(last.column)\"" }
            if row.hidden { xml += " hidden=\"1\"" }
            if let height = row.height { xml += " ht=\"\(number(height))\" customHeight=\"1\"" }
            xml += ">"
            for cell in row.cells {
                let ref = "\(columnLetters(cell.column))\(row.number)"
                let style = cell.style == 0 ? "" : " s=\"\(cell.style)\""
                switch cell.value {
                case let .number(value):
                    xml += "<c r=\"\(ref)\"\(style)><v>\(number(value))</v></c>"
                case let .text(text):
                    xml += "<c r=\"\(ref)\"\(style) t=\"s\"><v>\(strings.id(text))</v></c>"
                case let .inline(text):
                    xml += "<c r=\"\(ref)\"\(style) t=\"inlineStr\"><is>\(textElement(text))</is></c>"
                case let .formula(formula, .number(value)):
                    xml += "<c r=\"\(ref)\"\(style)><f>\(escape(formula))</f><v>\(number(value))</v></c>"
                case let .formula(formula, .error(error)):
                    xml += "<c r=\"\(ref)\"\(style) t=\"e\"><f>\(escape(formula))</f><v>\(escape(error))</v></c>"
                case .blank:
                    xml += "<c r=\"\(ref)\"\(style)/>"
                }
            }
            try sink.append(xml + "</row>")
        }
        var tail = "</sheetData>"
        if !sheet.merges.isEmpty {
            tail += "<mergeCells count=\"\(sheet.merges.count)\">" + sheet.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
        try sink.append(tail + pageMargins + "</worksheet>")
    }

    /// `<t>` with xml:space="preserve" when the text starts or ends with a space, as Excel writes it.
    static func textElement(_ text: String) -> String {
        let padded = text.first.map { $0 == " " || $0 == "\n" } == true || text.last.map { $0 == " " || $0 == "\n" } == true
        return padded ? "<t xml:space=\"preserve\">\(escape(text))</t>" : "<t>\(escape(text))</t>"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A number as Excel saves it: whole numbers without a decimal point, others in the shortest
    /// form that reads back as the same double.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func columnLetters(_ column: Int) -> String {
        var n = column
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    static func columnNumber(_ letters: String) -> Int {
        letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
    }
}
