import Foundation

/// Reads one file's rows into the assembler. Cells whose number format depends on the file's
/// locale wait in `pending` until the whole file has been seen and the locale is known.
struct FileReader {
    struct PendingNumber {
        var row: Int
        var column: InputColumn
        var field: Int
        var line: Int
        var reading: NumberReading
        var text: String
        /// The other target's value the number is (its place in the assembler), -1 for the row's own columns.
        var otherTarget = -1
    }

    static func read(_ input: InputFile, file: Int32, options: ReadOptions, into assembler: inout TableAssembler, log: inout DiagnosticLog) {
        input.withBytes { bytes, mapping in
            let decoded: SourceDecoder.Decoded
            do throws(SourceDecoder.Failure) {
                decoded = try SourceDecoder.decode(bytes, forcing: options.encoding)
            } catch {
                report(error, log: &log)
                return
            }
            let before = assembler
            if parse(decoded, bytes, mapping, file: file, options: options, into: &assembler, log: &log) || decoded.isVerified { return }
            assembler = before
            log = DiagnosticLog(file: log.file, limit: log.limit)
            if decoded.isMarked {
                report(.undecodable(.utf8), log: &log)
                return
            }
            // Some kept text was not UTF-8: start the file again as Vietnamese ANSI.
            mapping?.rewind()
            do throws(SourceDecoder.Failure) {
                let legacy = try SourceDecoder.legacyFallback(bytes)
                mapping?.release(before: bytes.count)
                _ = parse(legacy, bytes, nil, file: file, options: options, into: &assembler, log: &log)
            } catch {
                report(error, log: &log)
            }
        }
    }

    private static func report(_ error: SourceDecoder.Failure, log: inout DiagnosticLog) {
        switch error {
        case .empty: log.error(line: nil, emptyFile, vi: emptyFileVi)
        case let .notText(kind): log.error(line: nil, "this is \(kind)", vi: "đây là \(SourceDecoder.NonTextKind.vietnamese(of: kind) ?? kind)")
        case let .undecodable(encoding):
            log.error(line: nil, "the bytes are not valid \(encoding) text; give the right one with --encoding (for example --encoding windows-1258)",
                      vi: "nội dung tệp không phải văn bản \(encoding) hợp lệ; chỉ rõ bảng mã đúng bằng --encoding (ví dụ --encoding windows-1258)")
        }
    }

    private static let emptyFile = "the file is empty; export the sheet again with its header row and data"
    private static let emptyFileVi = "tệp rỗng; xuất lại trang tính kèm dòng tiêu đề và số liệu"

    /// False when the text was taken as UTF-8 unchecked and some of what was kept is not.
    /// Text read in place from a mapped file is released behind the reader as it goes.
    private static func parse(_ decoded: SourceDecoder.Decoded, _ input: UnsafeBufferPointer<UInt8>, _ mapping: MappedFile?, file: Int32,
                              options: ReadOptions, into assembler: inout TableAssembler, log: inout DiagnosticLog) -> Bool {
        if decoded.wasGuessed {
            log.warning("not UTF-8; read as \(decoded.encoding). If letters look wrong, give the encoding with --encoding",
                        vi: "không phải UTF-8; đã đọc theo bảng mã \(decoded.encoding). Nếu chữ hiển thị sai, chỉ rõ bảng mã bằng --encoding")
        }
        let invalidBefore = assembler.invalidSpellings
        func run(_ buffer: UnsafeBufferPointer<UInt8>, release: ((Int) -> Void)?) -> Bool {
            let read = readTable(buffer, file: file, options: options, release: release, source: Source(fileName: log.file),
                                 into: &assembler, log: &log)
            return !read.invalidText && assembler.invalidSpellings == invalidBefore
        }
        if let converted = decoded.converted {
            mapping?.release(before: input.count)
            return converted.withUnsafeBufferPointer { run($0, release: nil) }
        }
        let start = decoded.start
        return run(UnsafeBufferPointer(rebasing: input[start...]), release: mapping.map { mapping in { mapping.release(before: start + $0) } })
    }

    let buffer: UnsafeBufferPointer<UInt8>
    let file: Int32
    let options: ReadOptions
    /// Told how far the reader has got, so the bytes behind it can leave memory.
    let release: ((Int) -> Void)?
    var tokenizer: CSVTokenizer
    var pending: [PendingNumber] = []
    var vietnameseEvidence: PendingNumber?
    var englishEvidence: PendingNumber?
    var firstRow = 0
    var sawInvalidText = false
    let source: Source
    /// The year every row has when the file has no year column (from the sheet, title or file name).
    var fileYear: Int?
    /// A report-shaped file merges the unit down over its indicators: a blank unit is the one above.
    var fillsUnitDown = false
    var unitAbove: Int32?
    /// A wide table's year columns ("Thực hiện 2023 | KH 2024 | TH 2024"), when the file is one.
    var wide: WideLayout?
    var rowsWithoutIndicator: [Int] = []
    /// A record read while looking for the header that turned out to be no part of it.
    var pushedBack: (line: Int, fields: [CSVField])?
    /// The first line of a two-row header (the line of the group heading).
    var headerTop: Int?
    /// The unit of every row when the file has no unit column (named in a title line).
    var fileUnit: Int32?
    /// A report-shaped file writes the year once over its rows: a blank year is the one above.
    var yearAbove: Int?
    /// The latest year a row of this file has a result in: a later row of that year or before
    /// with a target and no result is a result left empty, said at once (a row above the year's
    /// results is found when the table is assembled).
    var lastResultYear = Int.min
    /// The period of every row when the file has no period column (0: the whole year).
    var filePeriod: UInt8 = 0
    /// The section heading above the rows ("II. VKSND CẤP HUYỆN"): the group of their units.
    var section: String?
    /// `section` as a level of the table, once a row needs it.
    var sectionLevel: Int32 = -1
    /// What the form's rows said besides data, for the notes: numbering rows, sections, where the
    /// signature block began, cells read as signs or with unit words, results left blank.
    var formNotes = FormNotes()
    /// The other targets' columns already said to hold a cell that is no target.
    var otherTargetsWarned: Set<Int> = []
    /// A report's own "Tỷ lệ %" column (TH / KH), cross-checked against the figures, never used.
    var rateColumn = -1
    /// The form's own cùng kỳ beside `rateColumn`, which its comparison may be made with.
    var comparedPrevious = -1
    var rateMismatches = 0
    /// The streaming path found a header naming every required role: its line and width.
    var headerFound = false
    var headerLine: Int?
    var headerMap: HeaderMap?

    /// Where the rows come from, for what the rows themselves do not say.
    struct Source {
        /// The file's name, whose year ("ketqua-2023.csv") is the last resort for a year.
        var fileName: String
        /// The sheet of a workbook, whose name may be the year ("2023").
        var sheetName: String?
        /// Cells of a workbook sheet: numbers arrive typed (see `SheetText`), not as text.
        var typedCells = false
    }

    init(buffer: UnsafeBufferPointer<UInt8>, file: Int32, options: ReadOptions, release: ((Int) -> Void)?, source: Source) {
        self.buffer = buffer
        self.file = file
        self.options = options
        self.source = source
        self.release = release
        // A sheet's text is ours, always comma-separated; a title line must not decide it.
        self.tokenizer = CSVTokenizer(bytes: buffer, delimiter: source.typedCells ? UInt8(ascii: ",") : DelimiterDetector.detect(in: buffer))
    }

    /// Title lines a report-shaped sheet may have above its header ("VIỆN KIỂM SÁT …", "BIỂU
    /// TỔNG HỢP … NĂM 2023", a blank line): the header is the first of these many records that
    /// names the required columns.
    static let titleLinesAllowed = 30

