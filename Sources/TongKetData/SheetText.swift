/// A workbook sheet as the text the file reader reads, written straight from the sheet's XML in
/// one pass: one line per sheet row (so line numbers are row numbers), one comma-separated field
/// per column from A (so field numbers are column numbers), text cells as they are, merged
/// ranges filled with their first cell, and numbers *typed*: a marker byte the reader alone
/// understands, then the number as Excel stored it. A number Excel stores is not text whose
/// decimal mark must be guessed; a number typed into a cell as text ("1.054") still is, and
/// goes through the same number reader as a CSV's.
package enum SheetText {
    /// Before a stored number that is not a whole number.
    static let number: UInt8 = 1
    /// Before a stored number formatted as a percentage: the reader takes the percentage shown
    /// (0,955 shown as 95,5 % is 95,5).
    static let percent: UInt8 = 2

    /// The text, and the hidden rows and columns (1-based rows, 0-based columns).
    /// `complete` is false when the XML stops before its sheet data closes (a part cut short);
    /// `beyondExcel` names the first cell past Excel's last column (XFD) or row (1 048 576), where
    /// the reading stopped: no workbook Excel wrote has one, and filling up to it could take gigabytes.
    package static func text(_ xml: [UInt8], strings: [[UInt8]], percentStyles: Set<Int>)
        -> (text: [UInt8], hiddenRows: [Int], hiddenColumns: [Int], complete: Bool, beyondExcel: String?, missingString: String?, overBudget: Bool) {
        xml.withUnsafeBufferPointer { buffer in
            var writer = Writer(merges: merges(buffer), budget: textBudget(xml: xml.count))
            let percentByStyle = (0..<((percentStyles.max() ?? -1) + 1)).map(percentStyles.contains)
            // The text is about a quarter of the XML: reserved once, not grown page by page.
            writer.out.reserveCapacity(buffer.count / 3)
            var scanner = XMLScanner(buffer)
            var hiddenRows: [Int] = []
            // Where hidden column ranges start (+1) and end (−1), one count per Excel column: 100,000
            // hidden ranges are still 16,384 columns at most, and each range costs two additions.
            var hiddenEdges = [Int32](repeating: 0, count: 16_385)
            var inRow = false
            var nextRow = 1, nextColumn = 0
            var cell: (column: Int, type: UInt8, percent: Bool)?
            var value: Range<Int>?
            var inline: [UInt8] = []
            var inValue = false, inInlineText = false
            var complete = false
            var beyondExcel: String?
            // A cell naming a shared string the workbook does not have: "B4 → 57 of 12".
            var missingString: String?
            var reference: Range<Int>?
            while beyondExcel == nil, missingString == nil, !writer.overBudget, let event = scanner.next() {
                switch event {
                case let .open(name, attributes, selfClosing):
                    if scanner.is(name, "c") {
                        var column: Int?, style = 0, type = UInt8(ascii: "n")
                        reference = nil
                        scanner.forEachAttribute(in: attributes) { key, value in
                            guard key.count == 1 else { return }
                            switch buffer[key.lowerBound] {
                            case UInt8(ascii: "r"):
                                reference = value
                                column = columnIndex(buffer, value)
                                if let c = column, c > lastColumn { beyondExcel = scanner.string(value) }
                            case UInt8(ascii: "s"): style = integer(buffer, value) ?? 0
                            case UInt8(ascii: "t"): type = Self.type(buffer, value)
                            default: break
                            }
                        }
                        let at = column ?? nextColumn
                        nextColumn = at + 1
                        cell = selfClosing ? nil : (at, type, style < percentByStyle.count && percentByStyle[style])
                        value = nil
                        inline.removeAll(keepingCapacity: true)
                    } else if scanner.is(name, "v") {
                        inValue = !selfClosing
                    } else if scanner.is(name, "t") {
                        inInlineText = cell != nil && !selfClosing
                    } else if scanner.is(name, "row") {
                        // Excel's rows are 1…1 048 576 and increase; anything else is read as the next row.
                        var number = scanner.attribute("r", in: attributes).flatMap { integer(buffer, $0) } ?? nextRow
                        if number > 1_048_576 { beyondExcel = "row \(number)"; break }
                        if number < nextRow { number = nextRow }
                        nextRow = number + 1
                        nextColumn = 0
                        if let hidden = scanner.attribute("hidden", in: attributes), ["1", "true"].contains(scanner.string(hidden)) { hiddenRows.append(number) }
                        writer.startRow(number)
                        inRow = !selfClosing
                        if selfClosing { writer.endRow() }
                    } else if scanner.is(name, "col"), let hidden = scanner.attribute("hidden", in: attributes), ["1", "true"].contains(scanner.string(hidden)) {
                        let first = scanner.attribute("min", in: attributes).flatMap { Int(scanner.string($0)) } ?? 0
                        let last = scanner.attribute("max", in: attributes).flatMap { Int(scanner.string($0)) } ?? first
                        if first > 0, last >= first, last <= 16_384 { hiddenEdges[first - 1] += 1; hiddenEdges[last] -= 1 }
                    }
                case let .close(name):
                    if scanner.is(name, "v") {
                        inValue = false
                    } else if scanner.is(name, "t") {
                        inInlineText = false
                    } else if scanner.is(name, "c"), let c = cell {
                        var missing: Int?
                        writer.cell(c.column) { out in missing = write(c, value: value, inline: inline, scanner: scanner, strings: strings, to: &out) }
                        if let missing { missingString = (reference.map { scanner.string($0) } ?? "a cell") + " → \(missing), of \(strings.count)" }
                        cell = nil
                    } else if scanner.is(name, "row"), inRow {
                        writer.endRow()
                        inRow = false
                    } else if scanner.is(name, "sheetData") || scanner.is(name, "worksheet") {
                        complete = true
                    }
                case let .text(range):
                    if inValue { value = range } else if inInlineText { inline += Array(scanner.string(range).utf8) }
                }
            }
            var hiddenColumns: [Int] = [], covering: Int32 = 0
            for column in 0..<16_384 {
                covering += hiddenEdges[column]
                if covering > 0 { hiddenColumns.append(column) }
            }
            return (writer.finish(), hiddenRows, hiddenColumns, complete, beyondExcel, missingString, writer.overBudget)
        }
    }

    /// A cell's value as field bytes; nothing for an empty one. Returns the index of a shared
    /// string the workbook does not hold, the cell then written empty.
    private static func write(_ c: (column: Int, type: UInt8, percent: Bool), value: Range<Int>?, inline: [UInt8], scanner: XMLScanner,
                              strings: [[UInt8]], to out: inout [UInt8]) -> Int? {
        switch c.type {
        case UInt8(ascii: "s"):
            guard let value, let index = integer(scanner.bytes, value) else { return nil }
            guard strings.indices.contains(index) else { return index }
            out += strings[index]
        case UInt8(ascii: "i"):
            out += field(String(decoding: inline, as: UTF8.self))
        case UInt8(ascii: "b"):
            guard let value else { return nil }
            out += Array((integer(scanner.bytes, value) == 1 ? "TRUE" : "FALSE").utf8)
        case UInt8(ascii: "n"):
            guard let value, !value.isEmpty else { return nil }
            let raw = UnsafeBufferPointer(rebasing: scanner.bytes[value])
            // Whole numbers go as they are; the rest behind a marker, as Excel wrote them.
            let whole = raw.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") || $0 == UInt8(ascii: "-") }
            if c.percent || !whole { out.append(c.percent ? percent : number) }
            out += raw
        default:
            // A formula's text result, or an error such as #DIV/0!: text, which a number column refuses by name.
            guard let value else { return nil }
            out += field(scanner.string(value))
        }
        return nil
    }


    /// Text as one field: quoted when it must be; line breaks inside a cell (Alt+Enter) become
    /// spaces, so that every sheet row stays one line; the two marker bytes never pass as text.
    package static func field(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        for i in bytes.indices where bytes[i] == 0x0A || bytes[i] == 0x0D { bytes[i] = 0x20 }
        bytes.removeAll { $0 == number || $0 == percent }
        return CSVField.quoted(bytes)
    }

    /// The number after a marker, or nil for any other cell.
    static func typedNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let first = bytes.first, first == number || first == percent else { return nil }
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        guard first == percent else { return Double(text) }
        // 0.029 × 100 is 2.9000000000000004 in binary; "0.029e2" is read as the decimal 2.9.
        // Excel writes small values with an exponent ("5.0000000000000001E-3"): raise it by 2.
        let parts = text.split(whereSeparator: { $0 == "E" || $0 == "e" })
        if parts.count == 2, let exponent = Int(parts[1]) { return Double(parts[0] + "e" + String(exponent + 2)) }
        return Double(text + "e2")
    }

    /// The sheet's merged ranges, from the `<mergeCells>` after its data: found by looking back
    /// from the end, so the data is scanned only once.
    private static func merges(_ buffer: UnsafeBufferPointer<UInt8>) -> [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] {
        // "sheetData>" closing, with or without a prefix (`</x:sheetData>` from the Open XML SDK).
        let marker = Array("sheetData>".utf8)
        var at = buffer.count - marker.count
        while at >= 1 {
            if buffer[at] == marker[0], (1..<marker.count).allSatisfy({ buffer[at + $0] == marker[$0] }),
               buffer[at - 1] == UInt8(ascii: "/") || buffer[at - 1] == UInt8(ascii: ":") { break }
            at -= 1
        }
        guard at >= 1 else { return [] }
        var scanner = XMLScanner(UnsafeBufferPointer(rebasing: buffer[at...]))
        var out: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = []
        while let event = scanner.next() {
            if case let .open(name, attributes, _) = event, scanner.is(name, "mergeCell"), let ref = scanner.attribute("ref", in: attributes),
               let range = cellRange(scanner.bytes, ref) {
                out.append(range)
            }
        }
        return out
    }

    /// A merge's "A1:C2" → rows 1…2, columns 0…2, read from the bytes (a million of them are read
    /// in a merge-heavy sheet); nil for anything that is no range inside Excel's sheet.
    private static func cellRange(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? {
        func cell(_ part: Range<Int>) -> (row: Int, column: Int)? {
            var letters = part.lowerBound
            while letters < part.upperBound, bytes[letters] >= UInt8(ascii: "A"), bytes[letters] <= UInt8(ascii: "Z") { letters += 1 }
            guard let column = columnIndex(bytes, part.lowerBound..<letters), column <= lastColumn,
                  let row = integer(bytes, letters..<part.upperBound), (1...1_048_576).contains(row) else { return nil }
            return (row, column)
        }
        guard let colon = range.first(where: { bytes[$0] == UInt8(ascii: ":") }),
              let a = cell(range.lowerBound..<colon), let b = cell((colon + 1)..<range.upperBound),
              a.row <= b.row, a.column <= b.column else { return nil }
        return (a.row...b.row, a.column...b.column)
    }

    /// "C14" → 2 (the column; the row is known from the row element).
    /// XFD, Excel's last column (0-based).
    static let lastColumn = 16_383

    private static func columnIndex(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var column = 0, letters = 0
        for i in range {
            let b = bytes[i]
            guard b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") else { break }
            // XFD is Excel's last column: a longer reference is no cell (and would overflow).
            letters += 1
            guard letters <= 3 else { return nil }
            column = column * 26 + Int(b - UInt8(ascii: "A") + 1)
        }
        return letters > 0 ? column - 1 : nil
    }

    /// A cell's type by its first letter: s(hared), i(nlineStr), b(oolean), n(umber), e(rror), str.
    private static func type(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt8 {
        guard let first = range.first.map({ bytes[$0] }) else { return UInt8(ascii: "n") }
        if first == UInt8(ascii: "s"), range.count == 3 { return UInt8(ascii: "x") }   // "str": a formula's text
        return first
    }

    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count < 10 else { return nil }
        var n = 0
        for i in range {
            let d = bytes[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            n = n * 10 + Int(d)
        }
        return n
    }

    /// The most text a sheet of `xml` bytes may become: a real sheet's text is smaller than its
    /// XML (tags around every cell), so eight times it and 64 MB is room for any table; past it
    /// the text comes from one long string repeated in many cells or merged over a large range
    /// (a 7.5 KB workbook asked for 8 GB).
    package static func textBudget(xml: Int) -> Int { 8 * xml + 64_000_000 }

    /// A merged range, as a set's member.
    private struct Area: Hashable {
        var rows: ClosedRange<Int>
        var columns: ClosedRange<Int>
    }

    /// Builds the text row by row: each row's cells collected with their columns, then written
    /// in column order with merged ranges filled.
    private struct Writer {
        var out: [UInt8] = []
        let budget: Int
        /// The text passed `budget`: the reading stopped.
        var overBudget = false
        var line = 1
        var row = 0
        /// The row's cells: column and the bytes' range in `scratch`.
        var cells: [(column: Int, range: Range<Int>)] = []
        var scratch: [UInt8] = []
        let merges: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)]
        /// The merges covering each row, so a row looks only at its own.
        let mergesOfRow: [Int: [Int]]
        /// Each merge's first cell, once seen.
        var mergeValues: [Int: [UInt8]] = [:]

        init(merges: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)], budget: Int) {
            self.merges = merges
            self.budget = budget
            var byRow: [Int: [Int]] = [:]
            var covered = 0
            // A range merged twice is one merge (a 116 KB file repeating one a million times took 11 minutes).
            var seen = Set<Area>()
            for (m, merge) in merges.enumerated() {
                guard seen.insert(Area(rows: merge.rows, columns: merge.columns)).inserted else { continue }
                // No table merges more than this many cells: past it, the rest are ignored (a
                // 300-byte sheet merging A1:XFD1048576 must not fill 17 billion cells).
                covered += merge.rows.count * merge.columns.count
                if covered > 2_000_000 { break }
                for row in merge.rows { byRow[row, default: []].append(m) }
            }
            mergesOfRow = byRow
        }

        mutating func startRow(_ number: Int) {
            // Rows Excel did not write are empty lines, or a merge's fill.
            while line < number, !overBudget {
                row = line
                cells.removeAll(keepingCapacity: true)
                scratch.removeAll(keepingCapacity: true)
                endRow()
            }
            row = number
            cells.removeAll(keepingCapacity: true)
            scratch.removeAll(keepingCapacity: true)
        }

        mutating func cell(_ column: Int, _ body: (inout [UInt8]) -> Void) {
            let start = scratch.count
            body(&scratch)
            guard scratch.count > start else { return }
            cells.append((column, start..<scratch.count))
        }

        mutating func endRow() {
            if let covering = mergesOfRow[row] { fillMerges(covering) }
            if cells.count > 1, zip(cells, cells.dropFirst()).contains(where: { $0.column >= $1.column }) { cells.sort { $0.column < $1.column } }
            var column = 0
            scratch.withUnsafeBufferPointer { scratch in
                for (index, range) in cells {
                    guard index >= column else { continue }
                    while column < index { out.append(UInt8(ascii: ",")); column += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[range]))
                }
            }
            out.append(UInt8(ascii: "\n"))
            line = row + 1
            if out.count > budget { overBudget = true }
        }

        private mutating func fillMerges(_ covering: [Int]) {
            // The row's written columns, kept as merges fill more: built once per row, not per merge.
            var written = Set(cells.map(\.column))
            for m in covering {
                let merge = merges[m]
                if row == merge.rows.lowerBound, mergeValues[m] == nil,
                   let first = cells.first(where: { $0.column == merge.columns.lowerBound }) {
                    mergeValues[m] = Array(scratch[first.range])
                }
                guard let value = mergeValues[m] else { continue }
                for column in merge.columns where written.insert(column).inserted {
                    // A long text merged over a wide range would fill gigabytes in one row before the
                    // row's end is measured: the budget holds cell by cell.
                    if out.count + scratch.count + value.count > budget {
                        overBudget = true
                        return
                    }
                    let start = scratch.count
                    scratch += value
                    cells.append((column, start..<scratch.count))
                }
            }
        }

        mutating func finish() -> [UInt8] { out }
    }
}
