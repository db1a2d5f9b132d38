/// An .xlsx workbook read as the exports are: every sheet that holds a table is one more file
/// of rows, named `ketqua.xlsx[2023]` in messages, its positions cells (`!F14`). A sheet
/// without a table (notes, a chart) is skipped and said so; `--sheet` picks one.
enum WorkbookReader {
    static func isWorkbook(_ input: InputFile) -> Bool {
        input.withBytes { bytes, _ in bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }
    }

    static func read(_ input: InputFile, options: ReadOptions, into assembler: inout TableAssembler, log: inout DiagnosticLog,
                     sheetLogs: inout [DiagnosticLog]) {
        // Text typed in a legacy Vietnamese font shows as "Tæng hîp": converted, and said so. The
        // font is told from the first 16 KB of text, so the sheets before it are held until then;
        // every other sheet is read into the table and let go as it comes (twelve 250 MB sheets
        // were once all held at once).
        var legacy: LegacyVietnamese?? = nil
        if case let .legacy(forced)? = options.encoding { legacy = .some(forced) }
        var waiting: [Workbook.Sheet] = []
        var names: [String] = [], skipped: [String] = []
        var read = 0
        func take(_ sheet: Workbook.Sheet, legacy: LegacyVietnamese?) {
            var sheet = sheet
            if let legacy { sheet.text = Array(legacy.decode(String(decoding: sheet.text, as: UTF8.self)).utf8) }
            if readSheet(sheet, of: input, options: options, into: &assembler, sheetLogs: &sheetLogs) { read += 1 } else { skipped.append(sheet.name) }
        }
        func decide() {
            let found = legacyEncoding(waiting)
            legacy = .some(found)
            if let found {
                let name = SourceEncoding.legacy(found).description
                log.warning("the text is in \(name), as old Vietnamese spreadsheets were typed; it was converted to Unicode. If letters look wrong, give --encoding tcvn3 or --encoding vni",
                            vi: "chữ trong sổ tính được gõ bằng bảng mã \(name) như các bảng tính tiếng Việt cũ; đã chuyển sang Unicode. Nếu chữ hiển thị sai, chỉ rõ bằng --encoding tcvn3 hoặc --encoding vni")
            }
            for sheet in waiting { take(sheet, legacy: found) }
            waiting = []
        }
        let invalid: Workbook.InvalidText?
        do {
            invalid = try input.withBytes { bytes, _ in
                Result { () throws(Workbook.Problem) -> Workbook.InvalidText? in
                    try Workbook.read(bytes, only: options.sheet) { sheet in
                        names.append(sheet.name)
                        if let decided = legacy { take(sheet, legacy: decided); return }
                        waiting.append(sheet)
                        if waiting.reduce(0, { $0 + $1.text.count }) >= shownTextLength { decide() }
                    }
                }
            }.get()
        } catch {
            report(error, log: &log)
            return
        }
        if legacy == nil { decide() }
        if let invalid {
            let shown = Diagnostic.shown(invalid.first)
            let more = invalid.count > 1 ? " (and \(invalid.count - 1) other text\(invalid.count == 2 ? "" : "s"))" : ""
            let moreVi = invalid.count > 1 ? " (và \(invalid.count - 1) đoạn khác)" : ""
            log.warning("the text \"\(shown)\"\(more) holds bytes that are not UTF-8, which Excel never writes: each is shown as �; the file was damaged or written by another program — correct the text in Excel",
                        vi: "đoạn văn bản \"\(shown)\"\(moreVi) có byte không phải UTF-8, điều Excel không bao giờ ghi: mỗi byte hiện thành �; tệp đã hỏng hoặc do chương trình khác tạo — hãy sửa lại trong Excel")
        }
        if read == 0 {
            let names = names.map { "\"\($0)\"" }.joined(separator: ", ")
            log.error(line: nil, "no sheet of the workbook (\(names)) holds a table: a header row naming đơn vị, chỉ tiêu, kế hoạch (KH) and thực hiện (TH)",
                      vi: "không trang tính nào của sổ tính (\(names)) có bảng số liệu: một dòng tiêu đề ghi đơn vị, chỉ tiêu, kế hoạch (KH) và thực hiện (TH)")
        } else if !skipped.isEmpty {
            let names = skipped.map { "\"\($0)\"" }.joined(separator: ", ")
            log.warning("sheets \(names) hold no table (or are hidden) and were skipped; name one with --sheet to read it",
                        vi: "các trang tính \(names) không có bảng số liệu (hoặc đang ẩn) nên được bỏ qua; chọn bằng --sheet để đọc")
        }
    }