    /// Reads the file's table; false when a workbook sheet holds none (it is skipped, not an error).
    @discardableResult
    mutating func readRows(into assembler: inout TableAssembler, log: inout DiagnosticLog) -> Bool {
        var fields: [CSVField] = []
        var titles: [String] = []
        var best: (line: Int, headers: [String], problem: HeaderMap.Problem, mapped: Int)?
        var found: (line: Int, map: HeaderMap)?
        while titles.count < Self.titleLinesAllowed, let line = nextNonBlankRecord(into: &fields) {
            let headers = headerCells(fields)
            let unitOptional = Self.unit(inTitles: titles, fileName: source.fileName) != nil
            let single = Self.header(headers, unitOptional: unitOptional)
            // A two-row header: a group heading merged over "KH | TH | Tỷ lệ %", the names on the
            // row below (and in a CSV export, the cells merged down left blank there).
            if let next = nextNonBlankRecord(into: &fields) {
                let below = headerCells(fields)
                let combined = zip(headers + Array(repeating: "", count: max(0, below.count - headers.count)),
                                   below + Array(repeating: "", count: max(0, headers.count - below.count))).map { $1.isEmpty ? $0 : $1 }
                let upper = HeaderMap.mappedCount(headers)
                if upper >= 2, HeaderMap.mappedCount(combined) > upper, case let .success(map) = Self.header(combined, unitOptional: unitOptional) {
                    found = (next, map.map)
                    headerTop = line
                    wide = map.wide
                    titles.append(headers.filter { !$0.isEmpty && !below.contains($0) }.joined(separator: " "))
                    break
                }
                pushedBack = (next, fields)
            }
            switch single {
            case let .success(header):
                found = (line, header.map)
                wide = header.wide
            case let .failure(error):
                if case .duplicate = error {
                    if best?.mapped != Int.max { best = (line, headers, error, Int.max) }
                } else {
                    let mapped = HeaderMap.mappedCount(headers)
                    if best == nil || mapped > best?.mapped ?? 0 { best = (line, headers, error, mapped) }
                }
                titles.append(Self.titleText(headers))
                if assembler.issued == nil { assembler.issued = DateLine.iso(in: headers.joined(separator: " ")) }
                if let first = headers.first(where: { !$0.isEmpty }), NameClues.isAgency(first) {
                    if assembler.organisation == nil { assembler.organisation = first }
                    assembler.agencyNames.insert(first)
                }
                continue
            }
            break
        }
        headerFound = found != nil
        headerLine = found?.line
        headerMap = found?.map
        guard let (headerLine, map) = found else {
            if source.sheetName != nil, best?.mapped ?? 0 < 2 { return false }
            if let best { report(best.problem, headers: best.headers, line: best.line, log: &log) } else { log.error(line: nil, Self.emptyFile, vi: Self.emptyFileVi) }
            reportTokenizerProblems(log: &log, map: nil)
            return true
        }
        if map.column(.unit) == nil, let (unit, place) = Self.unit(inTitles: titles, fileName: source.fileName) {
            fileUnit = Array(unit.utf8).withUnsafeBufferPointer { assembler.units.id(for: $0) }
            log.warning(line: headerLine, "no unit column: every row is taken as the unit \"\(unit)\", from \(place.en)",
                        vi: "không có cột đơn vị: mọi dòng được tính cho đơn vị \"\(unit)\", lấy từ \(place.vi)")
        }
        if let wide {
            log.warning(line: headerLine, "a wide table: " + wide.description(english: true) + "; each is read as a row of that year",
                        vi: "bảng dạng ngang: " + wide.description(english: false) + "; mỗi năm được đọc thành một dòng của năm đó")
        } else if map.column(.year) == nil, map.column(.period) != nil {
            // Each row's period cell carries its year ("6 tháng đầu năm 2024", "Năm 2023"); the file's is a fallback.
            fileYear = Self.year(sheet: source.sheetName, titles: titles, fileName: source.fileName)?.0
        } else if map.column(.year) == nil {
            guard let (year, place) = Self.year(sheet: source.sheetName, titles: titles, fileName: source.fileName) else {
                report(.missing([.year]), headers: map.headers, line: headerLine, log: &log)
                return true
            }
            fileYear = year
            log.warning(line: headerLine, "no year column: every row is taken as \(year), from \(place.en)",
                        vi: "không có cột năm: mọi dòng được tính là năm \(year), lấy từ \(place.vi)")
        }
        // The period of the whole file: its sheet's name or a title line ("SƠ KẾT 6 THÁNG ĐẦU NĂM 2024").
        if map.column(.period) == nil, let (period, place) = Self.period(sheet: source.sheetName, titles: titles) {
            filePeriod = assembler.periodID(period)
            if !period.isWholeYear || period.dates != nil {
                log.note(line: headerLine, "the rows are of the period \(period), from \(place.en)",
                         vi: "các dòng thuộc kỳ \(period), lấy từ \(place.vi)")
            }
        }
        fillsUnitDown = !titles.isEmpty || map.headers.contains { HeaderName.fold($0) == "stt" }
        rateColumn = map.headers.firstIndex { ["ty le", "ty le %", "ty le (%)", "ty le hoan thanh", "% hoan thanh", "ty le th/kh", "% th/kh"].contains(HeaderName.fold($0)) } ?? -1
        firstRow = assembler.rowCount
        assembler.setFields(map.index, file: file)
        // Rows are rarely shorter than 24 bytes; reserving address space costs no memory
        // until rows fill it, and growing a huge array would briefly hold it twice.
        assembler.reserve(buffer.count / 24)
        var dataRows = 0
        let columns = Columns(map)
        var released = 0
        var tableStarted = false
        while let line = nextDataRecord(into: &fields) {
            if let release, tokenizer.offset - released >= 1 << 23 {
                released = tokenizer.offset
                release(released)
            }
            if fields.allSatisfy(\.isEmpty) { continue }
            dataRows += 1
            // A sheet row ends at its last cell with a value: the rest are empty, not missing.
            if source.typedCells, fields.count < map.width {
                let end = fields.last?.end ?? 0
                fields += Array(repeating: CSVField(start: end, end: end, isQuoted: false, hasEscapedQuotes: false), count: map.width - fields.count)
            }
            // A numbering row under the header ("A | B | C | 1 | 2 | 3") is no data in any layout.
            if !tableStarted, !fillsUnitDown,
               ColumnNumbering.isNumbering(fields.prefix(64).map { text($0).trimmingCharacters(in: .whitespaces) }) {
                continue
            }
            if fillsUnitDown, let stop = formRow(fields, line: line, columns: columns, started: tableStarted) {
                if stop { break }
                continue
            }
            if fields.count < map.width || (fields.count > map.width && fields[map.width...].contains { !$0.isEmpty }) {
                let used = fields.lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? fields.count
                let delimiter = Character(UnicodeScalar(tokenizer.delimiter))
                log.error(line: line, column: min(used, fields.count),
                          "this row has \(used) fields but the header has \(map.width); a value may contain an unquoted \"\(delimiter)\" or a cell is missing",
                          vi: "dòng này có \(used) ô nhưng dòng tiêu đề có \(map.width) cột; có thể một giá trị chứa dấu \"\(delimiter)\" mà không đặt trong ngoặc kép, hoặc thiếu một ô")
                continue
            }
            // A report's notes and headings have no indicator: not data, and said so once.
            if fillsUnitDown, isBlank(fields[columns.indicator]) {
                if rowsWithoutIndicator.count < 1000 { rowsWithoutIndicator.append(line) }
                continue
            }
            tableStarted = true
            guard let wide else {
                readRows(fields, line: line, columns: columns, map: map, assembler: &assembler, log: &log)
                continue
            }
            // A wide table: one row per year that has a result.
            for slot in wide.years where !isBlank(fields[slot.actual]) {
                var yearColumns = columns
                (yearColumns.fixedYear, yearColumns.target, yearColumns.actual) = (slot.year, slot.target ?? -1, slot.actual)
                yearColumns.estimated = slot.estimated
                if slot.schoolYear { assembler.yearSpan = .school }
                readRows(fields, line: line, columns: yearColumns, map: map, assembler: &assembler, log: &log)
            }
            // Next year's plan: a target column of a year with no result column ("KH 2025").
            for slot in wide.plannedYears where !isBlank(fields[slot.target ?? 0]) {
                var yearColumns = columns
                (yearColumns.fixedYear, yearColumns.target, yearColumns.actual) = (slot.year, slot.target ?? -1, -1)
                yearColumns.estimated = false
                readRows(fields, line: line, columns: yearColumns, map: map, assembler: &assembler, log: &log)
            }
        }
        if assembler.rowCount == firstRow && log.errorCount == 0 {
            // A workbook's sheet with only a header (next year's blank form) holds no table.
            if source.sheetName != nil { return false }
            if dataRows == 0 {
                log.error(line: headerLine, "the header is here but no data rows follow; export the sheet with its data",
                          vi: "có dòng tiêu đề nhưng không có dòng số liệu nào; xuất lại trang tính kèm số liệu")
            } else {
                log.error(line: headerLine, "no row under the header has both an indicator and a result; export the sheet with its data",
                          vi: "không dòng nào dưới dòng tiêu đề có đủ chỉ tiêu và số thực hiện; xuất lại trang tính kèm số liệu")
            }
        }
        if let first = rowsWithoutIndicator.first {
            let rows = rowsWithoutIndicator.prefix(8).map(String.init).joined(separator: ", ") + (rowsWithoutIndicator.count > 8 ? " …" : "")
            log.warning(line: first, "\(rowsWithoutIndicator.count == 1 ? "row" : "rows") \(rows) \(rowsWithoutIndicator.count == 1 ? "has no indicator (a note around the table) and was" : "have no indicator (notes around the table) and were") not read",
                        vi: "các dòng \(rows) không có chỉ tiêu (ghi chú quanh bảng) nên không được đọc")
        }
        formNotes.report(headerLine: headerLine, topLine: headerTop, layout: wide != nil ? .wide : fillsUnitDown ? .form : .long, map: map, log: &log)
        reportTokenizerProblems(log: &log, map: map)
        resolvePending(into: &assembler, map: map, log: &log)
        return true
    }

