import Foundation

/// A sheet understood as an analyst reads a new file: where the table is (title block, header band,
/// body, notes, signatures), what each column holds, what each row is, and where each row's year,
/// period and unit come from — every decision kept with the cell that made it, for `check`.
/// It decides and reads no value: the file reader reads the values it points at, in place.
struct TableUnderstanding {
    /// One data row as understood: the grid row and, per slot, the row's time and unit.
    struct DataRow {
        var row: Int
        var year: Int?
        var period: ReportingPeriod
        var unit: String?
        /// The unit's cell is the row's own (else it came from above, a heading or the title).
        var unitInRow: Bool
        var section: String?
        /// The indicator a heading over the row names, in a sheet with no indicator column.
        var indicator: String?
        /// A key cell left blank where the column is not written once per block: the user's to fill.
        var blankKey: Int?
        /// The indicator's name without its mark ("1. ", "- ", "Trong đó: "), where it had one (`ItemTree`).
        var itemName: String?
        /// The item this row's indicator is a part of, by its name.
        var parent: String?
    }

    let grid: SheetGrid
    let band: HeaderBand
    let plan: ColumnPlan
    var titles: [String] = []
    var kinds: [RowKind] = []
    var data: [DataRow] = []
    /// The items a whole's name says add up to it ("TỔNG THU (A+B)"), by the whole's name (`ItemTree`).
    var itemSums: [String: [String]] = [:]
    /// Where the file-level year, period and unit came from, when the rows did not say.
    var fileYear: (Int, place: (en: String, vi: String))?
    var filePeriod: (ReportingPeriod, place: (en: String, vi: String))?
    var fileUnit: (String, place: (en: String, vi: String))?
    var school = false
    /// The year the rows take, and another source that names a different one.
    var yearConflict: (taken: (Int, place: (en: String, vi: String)), other: (Int, place: (en: String, vi: String)))?

    /// A sheet with no part of the year of its own ("Năm 2025" over "Dự toán | Thực hiện") takes its workbook's, unless
    /// its date line says the year was over (signed in December or later): the sheets of one report share its period.
    mutating func takeWorkbookPeriod(_ period: ReportingPeriod) {
        guard filePeriod == nil, plan.first(.period) == nil, !plan.slots.contains(where: { $0.period != nil }) else { return }
        let years = Set(data.compactMap { $0.year ?? fileYear?.0 } + plan.slots.compactMap(\.year))
        if let date = grid.rows.lazy.flatMap(\.distinct).first(where: RowRules.isDateLine).map(HeaderName.fold),
           let match = date.range(of: #"thang\s*\d{1,2}\s*nam\s*\d{4}"#, options: .regularExpression) {
            let numbers = date[match].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            guard numbers.count == 2, numbers[0] < 12, years.contains(numbers[1]) else { return }
        }
        filePeriod = (period, ("the workbook's other sheets", "các trang tính khác của tệp"))
        for i in data.indices where data[i].period.isWholeYear { data[i].period = period }
    }

    /// The agency lines of the title block's left column: a parent over the agency ("BỘ TÀI CHÍNH" over "CỤC THUẾ
    /// TỈNH HẬU GIANG", as Nghị định 30/2020 lays them out), or the agency over the office that wrote the form
    /// ("CÔNG AN TỈNH ĐỒNG THÁP" over "PHÒNG THAM MƯU"); else a title line that is an agency's name.
    var agencyLines: [String] {
        let block = grid.rows[..<band.first].compactMap { $0.distinct.first }
        guard let first = block.firstIndex(where: NameClues.isAgency) else {
            return titles.first(where: NameClues.isAgency).map { [$0] } ?? []
        }
        var last = first
        while last + 1 < block.count, NameClues.isAgency(block[last + 1]) { last += 1 }
        return Array(block[first...last])
    }

    /// The agency whose review this is: of its lines, the one that names its place ("… TỈNH HẬU GIANG"), a people's
    /// committee only when alone (it is the parent of a Sở), else the lowest.
    var issuingAgency: String? {
        let lines = agencyLines
        let own = lines.count > 1
            ? lines.filter { !["ubnd", "uy ban nhan dan", "hoi dong nhan dan"].contains(where: HeaderName.fold($0).hasPrefix) }
            : lines
        let placed = own.first { line in
            let words = " " + HeaderName.fold(line) + " "
            return [" tinh ", " thanh pho ", " tp ", " huyen ", " quan ", " thi xa "].contains(where: words.contains)
        }
        return placed ?? own.last ?? lines.last
    }