    /// Reads one sheet's rows into the table; false when it is hidden (and not asked for) or holds no table.
    private static func readSheet(_ sheet: Workbook.Sheet, of input: InputFile, options: ReadOptions, into assembler: inout TableAssembler,
                                  sheetLogs: inout [DiagnosticLog]) -> Bool {
        if sheet.hidden && options.sheet == nil { return false }
        let name = "\(input.name)[\(sheet.name)]"
        var sheetLog = DiagnosticLog(file: name, limit: options.diagnosticLimit, inSheet: true)
        let file = assembler.addFile(name, inSheet: true)
        let found = sheet.text.withUnsafeBufferPointer { buffer in
            FileReader.readTable(buffer, file: file, options: options, release: nil,
                                 source: FileReader.Source(fileName: name, sheetName: sheet.name, typedCells: true),
                                 into: &assembler, log: &sheetLog).found
        }
        guard found else {
            assembler.dropLastFile()
            return false
        }
        if !sheet.hiddenRows.isEmpty || !sheet.hiddenColumns.isEmpty {
            let rows = sheet.hiddenRows.prefix(8).map(String.init).joined(separator: ", ") + (sheet.hiddenRows.count > 8 ? " …" : "")
            let columns = sheet.hiddenColumns.prefix(8).map { Diagnostic.columnLetters($0 + 1) }.joined(separator: ", ")
            let en = [rows.isEmpty ? nil : (sheet.hiddenRows.count == 1 ? "row " : "rows ") + rows,
                      columns.isEmpty ? nil : (sheet.hiddenColumns.count == 1 ? "column " : "columns ") + columns].compactMap { $0 }.joined(separator: " and ")
            let vi = [rows.isEmpty ? nil : "các dòng \(rows)", columns.isEmpty ? nil : "các cột \(columns)"].compactMap { $0 }.joined(separator: " và ")
            let plural = sheet.hiddenRows.count + sheet.hiddenColumns.count > 1
            sheetLog.warning("\(en) \(plural ? "are" : "is") hidden in Excel; \(plural ? "they are" : "it is") read like the others",
                             vi: "\(vi) đang bị ẩn trong Excel; vẫn được đọc như các dòng, cột khác")
        }
        sheetLogs.append(sheetLog)
        return true
    }

    /// How much of the sheets' text the legacy-font detector looks at.
    private static let shownTextLength = 1 << 14

    /// The start of the sheets' text (numbers and markers do not count as words), for the
    /// legacy-font detector.
    private static func shownText(_ sheets: [Workbook.Sheet]) -> String {
        var text: [UInt8] = []
        for sheet in sheets where text.count < shownTextLength { text += sheet.text.prefix(shownTextLength - text.count) }
        return String(decoding: text, as: UTF8.self)
    }

    /// The legacy font the workbook's text is in, if any. Legacy text shows as Latin-1 letters
    /// only; text with any letter past U+00FF (ơ, ư, ạ …) is Unicode already.
    static func legacyEncoding(_ sheets: [Workbook.Sheet]) -> LegacyVietnamese? {
        let text = shownText(sheets)
        if text.unicodeScalars.contains(where: { $0.value > 0xFF }) { return nil }
        return LegacyVietnamese.detect(text)
    }

