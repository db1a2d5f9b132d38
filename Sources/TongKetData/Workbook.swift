/// The sheets of an .xlsx workbook, read once front to back: the workbook's sheet list and
/// relationships, the shared strings, which styles show a percentage, and each sheet as the text
/// the file reader reads (`SheetText`). Formulas are never computed: the value Excel saved with
/// them is the value.
struct Workbook {
    struct Sheet {
        var name: String
        var hidden: Bool
        /// The sheet as the file reader reads it (see `SheetText`).
        var text: [UInt8]
        var hiddenRows: [Int]
        var hiddenColumns: [Int]
    }

    enum Problem: Error, Equatable {
        case zip(ZipArchive.Problem)
        case notAWorkbook(String)
        /// `--sheet` names no sheet; the workbook's sheets are these.
        case noSheet(String, sheets: [String])
        /// A sheet's XML stops before its data closes: read up to the cut, it would lose rows unseen.
        case cut(sheet: String)
        /// A cell past Excel's last column or row: not a sheet Excel wrote.
        case beyondExcel(sheet: String, cell: String)
        /// The sheet would become more text than `SheetText.textBudget` of its XML.
        case tooMuchText(sheet: String, xml: Int, limit: Int)
        /// A cell names a shared string the workbook does not have ("B4 → 57, of 12").
        case missingString(sheet: String, detail: String)
        /// Two sheets point at one part: Excel never writes that, and reading it again is the same
        /// rows twice (400 sheets on one 250 MB part took 5½ minutes).
        case samePart(sheet: String, first: String, part: String)
    }

    /// No part of a real workbook is this large (a million-row sheet is about 220 MB of XML); a
    /// zip bomb that states its size stops here before inflating.
    static let partLimit = 300_000_000

    /// Shared strings whose bytes are not UTF-8: how many, and the first as read (each bad byte
    /// shown as U+FFFD). Excel writes only UTF-8; such text was damaged or written by another program.
    struct InvalidText: Equatable {
        var count: Int
        var first: String
    }