    /// The header's last row, where notes about the table are said.
    var headerLine: Int { grid.rows[band.rows[band.rows.count - 1]].line }

    /// Nil when the sheet shows no header a table could hang from.
    init?(grid: SheetGrid, sheetName: String?, fileName: String) {
        guard let band = HeaderBand(grid) else { return nil }
        self.grid = grid
        self.band = band
        let body = grid.rows[(band.last + 1)...]
        plan = ColumnPlan(band: band, body: body)
        guard plan.slots.contains(where: { $0.actual != nil || $0.planned }) else { return nil }
        // Two columns naming one key ("Năm" twice): which one holds the rows' year is the user's to say.
        for role in [ColumnRole.year, .period, .unit, .indicator, .measure] where plan.columns.filter({ $0.role == role }).count > 1 {
            return nil
        }
        // The indicator: a column, a heading over the value columns, or (with units in rows) the headings over the rows.
        let indicatorColumn = plan.first(.indicator) != nil || plan.slots.contains(where: { $0.indicator != nil })
        guard indicatorColumn || plan.first(.unit) != nil else { return nil }
        titles = grid.rows[..<band.first].map { FileReader.titleText($0.distinct) }
        // A report's own date ("ngày 05 tháng 12 năm 2024") is never the year of its figures.
        let timeTitles = titles.filter { !RowRules.isDateLine($0) }
        fileYear = FileReader.year(sheet: sheetName, titles: timeTitles, fileName: fileName)
        // The nearer source wins; two that disagree (a sheet copied from last year keeps its name) are said.
        let sources = [FileReader.year(sheet: sheetName, titles: [], fileName: ""),
                       FileReader.year(sheet: nil, titles: timeTitles, fileName: ""),
                       FileReader.year(sheet: nil, titles: [], fileName: fileName)].compactMap { $0 }
        if let chosen = sources.first, let other = sources.dropFirst().first(where: { $0.0 != chosen.0 }) {
            yearConflict = (chosen, other)
        }
        // Else the office's own "Cùng kỳ năm 2022" column: the figures beside it are of the year after.
        if fileYear == nil, let column = plan.columns.firstIndex(where: { $0.role == .previous && $0.year != nil }),
           let year = plan.columns[column].year {
            let label = band.labels[column].last ?? ""
            fileYear = (year + 1, ("the column \"\(label)\" (the year before)", "cột \"\(label)\" (năm trước của kỳ này)"))
        }
        filePeriod = FileReader.period(sheet: sheetName, titles: timeTitles)
        fileUnit = FileReader.unit(inTitles: titles, fileName: fileName,
                                   agencyBlock: grid.rows[..<band.first].compactMap { $0.distinct.first })
        classify(body)
        if !indicatorColumn {
            guard headingsNameIndicators() else { return nil }
        } else {
            headingsNameUnits()
            placeItems()
        }
    }