    private static func report(_ problem: Workbook.Problem, log: inout DiagnosticLog) {
        switch problem {
        case let .notAWorkbook(what):
            log.error(line: nil, "this is \(what), not an Excel workbook", vi: "đây là \(what), không phải sổ tính Excel")
        case let .zip(.tooLarge(name, limit)):
            log.error(line: nil, "the part \(name) of the workbook unpacks to more than \(limit / 1_000_000) MB; no real workbook is that large (a damaged file, or a zip bomb)",
                      vi: "phần \(name) của sổ tính giải nén ra hơn \(limit / 1_000_000) MB; không sổ tính thật nào lớn như vậy (tệp hỏng, hoặc bom nén)")
        case let .noSheet(wanted, sheets):
            let names = sheets.map { "\"\($0)\"" }.joined(separator: ", ")
            log.error(line: nil, "the workbook has no sheet \"\(wanted)\"; its sheets are \(names)",
                      vi: "sổ tính không có trang tính \"\(wanted)\"; các trang tính là \(names)")
        case let .beyondExcel(sheet, cell):
            log.error(line: nil, "the sheet \"\(sheet)\" has a cell at \(cell), past Excel's last column XFD and row 1048576: it was not written by Excel, or is damaged; open it in Excel and save it again as .xlsx",
                      vi: "trang tính \"\(sheet)\" có ô ở \(cell), vượt quá cột cuối XFD và dòng 1048576 của Excel: tệp không do Excel tạo ra, hoặc đã hỏng; mở bằng Excel rồi lưu lại dạng .xlsx")
        case let .tooMuchText(sheet, xml, limit):
            log.error(line: nil, "the sheet \"\(sheet)\" (\(max(1, xml / 1000)) KB of XML) would be more than \(limit / 1_000_000) MB of text — one long text repeated in many cells or merged over a large range: not a table to read; open it in Excel and save only the table",
                      vi: "trang tính \"\(sheet)\" (\(max(1, xml / 1000)) KB XML) sẽ thành hơn \(limit / 1_000_000) MB văn bản — một đoạn văn bản dài lặp lại ở rất nhiều ô hoặc được gộp trên một vùng lớn: không phải bảng số liệu; mở bằng Excel và chỉ lưu phần bảng")
        case let .missingString(sheet, detail):
            log.error(line: nil, "the sheet \"\(sheet)\" has a cell that names a text the workbook does not hold (cell \(detail) shared strings): the file is damaged; open it in Excel and save it again as .xlsx",
                      vi: "trang tính \"\(sheet)\" có ô trỏ tới một chuỗi văn bản mà sổ tính không có (ô \(detail) chuỗi dùng chung): tệp đã hỏng; mở bằng Excel rồi lưu lại dạng .xlsx")
        case let .samePart(sheet, first, part):
            log.error(line: nil, "the sheets \"\(first)\" and \"\(sheet)\" are one and the same part (\(part)), which Excel never writes: the file was made by another program or damaged; open it in Excel and save it again as .xlsx",
                      vi: "hai trang tính \"\(first)\" và \"\(sheet)\" cùng trỏ tới một phần (\(part)), điều Excel không bao giờ tạo ra: tệp do chương trình khác tạo hoặc đã hỏng; mở bằng Excel rồi lưu lại dạng .xlsx")
        case let .cut(sheet):
            log.error(line: nil, "the sheet \"\(sheet)\" stops in the middle of its data (the file was cut or damaged); open it in Excel and save it again as .xlsx",
                      vi: "trang tính \"\(sheet)\" bị cắt ngang giữa phần số liệu (tệp bị cắt hoặc hỏng); mở bằng Excel rồi lưu lại dạng .xlsx")
        case let .zip(.corrupt(why)), let .zip(.unsupported(why)):
            log.error(line: nil, "the workbook cannot be read (\(why)); open it in Excel and save it again as .xlsx (Excel Workbook)",
                      vi: "không đọc được sổ tính (\(why)); mở bằng Excel rồi lưu lại dạng .xlsx (Excel Workbook)")
        }
    }
}