    /// Each sheet, or only the one named `only` (`--sheet`: the others are not even inflated),
    /// handed to `body` as soon as it is read, in the workbook's order, so that only one sheet's
    /// XML and text are held at a time; each part is inflated once.
    @discardableResult
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, only: String? = nil, partLimit: Int = Workbook.partLimit,
                     each body: (Sheet) -> Void) throws(Problem) -> InvalidText? {
        let zip: ZipArchive
        do { zip = try ZipArchive(bytes) } catch { throw .zip(error) }
        func part(_ name: String) throws(Problem) -> [UInt8]? {
            guard let entry = zip.entry(named: name) else { return nil }
            do { return try zip.contents(of: entry, limit: partLimit) } catch { throw .zip(error) }
        }
        guard let workbook = try part("xl/workbook.xml") else {
            if zip.entry(named: "content.xml") != nil {
                throw .notAWorkbook("an OpenDocument spreadsheet (.ods); in LibreOffice or Excel save it as .xlsx (Excel Workbook)")
            }
            throw .notAWorkbook("a ZIP file without xl/workbook.xml (a Word or PowerPoint file, or another archive)")
        }
        let targets = try part("xl/_rels/workbook.xml.rels").map(relationships) ?? [:]
        let stringsPart = try part("xl/sharedStrings.xml")
        let strings = stringsPart.map(sharedStrings) ?? []
        var invalid: InvalidText?
        if let stringsPart, String(validating: stringsPart, as: UTF8.self) == nil {
            let damaged = strings.filter { $0.contains("\u{FFFD}") }
            if let first = damaged.first { invalid = InvalidText(count: damaged.count, first: first) }
        }
        // Each shared string as the reader's field bytes, once: a cell refers to it by number.
        let encoded = strings.map(SheetText.field)
        let percentStyles = try part("xl/styles.xml").map(percentStyleIndices) ?? []
        let listed = sheetList(workbook)
        let chosen = listed.filter { only == nil || HeaderName.fold($0.0) == HeaderName.fold(only ?? "") }
        if let only, chosen.isEmpty { throw .noSheet(only, sheets: listed.map(\.0)) }
        var readBy: [String: String] = [:]
        for (name, id, hidden) in chosen {
            guard let target = targets[id] else { continue }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            if let first = readBy[path] { throw .samePart(sheet: name, first: first, part: path) }
            guard let xml = try part(path) else { continue }
            readBy[path] = name
            let (text, hiddenRows, hiddenColumns, complete, beyond, missing, overBudget) = SheetText.text(xml, strings: encoded, percentStyles: percentStyles)
            if overBudget { throw .tooMuchText(sheet: name, xml: xml.count, limit: SheetText.textBudget(xml: xml.count)) }
            if let beyond { throw .beyondExcel(sheet: name, cell: beyond) }
            if let missing { throw .missingString(sheet: name, detail: missing) }
            guard complete else { throw .cut(sheet: name) }
            body(Sheet(name: name, hidden: hidden, text: text, hiddenRows: hiddenRows, hiddenColumns: hiddenColumns))
        }
        return invalid
    }

    /// (name, relationship id, hidden) of each sheet, in the workbook's order.
    static func sheetList(_ xml: [UInt8]) -> [(String, String, Bool)] {
        xml.withUnsafeBufferPointer { buffer in
            var scanner = XMLScanner(buffer)
            var out: [(String, String, Bool)] = []
            while let event = scanner.next() {
                guard case let .open(name, attributes, _) = event, scanner.is(name, "sheet") else { continue }
                let sheetName = scanner.attribute("name", in: attributes).map(scanner.string) ?? ""
                let id = scanner.attribute("id", in: attributes).map(scanner.string) ?? ""
                let state = scanner.attribute("state", in: attributes).map(scanner.string) ?? "visible"
                out.append((sheetName, id, state != "visible"))
            }
            return out
        }
    }

    static func relationships(_ xml: [UInt8]) -> [String: String] {
        xml.withUnsafeBufferPointer { buffer in
            var scanner = XMLScanner(buffer)
            var out: [String: String] = [:]
            while let event = scanner.next() {
                guard case let .open(name, attributes, _) = event, scanner.is(name, "Relationship"),
                      let id = scanner.attribute("Id", in: attributes), let target = scanner.attribute("Target", in: attributes) else { continue }
                out[scanner.string(id)] = scanner.string(target)
            }
            return out
        }
    }

    /// Each `<si>`'s text: its `<t>` pieces (rich text runs) joined, phonetic hints left out.
    static func sharedStrings(_ xml: [UInt8]) -> [String] {
        xml.withUnsafeBufferPointer { buffer in
            var scanner = XMLScanner(buffer)
            var out: [String] = []
            var current = ""
            var inText = false, inPhonetic = false
            while let event = scanner.next() {
                switch event {
                case let .open(name, _, selfClosing):
                    if scanner.is(name, "si") { current = ""; if selfClosing { out.append("") } }
                    else if scanner.is(name, "t") { inText = !selfClosing }
                    else if scanner.is(name, "rPh") { inPhonetic = true }
                case let .close(name):
                    if scanner.is(name, "si") { out.append(current) }
                    else if scanner.is(name, "t") { inText = false }
                    else if scanner.is(name, "rPh") { inPhonetic = false }
                case let .text(range):
                    if inText && !inPhonetic { current += scanner.string(range) }
                }
            }
            return out
        }
    }

    /// The style indices (`s` of a cell) whose number format shows a percentage: the built-in
    /// formats 9 and 10 (0 %, 0.00 %) and any custom format with a % outside quotes.
    static func percentStyleIndices(_ xml: [UInt8]) -> Set<Int> {
        xml.withUnsafeBufferPointer { buffer in
            var scanner = XMLScanner(buffer)
            var percentFormats: Set<Int> = [9, 10]
            var styles: [Int] = []
            var inCellStyles = false
            while let event = scanner.next() {
                switch event {
                case let .open(name, attributes, selfClosing):
                    if scanner.is(name, "numFmt"), let id = scanner.attribute("numFmtId", in: attributes), let code = scanner.attribute("formatCode", in: attributes) {
                        var quoted = false
                        let showsPercent = scanner.string(code).contains { c in
                            if c == "\"" { quoted.toggle() }
                            return c == "%" && !quoted
                        }
                        if showsPercent, let number = Int(scanner.string(id)) { percentFormats.insert(number) }
                    } else if scanner.is(name, "cellXfs") {
                        inCellStyles = !selfClosing
                    } else if inCellStyles, scanner.is(name, "xf") {
                        styles.append(scanner.attribute("numFmtId", in: attributes).flatMap { Int(scanner.string($0)) } ?? 0)
                    }
                case let .close(name):
                    if scanner.is(name, "cellXfs") { inCellStyles = false }
                case .text:
                    break
                }
            }
            return Set(styles.indices.filter { percentFormats.contains(styles[$0]) })
        }
    }
}