    /// The names each section heading stands over: a key's cells under each heading.
    private func namesBySection(_ column: Int) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for row in data { if let section = row.section { out[section, default: []].insert(grid.rows[row.row].cell(column)) } }
        return out
    }

    /// With no indicator column, headings over unit rows name the indicators ("I. Tổng thu NSNN" over
    /// each Chi cục's row) when the same units come again under two headings or more.
    private mutating func headingsNameIndicators() -> Bool {
        guard let unitColumn = plan.first(.unit) else { return false }
        let units = namesBySection(unitColumn)
        guard units.count >= 2, Self.repeats(units) else { return false }
        for i in data.indices { (data[i].indicator, data[i].section) = (data[i].section, nil) }
        // The headings are a list of items themselves: "1. Tổng số lượt khám", "Trong đó: số trẻ được tiêm chủng".
        var tree = ItemTree()
        var placed: [String: (name: String, parent: String?)] = [:]
        for i in data.indices {
            guard let heading = data[i].indicator else { continue }
            if placed[heading] == nil {
                let mark = ItemMark.read(serial: "", name: heading)
                placed[heading] = (mark.name, tree.place(mark))
            }
            (data[i].indicator, data[i].parent) = (placed[heading]?.name, placed[heading]?.parent)
        }
        return !data.contains { $0.indicator == nil }
    }

    /// With no unit column and no unit heading, headings over indicator rows name the units ("I. CCT thị xã
    /// Hoài Nhơn" over its indicators) when the same indicators come again under two headings or more.
    private mutating func headingsNameUnits() {
        // Rows before the first such heading ("TỔNG CỘNG" over the province's rows) keep no unit: the province's.
        guard plan.first(.unit) == nil, !plan.slots.contains(where: { $0.unit != nil }),
              // (a unit heading over some rows, "Thuế tỉnh Sóc Trăng" over the agency's own, leaves the sections the others')
              data.filter({ row in row.unit.map { !NameClues.isTotal(unit: $0) } ?? false }).count * 2
                < data.filter({ $0.unit == nil && $0.section != nil }).count,
              let indicatorColumn = plan.first(.indicator), data.filter({ $0.section != nil }).count * 2 > data.count else { return }
        let indicators = namesBySection(indicatorColumn)
        guard indicators.count >= 2, Self.repeats(indicators) else { return }
        for i in data.indices where data[i].section != nil && data[i].unit == nil {
            (data[i].unit, data[i].section) = (data[i].section, nil)
        }
        fileUnit = nil
    }

    /// Most names under one heading come again under another.
    private static func repeats(_ bySection: [String: Set<String>]) -> Bool {
        var seen: [String: Int] = [:]
        for names in bySection.values { for name in names where !name.isEmpty { seen[name, default: 0] += 1 } }
        return seen.values.filter { $0 >= 2 }.count * 2 > seen.count
    }

    private mutating func classify(_ body: ArraySlice<SheetGrid.Row>) {
        let rules = RowRules(plan: plan, band: band, grid: grid)
        let kindsAlone = body.indices.map { rules.kind(of: grid.rows[$0], afterHeader: false) }
        // The headings over rows name units only as a body: when none of them reads as a unit's name,
        // they are the areas of work ("Lĩnh vực hình sự").
        let indicatorNames = Set(plan.first(.indicator).map { column in
            body.indices.filter { kindsAlone[$0 - body.startIndex] == .data }.map { grid.rows[$0].cell(column) }
        } ?? [])
        let unitColumn = plan.first(.unit)
        // Units named on their own rows leave the headings over them something else: indicators, areas of work.
        let dataRows = body.indices.filter { kindsAlone[$0 - body.startIndex] == .data }
        let rowsNameUnits = unitColumn.map { column in
            dataRows.count >= 2 && dataRows.filter { !grid.rows[$0].cell(column).isEmpty }.count * 10 >= dataRows.count * 9
        } ?? false
        let headingsAreUnits = !rowsNameUnits && kindsAlone.contains { kind in
            if case let .unitHeading(name) = kind { return ColumnPlan.looksLikeUnit(name) }
            return false
        }
        let timeColumn = plan.first(.period) ?? plan.first(.year)
        var unitAbove: String?, headingUnit: String?, section: String?
        var timeAbove: PeriodCell.Reading?
        var blanks: [Int: [Int]] = [:]
        var ended = false
        for index in body.indices {
            let row = grid.rows[index]
            let afterHeader = kinds.last.map { $0 == .repeatedHeader } ?? (band.numbering == nil)
            var kind = ended ? .end : rules.kind(of: row, afterHeader: afterHeader)
            if case let .unitHeading(name) = kind {
                // An indicator's name elsewhere on a data row is that indicator with no value here, not a heading.
                if indicatorNames.contains(name) { kind = .noValue } else if !headingsAreUnits { kind = .section(name) }
            }
            // A heading over another heading names a group of them ("KHỐI CẤP HUYỆN" over its units).
            if case let .unitHeading(name) = kind, let next = kindsAlone.dropFirst(kinds.count + 1).first(where: { $0 != .note }),
               case .unitHeading = next {
                kind = .section(name)
            }
            kinds.append(kind)
            switch kind {
            case .end: ended = true; continue
            case let .section(name): section = name; unitAbove = nil; headingUnit = nil; continue
            case let .unitHeading(name): headingUnit = name; unitAbove = nil; continue
            case .data: break
            default: continue
            }
            var time: PeriodCell.Reading?
            if let timeColumn {
                let cell = row.cell(timeColumn)
                if cell.isEmpty { time = timeAbove; blanks[timeColumn, default: []].append(data.count) } else {
                    time = PeriodCell.read(cell) ?? Int(cell).flatMap { year in
                        (1990...2100).contains(year) ? PeriodCell.Reading(year: year, period: .wholeYear, school: false) : nil
                    }
                    timeAbove = time
                }
                if time?.school == true { school = true }
            }
            var unit: String?, unitInRow = false
            if let unitColumn {
                let cell = row.cell(unitColumn)
                if !cell.isEmpty { unit = cell; unitAbove = cell; unitInRow = true } else {
                    unit = unitAbove ?? headingUnit
                    if unitAbove != nil { blanks[unitColumn, default: []].append(data.count) }
                }
            } else {
                unit = headingUnit
            }
            data.append(DataRow(row: index, year: time?.year, period: time?.period ?? filePeriod?.0 ?? .wholeYear,
                                unit: unit, unitInRow: unitInRow, section: section))
        }
        if plan.slots.contains(where: \.school) { school = true }
        // A key written once over its block (a merge exported) is the one above; a blank among a
        // column written on every row is a cell left empty.
        for (column, rows) in blanks where rows.count * 2 <= data.count {
            for row in rows { data[row].blankKey = column }
        }
    }

    /// What was decided, for `check`: the regions, the columns and the rows, each with its first cell.
    func decisions(english: Bool) -> [String] {
        [regions(english: english), columnRoles(english: english), rowKinds(english: english)] + targetChoice(english: english)
    }

    /// A target column's name as the header writes it: its lowest cell, after the group heading that
    /// makes it a target ("Dự toán" over "Pháp lệnh | HĐND tỉnh giao").
    func targetName(_ column: Int) -> String {
        let cells = band.labels[column]
        guard let lowest = cells.last else { return "" }
        if HeaderWords.read(lowest).role == .target { return lowest }
        guard let group = cells.dropLast().last(where: { HeaderWords.read($0).role == .target }) else { return lowest }
        return group + " " + lowest
    }

    /// Which target is the headline when a form states several, and which are kept beside it.
    private func targetChoice(english: Bool) -> [String] {
        guard let slot = plan.slots.first(where: { !$0.otherTargets.isEmpty }), let first = slot.target else { return [] }
        func named(_ column: Int) -> String { "\"\(targetName(column))\" (\(Diagnostic.columnLetters(column + 1)))" }
        let others = slot.otherTargets.map(named).joined(separator: ", ")
        return [english
            ? "targets: \(named(first)) is the headline, the first the form lists "
                + "(the catalogue's \"kế hoạch chính\" can name another); \(others) judged beside it"
            : "chỉ tiêu kế hoạch: \(named(first)) là kế hoạch chính, cột đầu tiên của biểu "
                + "(cột \"kế hoạch chính\" của danh mục có thể chọn cột khác); "
                + "\(others) được đánh giá bên cạnh"]
    }

    private func line(_ index: Int) -> Int { grid.rows[index].line }

    private func regions(english: Bool) -> String {
        let bandLines = band.rows.map(line)
        let header = bandLines.count > 1 ? "\(bandLines[0])–\(bandLines[bandLines.count - 1])" : "\(bandLines[0])"
        var text = english ? "the table: header on row\(bandLines.count > 1 ? "s" : "") \(header)" : "bảng: dòng tiêu đề \(header)"
        if let numbering = band.numbering {
            text += english ? " (row \(line(numbering)) numbers the columns)" : " (dòng \(line(numbering)) đánh số cột)"
        }
        if band.first > 0 {
            let rows = "\(line(0))–\(line(band.first - 1))"
            text += english ? ", title block rows \(rows)" : ", khối tiêu đề dòng \(rows)"
        }
        if let end = kinds.firstIndex(of: .end) {
            let row = line(band.last + 1 + end)
            text += english ? ", ends at row \(row) (signatures)" : ", kết thúc ở dòng \(row) (phần ký)"
        }
        return text
    }

    private func columnRoles(english: Bool) -> String {
        var columns: [String] = []
        for (index, column) in plan.columns.enumerated() {
            guard let role = column.role else { continue }
            var text = "\(Diagnostic.columnLetters(index + 1)) " + (english ? role.english : role.vietnamese)
            var qualifiers: [String] = []
            if let year = column.year { qualifiers.append(String(year)) }
            if let period = column.period { qualifiers.append(period.label) }
            if let name = column.name, role.isValue { qualifiers.append(name) }
            if !qualifiers.isEmpty { text += " (" + qualifiers.joined(separator: ", ") + ")" }
            switch column.because {
            case .header: break
            case .periods: text += english ? " — its values are periods" : " — giá trị là kỳ báo cáo"
            case .unitNames: text += english ? " — its values are unit names" : " — giá trị là tên đơn vị"
            case .texts: text += english ? " — its values are names" : " — giá trị là tên"
            case .figures: text += english ? " — figures under a name" : " — số liệu dưới một tên"
            }
            columns.append(text)
        }
        return (english ? "columns: " : "các cột: ") + columns.joined(separator: "; ")
    }

    private static let rowKindNames: [String: String] = [
        "data": "dữ liệu", "section": "đề mục", "unit heading": "tên đơn vị làm đề mục", "item heading": "đề mục chỉ tiêu",
        "note": "ghi chú", "repeated header": "tiêu đề lặp lại", "numbering": "đánh số cột", "no value": "không có số liệu",
    ]

    /// Each kind of row counted, with its first row (and the first heading's text).
    private func rowKinds(english: Bool) -> String {
        var counts: [String: (count: Int, first: Int, text: String)] = [:]
        for (offset, kind) in kinds.enumerated() {
            let (key, text): (String, String)
            switch kind {
            case .data: (key, text) = ("data", "")
            case let .section(name): (key, text) = ("section", name)
            case let .unitHeading(name): (key, text) = ("unit heading", name)
            case .indicatorGroup: (key, text) = ("item heading", "")
            case .note: (key, text) = ("note", "")
            case .repeatedHeader: (key, text) = ("repeated header", "")
            case .numbering: (key, text) = ("numbering", "")
            case .noValue: (key, text) = ("no value", "")
            case .end: continue
            }
            if counts[key] == nil { counts[key] = (0, line(band.last + 1 + offset), text) }
            counts[key]!.count += 1
        }
        let rows = counts.sorted { $0.value.first < $1.value.first }.map { key, value in
            let name = english ? key : Self.rowKindNames[key] ?? key
            let first = english ? "first row \(value.first)" : "đầu tiên dòng \(value.first)"
            return "\(value.count) \(name) (\(first)" + (value.text.isEmpty ? ")" : ", \"\(value.text)\")")
        }
        return (english ? "rows: " : "các dòng: ") + rows.joined(separator: "; ")
    }
}