    /// A header line's cells as the user wrote them, up to the last named one (Excel's empty
    /// columns to the right carry no names; a broken export can have a million of them).
    private mutating func headerCells(_ fields: [CSVField]) -> [String] {
        let named = (fields.lastIndex { !$0.isEmpty } ?? 0) + 1
        return fields.prefix(named).map { checkedText($0).trimmingCharacters(in: .whitespaces) }
    }

    /// A title line's text: its cells joined, a merge's repeated text once.
    static func titleText(_ cells: [String]) -> String {
        var kept: [String] = []
        for cell in cells where !cell.isEmpty && cell != kept.last { kept.append(cell) }
        return kept.joined(separator: " ")
    }

    /// The header a line is, long or wide.
    private static func header(_ headers: [String], unitOptional: Bool) -> Result<(map: HeaderMap, wide: WideLayout?), HeaderMap.Problem> {
        do {
            return .success((try HeaderMap(headers: headers, yearOptional: true, unitOptional: unitOptional), nil))
        } catch {
            if let layout = WideLayout(headers: headers, unitOptional: unitOptional) { return .success((layout.map, layout)) }
            return .failure(error)
        }
    }

    /// The period a sheet's name or a title line names, with where it was found.
    static func period(sheet: String?, titles: [String]) -> (ReportingPeriod, place: (en: String, vi: String))? {
        if let sheet, let (period, _) = ReportingPeriod.read(sheet) { return (period, ("the sheet name \"\(sheet)\"", "tên trang tính \"\(sheet)\"")) }
        for title in titles {
            if let (period, _) = ReportingPeriod.read(title) { return (period, ("the title line \"\(title)\"", "dòng tiêu đề \"\(title)\"")) }
        }
        return nil
    }

    /// The unit of a file without a unit column, from its title lines: the name after the dash of
    /// the report's title ("BÁO CÁO … - PHÒNG GD&ĐT HUYỆN BA TRI"); else from the file's name.
    static func unit(inTitles titles: [String], fileName: String = "",
                     agencyBlock: [String] = []) -> (String, place: (en: String, vi: String))? {
        if let found = unitInTitleLines(titles) { return found }
        if let name = unitInAgencyBlock(agencyBlock) { return (name, ("the agency block \"\(name)\"", "khối tên cơ quan \"\(name)\"")) }
        // Else the file's own name, when it names a unit ("Phòng GD&ĐT Ba Tri 2024.csv").
        let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
        let stem = (base.split(separator: "[").first.map(String.init) ?? base).split(separator: ".").dropLast().joined(separator: ".")
        let name = stem.replacingOccurrences(of: "_", with: " ").split(separator: " ").filter { !($0.count == 4 && $0.allSatisfy(\.isNumber)) }
            .joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " -–"))
        // The whole name, or its part after a dash ("KQ chỉ tiêu - Chi cục Thuế huyện Thạnh Trị.csv").
        let words = HeaderName.fold(name)
        guard let unit = unitWords.contains(where: { words.hasPrefix($0 + " ") }) ? name : unitAfterDash(name) else { return nil }
        return (unit, ("the file name \"\(base)\"", "tên tệp \"\(base)\""))
    }

    private static func unitInTitleLines(_ titles: [String]) -> (String, place: (en: String, vi: String))? {
        // "Đơn vị thực hiện: Công an huyện Châu Thành", "Đơn vị báo cáo: …": a label and its unit.
        for title in titles {
            guard let colon = title.firstIndex(of: ":") else { continue }
            let label = String(title[..<colon])
            guard InputColumn.named(label) == .unit || unitLabels.contains(HeaderName.fold(label)) else { continue }
            let name = title[title.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return (name, ("the title line \"\(title)\"", "dòng tiêu đề \"\(title)\"")) }
        }
        for title in titles {
            if let name = unitAfterDash(title) { return (name, ("the title line \"\(title)\"", "dòng tiêu đề \"\(title)\"")) }
        }
        return nil
    }

    /// The issuing body under its parent in a form's agency block (Nghị định 30/2020: "TÒA ÁN NHÂN DÂN TỈNH QUẢNG NGÃI"
    /// over "TAND HUYỆN MỘ ĐỨC"), given as the first cell of each line above the table: the unit whose figures the sheet
    /// holds. A body of the province itself ("CỤC THUẾ TỈNH …" under "TỔNG CỤC THUẾ", "SỞ Y TẾ" under
    /// "UBND TỈNH …") is none: its sheet is the province's.
    static func unitInAgencyBlock(_ lines: [String]) -> String? {
        var block: [String] = []
        for line in lines {
            let words = HeaderName.fold(line)
            // The block ends where the document's own lines begin: its number, its title, its date.
            if words.hasPrefix("so:") || words.hasPrefix("so ") && line.contains("/") || RowRules.isDateLine(line)
                || documentWords.contains(where: words.hasPrefix)
                || block.count == 3 { break }
            block.append(line)
        }
        guard block.count >= 2, let issuer = block.last, ColumnPlan.looksLikeUnit(issuer), !NameClues.isTotal(unit: issuer),
              !HeaderName.fold(issuer).split(separator: " ").contains("tinh"),
              // (a Sở or a Cục under the province's people's committee or a ministry is the province's own body)
              !["so ", "cuc "].contains(where: HeaderName.fold(issuer).hasPrefix) else { return nil }
        return issuer
    }

    /// How a document's own lines begin under the agency block: its title, its annex line.
    static let documentWords = ["bao cao", "bieu", "bang", "ket qua", "tong hop", "so lieu", "danh gia", "thong ke", "chi tieu",
                                "phu luc", "kem theo", "(kem theo", "mau", "so ket", "tong ket"]

    /// Labels of a title line that names the unit ("Đơn vị thực hiện: …").
    static let unitLabels = ["don vi thuc hien", "don vi bao cao", "co quan", "co quan bao cao"]

    /// The name after the first dash that a unit's name follows ("… - PHÒNG KẾ HOẠCH - TÀI CHÍNH"); a year is no name.
    static func unitAfterDash(_ text: String) -> String? {
        var search = text.startIndex..<text.endIndex
        while let range = [" - ", " – ", " — "].compactMap({ text.range(of: $0, range: search) })
            .min(by: { $0.lowerBound < $1.lowerBound }) {
            search = range.upperBound..<text.endIndex
            let name = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
            let words = HeaderName.fold(name)
            guard unitWords.contains(where: { words.hasPrefix($0 + " ") }), PeriodCell.read(name) == nil,
                  !name.split(separator: " ").contains(where: { $0.count == 4 && Int($0).map { (1990...2100).contains($0) } == true })
            else { continue }
            return name
        }
        return nil
    }

    /// How a unit's name begins, for finding one in a title line.
    static let unitWords = ["phong", "so", "vksnd", "vien kiem sat", "ubnd", "uy ban", "truong", "trung tam", "benh vien",
                            "chi cuc", "ban", "cuc", "huyen", "thi xa", "thanh pho", "tp", "tx", "xa", "phuong", "van phong", "don vi",
                            "cong an", "toa", "tand", "doi", "chi nhanh", "kho bac", "bhxh", "bao hiem xa hoi", "thanh tra", "cct",
                            "vien ksnd", "ttyt", "phong gd&dt", "chi cuc thue", "thue"]

    /// The report's own comparison ("Tỷ lệ %", "So sánh", "Tăng, giảm") against the figures: TH / KH, TH − KH, and
    /// beside a cùng kỳ TH − CK, TH / CK, (TH − CK) / CK. A stale formula or a hand-typed figure is worth a look, but
    /// only the figures themselves are used. A rate may be written as a fraction (0,955) or a percentage (95,5); a few
    /// mismatches are named, the rest counted.
    /// A cell's number as a comparison reads it: typed, or as written the Vietnamese way.
    private func cellNumber(_ field: CSVField) -> Double? {
        let bytes = UnsafeBufferPointer(rebasing: buffer[field.start..<field.end])
        return SheetText.typedNumber(bytes) ?? NumberParser.plainInteger(bytes) ?? NumberParser.read(bytes).value(in: .vi)
    }

    private mutating func crossCheckRate(_ field: CSVField, actual: Double, target: Double?, previous: Double?, line: Int, map: HeaderMap,
                                         log: inout DiagnosticLog) {
        guard let stated = cellNumber(field) else { return }
        var candidates: [Double] = []
        if let target, target > 0 { candidates += [actual / target * 100, actual - target] }
        if let previous {
            candidates.append(actual - previous)
            if previous > 0 { candidates += [actual / previous * 100, (actual - previous) / previous * 100] }
        }
        // (each as the office rounds it: a unit or a tenth, and a fraction for a percentage)
        guard !candidates.contains(where: { abs(stated - $0) <= 0.5 || abs(stated * 100 - $0) <= 0.5 }) else { return }
        rateMismatches += 1
        guard rateMismatches <= 5 else { return }
        let header = map.headers[rateColumn]
        let against = target.map { $0 > 0 } == true ? ("TH / KH is \(Self.plain((actual / target! * 1000).rounded() / 10))",
                                                     "TH / KH là \(Self.plainVi((actual / target! * 1000).rounded() / 10))")
            : ("TH − cùng kỳ is \(Self.plain(actual - previous!))", "TH − cùng kỳ là \(Self.plainVi(actual - previous!))")
        log.warning(line: line, column: rateColumn + 1,
                    "\"\(header)\" says \(Self.plain((stated * 10).rounded() / 10)), "
                        + "which no comparison of the figures gives (\(against.0)); "
                        + "the figures are used — check the formula or the numbers",
                    vi: "cột \"\(header)\" ghi \(Self.plainVi((stated * 10).rounded() / 10)), "
                        + "không khớp với phép so sánh nào của số liệu "
                        + "(\(against.1)); số liệu được dùng — kiểm tra lại công thức hoặc số liệu")
    }

    /// The year of a file without a year column: a sheet named for it, else a period line's end
    /// date ("(Từ ngày 01/12/2022 đến ngày 30/11/2023)": the procuracy's year ends on 30 November),
    /// else a year in the title lines ("… NĂM 2023"; a school year "2022 – 2023" at its end year;
    /// a report's own date "ngày 05/12/2023" is no year of the data), else in the file's name
    /// ("ketqua-2023.csv"); with where it was found.
    static func year(sheet: String?, titles: [String], fileName: String) -> (Int, place: (en: String, vi: String))? {
        func year(in text: String) -> Int? {
            var found: [Int] = []
            let characters = Array(text + " ")
            var digits = ""
            var start = 0
            for (i, c) in characters.enumerated() {
                if c.isASCII, c.isNumber {
                    if digits.isEmpty { start = i }
                    digits.append(c)
                    continue
                }
                // A year inside a date (05/12/2023) is a date's, not the data's.
                let inDate = start > 0 && (characters[start - 1] == "/" || characters[start - 1] == ".")
                if digits.count == 4, !inDate, let value = Int(digits), (1990...2100).contains(value) {
                    if let last = found.last, last + 1 == value, characters[..<start].suffix(4).contains(where: { "-–—".contains($0) }) {
                        found[found.count - 1] = value
                    } else {
                        found.append(value)
                    }
                }
                digits = ""
            }
            return found.count == 1 ? found[0] : nil
        }
        // A report's own date ("Vĩnh Long, ngày 14 tháng 01 năm 2025") is never the year of its figures.
        let titles = titles.filter { !RowRules.isDateLine($0) }
        if let sheet, let value = year(in: sheet) { return (value, ("the sheet name \"\(sheet)\"", "tên trang tính \"\(sheet)\"")) }
        // A part of a year named with its year ("QUÝ I/2022", "6 THÁNG ĐẦU NĂM 2024") says which year it is
        // counted in, even where its dates fall in the year before (a school year's first quarter).
        for title in titles {
            if let read = ReportingPeriod.read(title), read.period.dates == nil, !read.period.isWholeYear, let value = read.year {
                return (value, ("the title line \"\(title)\"", "dòng tiêu đề \"\(title)\""))
            }
        }
        for title in titles {
            // The period's own dates, read as `ReportingPeriod` reads them.
            if let read = ReportingPeriod.read(title), read.period.dates != nil, let value = read.year {
                return (value, ("the end of the period \"\(title)\"", "ngày cuối kỳ báo cáo \"\(title)\""))
            }
        }
        for title in titles { if let value = year(in: title) { return (value, ("the title line \"\(title)\"", "dòng tiêu đề \"\(title)\"")) } }
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        let stem = name.split(separator: "[").first.map(String.init) ?? name
        if let value = year(in: stem) { return (value, ("the file name \"\(stem)\"", "tên tệp \"\(stem)\"")) }
        return nil
    }

    /// The field index of each column, or -1, looked up once per file rather than per row.
    struct Columns {
        var year, unit, indicator, target, actual, measure, level, direction, period: Int
        /// The year of every row read through these columns (a wide table's year column pair).
        var fixedYear: Int?
        /// The result columns are an estimate ("Ước TH 2024").
        var estimated = false
        /// The target column is the period's own ("KH 6 tháng"), not the year's.
        var ownTarget = false
        /// Targets stated beside the first: each one's field, its id in the assembler, whether it is the period's own.
        var otherTargets: [(field: Int, id: Int, own: Bool)] = []
        /// The target's name when it is not the file's first (that column was blank on this row).
        var targetName: String?
        /// The indicator of every row read through these columns (a heading over the column pair).
        var fixedIndicator: Int32?
        init(_ map: HeaderMap) {
            year = map.column(.year) ?? -1
            unit = map.column(.unit) ?? -1
            indicator = map.column(.indicator) ?? -1
            target = map.column(.target) ?? -1
            actual = map.column(.actual) ?? -1
            measure = map.column(.measure) ?? -1
            level = map.column(.level) ?? -1
            direction = map.column(.direction) ?? -1
            period = map.column(.period) ?? -1
            ownTarget = target >= 0 && InputColumn.isPeriodTarget(map.headers[target])
        }
    }

    private mutating func readRow(_ fields: [CSVField], line: Int, columns: Columns, map: HeaderMap,
                                  assembler: inout TableAssembler, log: inout DiagnosticLog, half: String? = nil) -> IndicatorRow? {
        let errorsBefore = log.errorCount
        let rowIndex = assembler.rowCount
        var year: Int?
        if let fixed = columns.fixedYear {
            year = fixed
        } else if columns.year < 0 {
            year = fileYear
        } else if fillsUnitDown, isBlank(fields[columns.year]), let above = yearAbove {
            year = above
        } else {
            year = readYear(fields[columns.year], line: line, field: columns.year, map: map, log: &log)
            yearAbove = year
        }
        var period = filePeriod
        if columns.period >= 0, !isBlank(fields[columns.period]) {
            let cell = text(fields[columns.period]).trimmingCharacters(in: .whitespaces)
            if let (read, periodYear) = ReportingPeriod.read(cell) {
                period = assembler.periodID(read)
                // The row's own cell ("6 tháng đầu năm 2024") wins over the file's year (its name's, its title's).
                if columns.year < 0, columns.fixedYear == nil, let periodYear { year = periodYear }
            } else if let whole = Int(cell.filter(\.isNumber)), (1990...2100).contains(whole), cell.filter(\.isNumber).count == 4 {
                // "Năm 2024": the whole year.
                if columns.year < 0, columns.fixedYear == nil { year = whole }
            } else {
                log.error(line: line, column: columns.period + 1,
                          "\"\(cell)\" in column \"\(map.displayName(.period))\" is not a period; write cả năm, 6 tháng đầu năm, 9 tháng, quý I–IV, or the dates (từ ngày 01/12/2023 đến ngày 31/5/2024)",
                          vi: "\"\(cell)\" ở cột \"\(map.displayName(.period))\" không phải là kỳ báo cáo; ghi cả năm, 6 tháng đầu năm, 9 tháng, quý I–IV, hoặc ngày (từ ngày 01/12/2023 đến ngày 31/5/2024)")
            }
        }
        var unit: Int32?
        if columns.unit < 0 {
            unit = fileUnit
        } else if fillsUnitDown, isBlank(fields[columns.unit]), let above = unitAbove {
            unit = above
        } else {
            unit = readName(fields[columns.unit], line: line, field: columns.unit, column: .unit, map: map, interner: &assembler.units, log: &log)
            unitAbove = unit
        }
        let indicator: Int32?
        if let fixed = columns.fixedIndicator {
            indicator = fixed
        } else if let half, !isBlank(fields[columns.indicator]),
                  fields[columns.indicator].end - fields[columns.indicator].start <= Self.longestName {
            // Each count of a pair is its own indicator: "Số vụ án, bị can (vụ)", "… (bị can)".
            indicator = Array((text(fields[columns.indicator]).trimmingCharacters(in: .whitespaces) + " (\(half))").utf8)
                .withUnsafeBufferPointer { assembler.indicators.id(for: $0) }
        } else {
            indicator = readName(fields[columns.indicator], line: line, field: columns.indicator, column: .indicator, map: map, interner: &assembler.indicators, log: &log)
        }
        // The statistical office's signs: "-" did not occur (0; no value for a rate), "..." not
        // collected, "x" not applicable (no value), "Không phát sinh" (0). A row with no value is no row.
        let actualField = columns.actual >= 0 ? fields[columns.actual] : CSVField(start: 0, end: 0, isQuoted: false, hasEscapedQuotes: false)
        // A target with no result: next year's plan when no later year has results (the table decides).
        var targetOnly = (columns.actual < 0 || !fillsUnitDown) && isBlank(actualField) && columns.target >= 0 && !isBlank(fields[columns.target])
        if let year {
            if !isBlank(actualField) { lastResultYear = max(lastResultYear, year) } else if targetOnly, year <= lastResultYear { targetOnly = false }
        }
        var actualSign: ValueWords.Sign?
        if actualField.end - actualField.start <= 40,
           let sign = ValueWords.sign(UnsafeBufferPointer(rebasing: buffer[actualField.start..<actualField.end])) {
            actualSign = sign
        }
        var noValue = false
        if let actualSign {
            let measureText = columns.measure >= 0 ? text(fields[columns.measure]) : nil
            switch actualSign {
            // A rate or an average (the indicators whose province figure is a mean) has nothing to rate.
            // "-", "Không phát sinh", "x", "K/c": nothing happened — 0 for a count, and for a rate or an
            // average nothing to rate; "..." was not collected: no value.
            case .didNotOccur, .noneArose, .notApplicable:
                let name = columns.fixedIndicator.map { assembler.indicators.names[Int($0)] } ?? text(fields[columns.indicator])
                noValue = NameClues.mean(indicator: name, measure: measureText) != nil
            case .notCollected: noValue = true
            }
            formNotes.signs[actualSign.word, default: (0, line, 0)].count += 1
            if noValue { formNotes.signs[actualSign.word, default: (0, line, 0)].noValue += 1 }
        } else if fillsUnitDown, isBlank(actualField), log.errorCount == errorsBefore {
            // A printed form's blank result is not reported, not zero; a total row's rate is often left blank.
            let unitName = unit.map { assembler.units.names[Int($0)] } ?? ""
            if !NameClues.isTotal(unit: unitName) { formNotes.blankResults.append(line) }
            noValue = true
        }
        if noValue {
            while let last = pending.last, last.row == rowIndex { pending.removeLast() }
            return nil
        }
        // "≥ 95 %", "Không quá 2": the number, and a direction when the words give one.
        var target: Double?, targetDirection: Direction?, relative: RelativeTarget?
        if columns.target >= 0 {
            let (targetField, direction) = WrittenTarget.split(fields[columns.target], in: buffer)
            if let sign = ValueWords.sign(UnsafeBufferPointer(rebasing: buffer[targetField.start..<targetField.end])) {
                formNotes.targetSigns[sign.word, default: 0] += 1
            } else if let stated = relativeTarget(fields[columns.target]) {
                // "Kéo giảm ít nhất 5% so với cùng kỳ": resolved from each figure's previous value.
                relative = stated
                targetDirection = stated.direction
            } else {
                target = readNumber(targetField, line: line, field: columns.target, column: .target, row: rowIndex, map: map, log: &log)
                targetDirection = direction
            }
        }
        let actual = actualSign != nil || targetOnly ? 0 : readNumber(actualField, line: line, field: columns.actual, column: .actual, row: rowIndex, map: map, log: &log)
        var measure: Int32 = -1
        if let half {
            measure = Array(half.utf8).withUnsafeBufferPointer { assembler.measures.id(for: $0) }
        } else if columns.measure >= 0, !fields[columns.measure].isEmpty {
            measure = intern(fields[columns.measure], into: &assembler.measures)
        }
        var level: Int32 = -1
        if columns.level >= 0, !fields[columns.level].isEmpty {
            level = intern(fields[columns.level], into: &assembler.levels)
        } else if let section {
            if sectionLevel < 0 {
                sectionLevel = Array(section.utf8).withUnsafeBufferPointer { assembler.levels.id(for: $0) }
                assembler.sectionLevels.insert(sectionLevel)
            }
            level = sectionLevel
        }
        var direction = targetDirection ?? .higher
        var directionGiven = targetDirection != nil
        if columns.direction >= 0, !fields[columns.direction].isEmpty {
            let cell = checkedText(fields[columns.direction])
            if let parsed = Direction(cell: cell) {
                direction = parsed
                directionGiven = true
            } else {
                let header = map.displayName(.direction)
                log.error(line: line, column: columns.direction + 1, "\"\(cell)\" in column \"\(header)\" is not a direction; write higher (cao) or lower (thấp, a ceiling)",
                          vi: "\"\(cell)\" ở cột \"\(header)\" không phải là chiều; ghi cao (higher) hoặc thấp (lower, chỉ tiêu trần)")
            }
        }
        if actualSign == nil, !targetOnly, isBlank(actualField) {
            let header = map.headers[columns.actual]
            log.error(line: line, column: columns.actual + 1, "the cell in column \"\(header)\" is empty; every row needs the achieved value (write 0 if nothing was done)",
                      vi: "ô ở cột \"\(header)\" bị trống; dòng nào cũng phải có số thực hiện (ghi 0 nếu không thực hiện được)", group: "empty \(columns.actual)")
        }
        if let target, target < 0 {
            let value = text(fields[columns.target]), header = map.headers[columns.target]
            log.error(line: line, column: columns.target + 1, "the target \(value) in column \"\(header)\" is negative; targets are 0 or more (leave the cell empty when no target was set)",
                      vi: "kế hoạch \(value) ở cột \"\(header)\" là số âm; kế hoạch phải từ 0 trở lên (để trống ô nếu không giao kế hoạch)")
        }
        if half == nil, rateColumn >= 0, rateColumn < fields.count, let actual, !actual.isNaN, log.errorCount == errorsBefore {
            let previous = comparedPrevious >= 0 && comparedPrevious < fields.count ? cellNumber(fields[comparedPrevious]) : nil
            if target.map({ $0 > 0 }) == true || previous != nil {
                crossCheckRate(fields[rateColumn], actual: actual, target: target, previous: previous, line: line, map: map, log: &log)
            }
        }
        guard log.errorCount == errorsBefore, let year, let unit, let indicator else {
            // Pending cells of a rejected row are dropped with it.
            while let last = pending.last, last.row == rowIndex { pending.removeLast() }
            return nil
        }
        var row = IndicatorRow(year: Int32(year), unit: unit, indicator: indicator, measure: measure, level: level,
                               direction: direction, directionGiven: directionGiven, target: target, actual: actual ?? .nan,
                               file: file, line: Int32(line))
        row.period = period
        row.estimated = columns.estimated
        row.ownTarget = columns.ownTarget
        row.targetOnly = targetOnly
        if let relative { assembler.addRelativeTarget(relative, row: rowIndex) }
        if let name = columns.targetName { assembler.setTargetName(name, row: rowIndex) }
        if half == nil {
            for other in columns.otherTargets {
                readOtherTarget(fields[other.field], target: other, line: line, row: rowIndex, map: map, assembler: &assembler, log: &log)
            }
        }
        return row
    }

    private func readYear(_ field: CSVField, line: Int, field index: Int, map: HeaderMap, log: inout DiagnosticLog) -> Int? {
        if let year = NumberParser.plainInteger(UnsafeBufferPointer(rebasing: buffer[field.start..<field.end])),
           (1000...9999).contains(year) {
            return Int(year)
        }
        let cell = text(field).trimmingCharacters(in: .whitespaces)
        if cell.isEmpty {
            log.error(line: line, column: index + 1, "the cell in column \"\(map.displayName(.year))\" is empty; every row needs its year",
                      vi: "ô ở cột \"\(map.displayName(.year))\" bị trống; dòng nào cũng phải có năm", group: "empty \(index)")
            return nil
        }
        // "Năm 2023", "Năm học 2022 – 2023": a year as offices write it in a year column.
        if let reading = PeriodCell.read(cell), reading.period.isWholeYear { return reading.year }
        guard let year = Int(cell), (1000...9999).contains(year) else {
            log.error(line: line, column: index + 1, "\"\(cell)\" in column \"\(map.displayName(.year))\" is not a year; write the year as a whole number such as 2023",
                      vi: "\"\(cell)\" ở cột \"\(map.displayName(.year))\" không phải là năm; ghi năm bằng số nguyên, ví dụ 2023", group: "year \(index)")
            return nil
        }
        return year
    }

    private func readName(_ field: CSVField, line: Int, field index: Int, column: InputColumn, map: HeaderMap,
                          interner: inout NameInterner, log: inout DiagnosticLog) -> Int32? {
        if isBlank(field) {
            log.error(line: line, column: index + 1, "the cell in column \"\(map.displayName(column))\" is empty; every row needs its \(column == .unit ? "unit" : "indicator")",
                      vi: "ô ở cột \"\(map.displayName(column))\" bị trống; dòng nào cũng phải có tên \(column == .unit ? "đơn vị" : "chỉ tiêu")", group: "empty \(index)")
            return nil
        }
        if field.end - field.start > Self.longestName {
            log.error(line: line, column: index + 1, "the cell in column \"\(map.displayName(column))\" is \(field.end - field.start) bytes long, too long for a name (at most \(Self.longestName)); a delimiter or a closing quote may be missing",
                      vi: "ô ở cột \"\(map.displayName(column))\" dài \(field.end - field.start) byte, quá dài đối với một tên (tối đa \(Self.longestName)); có thể thiếu dấu phân cách hoặc dấu ngoặc kép đóng")
            return nil
        }
        let cleaned = interner.cleanedSpellings
        let id = intern(field, into: &interner)
        if interner.cleanedSpellings > cleaned {
            let shown = Diagnostic.shown(interner.lastCleaned), name = interner.names[Int(id)]
            log.warning(line: line, column: index + 1, "the name \"\(shown)\" holds control or invisible characters, which were left out: it is read as \"\(name)\"; correct the cell",
                        vi: "tên \"\(shown)\" có ký tự điều khiển hoặc ký tự ẩn, đã được bỏ đi: đọc là \"\(name)\"; hãy sửa ô này")
        }
        return id
    }

    /// Longer than any real unit or indicator name (those are a line or two), short enough
    /// that a runaway cell is caught before it is normalised and kept.
    static let longestName = 2000

    private func intern(_ field: CSVField, into interner: inout NameInterner) -> Int32 {
        if field.hasEscapedQuotes {
            return Array(tokenizer.value(of: field)).withUnsafeBufferPointer { interner.id(for: $0) }
        }
        return interner.id(for: UnsafeBufferPointer(rebasing: buffer[field.start..<field.end]))
    }

    /// nil for an empty cell or an error; NaN for a cell waiting on the file's number locale.
    private mutating func readNumber(_ field: CSVField, line: Int, field index: Int, column: InputColumn, row: Int,
                                     map: HeaderMap, log: inout DiagnosticLog) -> Double? {
        let bytes = UnsafeBufferPointer(rebasing: buffer[field.start..<field.end])
        if let value = NumberParser.plainInteger(bytes) { return value }
        if source.typedCells, let value = SheetText.typedNumber(bytes) { return value }
        if isBlank(field) { return nil }
        let reading = NumberParser.read(bytes)
        let cell = String(decoding: bytes, as: UTF8.self)
        switch reading {
        case let .plain(value):
            return value
        case let .invalid(problem):
            // "18 ngày", "157 bị can": the number, its unit word set aside.
            if case .notANumber = problem, let range = ValueWords.numberBeforeWords(bytes) {
                formNotes.unitWords += 1
                let number = CSVField(start: field.start + range.lowerBound, end: field.start + range.upperBound, isQuoted: false, hasEscapedQuotes: false)
                return readNumber(number, line: line, field: index, column: column, row: row, map: map, log: &log)
            }
            let header = index < map.headers.count ? map.headers[index] : map.displayName(column)
            switch problem {
            case .notFinite:
                log.error(line: line, column: index + 1, "\"\(cell)\" in column \"\(header)\" is not a finite number; write the figure itself",
                          vi: "\"\(cell)\" ở cột \"\(header)\" không phải là số hữu hạn; hãy ghi số liệu cụ thể")
            case .excelError:
                log.error(line: line, column: index + 1, "\"\(cell)\" in column \"\(header)\" is an Excel error value, not a number; fix the formula in the workbook and export again",
                          vi: "\"\(cell)\" ở cột \"\(header)\" là giá trị lỗi của Excel, không phải là số; sửa công thức trong sổ tính rồi xuất lại")
            case .notANumber:
                log.error(line: line, column: index + 1, "\"\(cell)\" in column \"\(header)\" is not a number",
                          vi: "\"\(cell)\" ở cột \"\(header)\" không phải là số", group: "number \(index)")
            }
            return nil
        default:
            if options.numberLocale != .auto {
                if let value = reading.value(in: options.numberLocale) { return value }
                let format = options.numberLocale == .vi ? "Vietnamese format (1.054,5)" : "English format (1,054.5)"
                let formatVi = options.numberLocale == .vi ? "cách viết kiểu Việt Nam (1.054,5)" : "cách viết kiểu Anh (1,054.5)"
                let header = index < map.headers.count ? map.headers[index] : map.displayName(column), choice = options.numberLocale.rawValue
                log.error(line: line, column: index + 1, "\"\(cell)\" in column \"\(header)\" is not a number in the \(format) chosen by --number-locale \(choice)",
                          vi: "\"\(cell)\" ở cột \"\(header)\" không phải là số theo \(formatVi) đã chọn bằng --number-locale \(choice)")
                return nil
            }
            let entry = PendingNumber(row: row, column: column, field: index, line: line, reading: reading, text: cell)
            if case .vietnamese = reading, vietnameseEvidence == nil { vietnameseEvidence = entry }
            if case .english = reading, englishEvidence == nil { englishEvidence = entry }
            pending.append(entry)
            return .nan
        }
    }

    /// Decides the file's number locale from its unambiguous cells and fills in the rest.
    mutating func resolvePending(into assembler: inout TableAssembler, map: HeaderMap, log: inout DiagnosticLog) {
        guard !pending.isEmpty, log.errorCount == 0 else { return }
        let locale: NumberLocale
        switch (vietnameseEvidence, englishEvidence) {
        case let (vi?, en?):
            log.error(line: en.line, column: en.field + 1, "numbers are written two ways in this file: \"\(en.text)\" here is English, \"\(vi.text)\" on line \(vi.line) is Vietnamese; make them consistent or choose with --number-locale vi|en",
                      vi: "tệp này viết số theo hai kiểu: \"\(en.text)\" ở đây là kiểu Anh, \"\(vi.text)\" ở dòng \(vi.line) là kiểu Việt Nam; viết thống nhất một kiểu hoặc chọn bằng --number-locale vi|en")
            return
        case (_?, nil): locale = .vi; assembler.decidedLocales.insert(.vi)
        case (nil, _?): locale = .en; assembler.decidedLocales.insert(.en)
        case (nil, nil) where source.typedCells && map.headers.contains(where: { $0.unicodeScalars.contains { !$0.isASCII } }):
            // A sheet's numbers are stored typed; the few typed in as text ("1.054") are written
            // the way the sheet's own (Vietnamese) headers are.
            locale = .vi
            let first = pending[0]
            log.warning(line: first.line, column: first.field + 1,
                        "numbers typed as text, such as \"\(first.text)\", are read the Vietnamese way (\".\" groups thousands), as the sheet's headers are Vietnamese; give --number-locale en if they are English",
                        vi: "các số gõ dưới dạng chữ, như \"\(first.text)\", được đọc theo kiểu Việt Nam (\".\" phân cách hàng nghìn) vì tiêu đề của trang tính bằng tiếng Việt; dùng --number-locale en nếu viết theo kiểu Anh")
        case (nil, nil):
            let examples = pending.prefix(3).map { "\"\($0.text)\" (line \($0.line))" }.joined(separator: ", ")
            let examplesVi = pending.prefix(3).map { "\"\($0.text)\" (dòng \($0.line))" }.joined(separator: ", ")
            let first = pending[0]
            if case let .ambiguous(vi, en) = first.reading {
                log.error(line: first.line, column: first.field + 1, "cannot tell how numbers are written: \(examples) could be \(Self.plain(vi)) (Vietnamese, \".\" groups thousands) or \(Self.plain(en)) (English, \".\" or \",\" is the decimal mark); choose with --number-locale vi or --number-locale en",
                          vi: "không xác định được cách viết số: \(examplesVi) có thể là \(Self.plainVi(vi)) (kiểu Việt Nam, \".\" phân cách hàng nghìn) hoặc \(Self.plainVi(en)) (kiểu Anh, \".\" hoặc \",\" là dấu thập phân); chọn bằng --number-locale vi hoặc --number-locale en")
            }
            return
        }
        for entry in pending {
            let value = entry.reading.value(in: locale) ?? .nan
            assembler.setNumber(value, column: entry.column, row: entry.row, otherTarget: entry.otherTarget)
        }
    }

    /// A figure as a message quotes it: a whole number without a decimal point.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// `plain` as a Vietnamese reader reads it: a decimal comma, no grouping.
    private static func plainVi(_ value: Double) -> String {
        plain(value).replacingOccurrences(of: ".", with: ",")
    }

    /// The next record under the header: one the header search read ahead comes first.
    private mutating func nextDataRecord(into fields: inout [CSVField]) -> Int? {
        if let (line, saved) = pushedBack {
            pushedBack = nil
            fields = saved
            return line
        }
        return tokenizer.nextRecord(into: &fields)
    }

    /// A printed form's row that is not data: nil for a data row; false for a row to pass over
    /// (a numbering row, a section heading), true where the signature block begins and the table ends.
    private mutating func formRow(_ fields: [CSVField], line: Int, columns: Columns, started: Bool) -> Bool? {
        // Most rows are data: an indicator and a result with digits in it leave at once.
        if started, columns.indicator < fields.count, columns.actual < fields.count, !isBlank(fields[columns.indicator]),
           buffer[fields[columns.actual].start..<fields[columns.actual].end].contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
           // (a heading merged across the table has the same text in both)
           !buffer[fields[columns.indicator].start..<fields[columns.indicator].end].elementsEqual(buffer[fields[columns.actual].start..<fields[columns.actual].end]) {
            return nil
        }
        let cells = fields.prefix(64).map { text($0).trimmingCharacters(in: .whitespaces) }
        let filled = cells.filter { !$0.isEmpty }
        if !started, FormRows.isNumbering(cells) {
            formNotes.numbering.append(line)
            return false
        }
        // A heading merged across the table: its text in every cell (a workbook) or in the first
        // ones only (a CSV export); a data row has an indicator and a result besides.
        let indicatorCell = columns.indicator < cells.count ? cells[columns.indicator] : ""
        let actualCell = columns.actual < cells.count ? cells[columns.actual] : ""
        let merged = Set(filled).count == 1
        if merged || indicatorCell.isEmpty || actualCell.isEmpty, let text = filled.first, let name = FormRows.sectionName(text),
           merged || (indicatorCell.isEmpty && actualCell.isEmpty) {
            if columns.level < 0 {
                section = name
                sectionLevel = -1
                formNotes.sections.append((line, name))
            }
            unitAbove = nil
            return false
        }
        if filled.contains(where: FormRows.isSignature), actualCell.isEmpty || !actualCell.contains(where: \.isNumber) {
            formNotes.signature = line
            return true
        }
        return nil
    }

    /// The rows of one record: one, or two for a paired count ("74 vụ/157 bị can").
    mutating func readRows(_ fields: [CSVField], line: Int, columns: Columns, map: HeaderMap,
                                   assembler: inout TableAssembler, log: inout DiagnosticLog) {
        // Next year's plan for a pair: "950/1.800" in the target, the result not yet written.
        if columns.target >= 0, columns.actual < 0 || isBlank(fields[columns.actual]), !fillsUnitDown || columns.actual < 0 {
            let target = fields[columns.target]
            if target.end - target.start >= 5, buffer[target.start..<target.end].contains(0x2F),
               let halves = ValueWords.pair(UnsafeBufferPointer(rebasing: buffer[target.start..<target.end])) {
                for half in halves {
                    var split = fields
                    split[columns.target] = CSVField(start: target.start + half.number.lowerBound, end: target.start + half.number.upperBound,
                                                     isQuoted: false, hasEscapedQuotes: false)
                    if let row = readRow(split, line: line, columns: columns, map: map, assembler: &assembler, log: &log, half: half.word) { assembler.append(row) }
                }
                return
            }
        }
        guard columns.actual >= 0 else {
            if let row = readRow(fields, line: line, columns: columns, map: map, assembler: &assembler, log: &log) { assembler.append(row) }
            return
        }
        let actual = fields[columns.actual]
        if actual.end - actual.start >= 5, buffer[actual.start..<actual.end].contains(0x2F),
           let halves = ValueWords.pair(UnsafeBufferPointer(rebasing: buffer[actual.start..<actual.end])) {
            let measure = columns.measure >= 0 ? text(fields[columns.measure]) : ""
            let cell = text(actual)
            // With no measure, the indicator's name says what it counts: "Số vụ án …" counts one thing, and
            // a cell of two counts is then the row's own and its neighbour's (the whole sheet decides which).
            let name = columns.fixedIndicator.map { assembler.indicators.names[Int($0)] } ?? text(fields[columns.indicator])
            let named = halves.map { NameClues.contains(NameClues.folded(name), NameClues.folded($0.word)) }
            let countsOne = measure.isEmpty && named[0] != named[1]
            guard (measure.isEmpty && !countsOne) || measure.contains("/") else {
                let measure = countsOne ? halves[named[0] ? 0 : 1].word : measure
                log.error(line: line, column: columns.actual + 1,
                          "\"\(cell)\" holds two counts but the indicator counts one (\"\(measure)\"); put each count in its own row, or write the measure as \"\(halves[0].word)/\(halves[1].word)\" so the cell is read as two indicators",
                          vi: "ô \"\(cell)\" ghi hai số đếm nhưng chỉ tiêu chỉ đếm một loại (\"\(measure)\"); ghi mỗi số vào một dòng, hoặc ghi đơn vị tính là \"\(halves[0].word)/\(halves[1].word)\" để ô được đọc thành hai chỉ tiêu")
                return
            }
            let target = columns.target >= 0 ? fields[columns.target] : nil
            let targetHalves = target.flatMap { field in
                ValueWords.pair(UnsafeBufferPointer(rebasing: buffer[field.start..<field.end]))
            }
            if let target, targetHalves == nil, !isBlank(target), ValueWords.sign(UnsafeBufferPointer(rebasing: buffer[target.start..<target.end])) == nil {
                log.error(line: line, column: columns.target + 1,
                          "the result \"\(cell)\" holds two counts but the target \"\(text(target))\" one; write the target as two counts too (\"… \(halves[0].word)/… \(halves[1].word)\")",
                          vi: "kết quả \"\(cell)\" ghi hai số đếm nhưng kế hoạch \"\(text(target))\" chỉ một; ghi kế hoạch cũng thành hai số (\"… \(halves[0].word)/… \(halves[1].word)\")")
                return
            }
            formNotes.pairs += 1
            for (h, half) in halves.enumerated() {
                var split = fields
                split[columns.actual] = CSVField(start: actual.start + half.number.lowerBound, end: actual.start + half.number.upperBound,
                                                 isQuoted: false, hasEscapedQuotes: false)
                if let target {
                    let range = targetHalves.map { $0[h].number } ?? 0..<0
                    split[columns.target] = CSVField(start: target.start + range.lowerBound, end: target.start + range.upperBound,
                                                     isQuoted: false, hasEscapedQuotes: false)
                }
                if let row = readRow(split, line: line, columns: columns, map: map, assembler: &assembler, log: &log, half: half.word) {
                    assembler.append(row)
                }
            }
            return
        }
        if let row = readRow(fields, line: line, columns: columns, map: map, assembler: &assembler, log: &log) { assembler.append(row) }
    }

    private mutating func nextNonBlankRecord(into fields: inout [CSVField]) -> Int? {
        if let (line, saved) = pushedBack {
            pushedBack = nil
            fields = saved
            return line
        }
        while let line = tokenizer.nextRecord(into: &fields) {
            if !fields.allSatisfy(\.isEmpty) { return line }
        }
        return nil
    }

    private func report(_ problem: HeaderMap.Problem, headers: [String], line: Int, log: inout DiagnosticLog) {
        switch problem {
        case let .missing(columns):
            let names = columns.map { "\"\($0.rawValue)\" (\($0.vietnameseName))" }.joined(separator: ", ")
            let namesVi = columns.map { "\"\($0.vietnameseName)\" (\($0.rawValue))" }.joined(separator: ", ")
            let found = headers.filter { !$0.isEmpty }.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
            log.error(line: line, "line \(line) comes closest to a header but lacks the required column\(columns.count == 1 ? "" : "s") \(names); found \(found.isEmpty ? "no names" : found). "
                      + "TongKet reads three layouts — long: năm | đơn vị | chỉ tiêu | KH | TH, a row per year, unit and indicator; "
                      + "wide by year: đơn vị | chỉ tiêu | TH 2023 | KH 2024 | TH 2024 (or Năm 2023 | Năm học 2023 – 2024); "
                      + "a printed form: title lines, then STT | Đơn vị | Chỉ tiêu | ĐVT | KH | TH, the year in the title or the file name. "
                      + "Words read as each role: \(Self.roleWords(english: true))",
                      vi: "dòng \(line) gần giống dòng tiêu đề nhất nhưng thiếu \(columns.count == 1 ? "cột" : "các cột") bắt buộc \(namesVi); chỉ thấy \(found.isEmpty ? "ô trống, không có tên cột nào" : found). "
                      + "TongKet đọc ba dạng bảng — dạng dọc: năm | đơn vị | chỉ tiêu | KH | TH, mỗi dòng một năm, đơn vị và chỉ tiêu; "
                      + "dạng ngang theo năm: đơn vị | chỉ tiêu | TH 2023 | KH 2024 | TH 2024 (hoặc Năm 2023 | Năm học 2023 – 2024); "
                      + "biểu mẫu báo cáo: các dòng tiêu đề, rồi STT | Đơn vị | Chỉ tiêu | ĐVT | KH | TH, năm ghi ở tiêu đề hoặc tên tệp. "
                      + "Các tên cột được nhận: \(Self.roleWords(english: false))")
        case let .duplicate(column, first, second):
            log.error(line: line, column: second, "columns \(first) and \(second) both name \"\(column.rawValue)\" (\(column.vietnameseName)); keep one of them",
                      vi: "cột \(first) và cột \(second) đều là cột \"\(column.vietnameseName)\" (\(column.rawValue)); chỉ giữ một cột")
        }
    }

    /// "năm: năm, year, năm báo cáo; đơn vị: …", the header words each required role answers to.
    static func roleWords(english: Bool) -> String {
        InputColumn.allCases.filter(\.isRequired).map { column in
            let words = column.names.filter { $0 != column.rawValue }.prefix(6).joined(separator: ", ")
            return (english ? column.rawValue : column.vietnameseName) + ": " + words
        }.joined(separator: "; ") + (english ? " (any case, with or without diacritics; a role word in parentheses, \"Chỉ tiêu giao (KH)\", counts)"
                                            : " (không phân biệt chữ hoa, có dấu hay không; tên vai trò trong ngoặc, \"Chỉ tiêu giao (KH)\", cũng được)")
    }

    func reportTokenizerProblems(log: inout DiagnosticLog, map: HeaderMap?) {
        for problem in tokenizer.problems {
            switch problem {
            case let .unterminatedQuote(line, field):
                log.error(line: line, column: field, "a quoted value opens here (\(columnName(field, map))) and never closes; add the closing \" or remove the opening one",
                          vi: "một giá trị mở ngoặc kép ở đây (\(columnName(field, map, vietnamese: true))) nhưng không đóng; thêm dấu \" đóng hoặc bỏ dấu \" mở")
            case let .bareQuote(line, field):
                log.error(line: line, column: field, "a \" inside an unquoted value (\(columnName(field, map))); put the whole value in quotes and double the inner quote (\"\")",
                          vi: "có dấu \" nằm trong một giá trị không đặt trong ngoặc kép (\(columnName(field, map, vietnamese: true))); đặt cả giá trị trong ngoặc kép và viết dấu ngoặc kép bên trong thành hai dấu (\"\")")
            case let .textAfterClosingQuote(line, field):
                log.error(line: line, column: field, "text follows the closing quote (\(columnName(field, map))); a quoted value must end at the delimiter",
                          vi: "có chữ sau dấu ngoặc kép đóng (\(columnName(field, map, vietnamese: true))); giá trị trong ngoặc kép phải kết thúc ngay tại dấu phân cách")
            }
        }
    }

    private func columnName(_ field: Int, _ map: HeaderMap?, vietnamese: Bool = false) -> String {
        let word = vietnamese ? "cột" : "column"
        guard let map, field - 1 < map.headers.count, field >= 1 else { return "\(word) \(field)" }
        return "\(word) \"\(map.headers[field - 1])\""
    }

    /// The field's text, noting when it is not valid UTF-8.
    private mutating func checkedText(_ field: CSVField) -> String {
        let bytes = Array(tokenizer.value(of: field))
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        sawInvalidText = true
        return String(decoding: bytes, as: UTF8.self)
    }

    func text(_ field: CSVField) -> String {
        String(decoding: tokenizer.value(of: field), as: UTF8.self)
    }

    func isBlank(_ field: CSVField) -> Bool {
        buffer[field.start..<field.end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