extension TableUnderstanding {
    /// The unit's name a data row is of: its own cell, or the heading or cell above that gave it.
    func unitName(of row: DataRow) -> String? {
        if row.unitInRow, let column = plan.first(.unit) { return grid.rows[row.row].cell(column) }
        return row.unit
    }

    /// Per slot of an earlier time than the form's own, the units whose every result in it is a sign ("-", "x")
    /// while other units have figures: a unit that did not exist then ("6 tháng 2023" of a unit set up in 2024),
    /// not one that had 0. In the form's own period a sign is the unit's 0; "Không phát sinh" always is.
    func absentUnits() -> [Int: Set<String>] {
        var out: [Int: Set<String>] = [:]
        guard let latest = plan.slots.compactMap(\.year).max() else { return out }
        var reportedBefore = Set<String>()
        // Earlier slots first: a unit with figures there and only signs in the latest has ended (merged, split), not reported 0.
        let order = plan.slots.indices.filter { plan.slots[$0].indicator == nil }
            .sorted { (plan.slots[$0].year ?? latest) < (plan.slots[$1].year ?? latest) }
        for index in order {
            let slot = plan.slots[index]
            let isLatest = (slot.year ?? latest) >= latest
            guard let column = slot.actual else { continue }
            var signs: [String: Int] = [:], figures: [String: Int] = [:]
            for row in data {
                guard let unit = unitName(of: row) else { continue }
                let cell = grid.rows[row.row].cell(column)
                if cell.isEmpty { continue }
                switch ValueWords.signOf(cell) {
                case .noneArose?, nil: figures[unit, default: 0] += 1
                case .some: signs[unit, default: 0] += 1
                }
            }
            guard !figures.isEmpty else { continue }
            let units = signs.filter {
                $0.value >= (isLatest ? 3 : 2) && figures[$0.key] == nil && (!isLatest || reportedBefore.contains($0.key))
            }.keys
            if !units.isEmpty { out[index] = Set(units) }
            if !isLatest { reportedBefore.formUnion(figures.keys) }
        }
        return out
    }
}
