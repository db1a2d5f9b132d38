/// What each column holds, decided from its header words and the values beneath together, and the
/// value columns grouped into slots: the target and result of one year, period, unit or indicator
/// ("Năm 2024" over "KH | TH", "Phòng 1" over "KH | TH", a "Cùng kỳ 2024 | Kỳ này" pair).
struct ColumnPlan {
    struct Column: Equatable {
        var role: ColumnRole?
        var year: Int?
        var period: ReportingPeriod?
        var school = false
        /// The unit or indicator a heading over the column names.
        var name: String?
        /// How the role was decided: "header", or what the values beneath are.
        var because: Because = .header
    }

    enum Because: Equatable { case header, periods, unitNames, texts, figures }

    /// One group of value columns; indexes are fields of the row.
    struct Slot: Equatable {
        var target: Int?
        /// Targets stated beside the first ("Dự toán HĐND" beside "Dự toán pháp lệnh", "KH 6 tháng" beside "KH năm").
        var otherTargets: [Int] = []
        var actual: Int?
        var estimated = false
        var previous: Int?
        var comparison: Int?
        var year: Int?
        var period: ReportingPeriod?
        var school = false
        var unit: String?
        var indicator: String?
        /// A target with no result column, of a year after the last result: next year's plan.
        var planned = false
        /// The indicator's heading as an item of a list ("1. Thu từ hộ kinh doanh"), and the item it is a part of.
        var item: ItemMark?
        var parent: String?
    }

    var columns: [Column]
    var slots: [Slot]

    func first(_ role: ColumnRole) -> Int? { columns.firstIndex { $0.role == role } }

    init(band: HeaderBand, body: ArraySlice<SheetGrid.Row>) {
        var columns = band.labels.map { Self.column(from: $0) }
        // The values beneath: down to the signatures, the header's repetitions left out.
        let header = Set(band.labels.compactMap(\.last))
        let sample = body.prefix(while: { row in
            !row.distinct.contains(where: FormRows.isSignature) && !row.distinct.contains(where: RowRules.isDateLine)
        }).filter { row in row.distinct.filter(header.contains).count < 2 }.prefix(400)
        for index in columns.indices {
            columns[index] = Self.weigh(columns[index], values: sample.map { $0.cell(index) })
        }
        // A text column with no header is the unit's when its names read as units, else the indicator's.
        for index in columns.indices where columns[index].role == nil && columns[index].because == .texts {
            // (a heading merged across the row is copied into this column too: no name of the column's own)
            let names = sample.filter { row in
                let cell = row.cell(index)
                return !cell.isEmpty && !row.cells.enumerated().contains { $0.offset != index && $0.element == cell }
            }.map { $0.cell(index) }
            guard !names.isEmpty else { columns[index].because = .header; continue }
            // A header that itself names a kind of unit ("Chi cục Thuế", "Công an") says so whatever the names' spelling.
            let unitLike = names.filter(Self.looksLikeUnit).count * 2 >= names.count
                || columns[index].name.map(Self.namesAKindOfUnit) == true
            if unitLike, !columns.contains(where: { $0.role == .unit }) { columns[index].role = .unit; columns[index].because = .unitNames }
            else if !columns.contains(where: { $0.role == .indicator }) { columns[index].role = .indicator }
        }
        self.columns = columns
        slots = Self.slots(columns)
        placeItems(band)
    }

    /// The indicators over the columns as a list of items: "Tổng số thu", "1. Thu từ hộ kinh doanh", then "Trong đó"
    /// over its parts — each slot's parent by the marks, as `ItemTree` places rows.
    private mutating func placeItems(_ band: HeaderBand) {
        var tree = ItemTree()
        var placed: [String: String?] = [:]
        var inWithin = false
        for i in slots.indices {
            guard let item = slots[i].item, let column = slots[i].actual ?? slots[i].target else { continue }
            if let known = placed[item.name] { slots[i].parent = known; continue }
            let within = band.labels[column].contains(where: ItemMark.isWithinHeading)
            if within, !inWithin { tree.within() }
            inWithin = within
            let parent = tree.place(item)
            placed[item.name] = parent
            slots[i].parent = parent
        }
    }

    static func column(from label: [String]) -> Column {
        var column = Column()
        // The lowest cell with a role names it; a time or a name anywhere in the label qualifies it.
        for cell in label.reversed() {
            let reading = HeaderWords.read(cell)
            if column.role == nil { column.role = reading.role }
            if column.year == nil, let year = reading.year { column.year = year; column.school = reading.school }
            if column.period == nil { column.period = reading.period }
            if column.name == nil, reading.role == nil, reading.year == nil { column.name = reading.name }
        }
        // "So sánh (%)" over "Dự toán | Cùng kỳ": the office's comparisons with those, not a target and a figure.
        if [.target, .previous, .actual, .estimate].contains(column.role),
           label.dropLast().contains(where: { cell in
               let words = HeaderName.fold(cell)
               return ["so sanh", "so voi", "chenh lech", "tang giam", "tang, giam", "tang (+)"].contains { words.hasPrefix($0) }
           }) {
            column.role = .comparison
        }
        // A heading that is only a name over values is that name's result ("Phòng 1", "Toàn tỉnh").
        return column
    }

    /// What the values beneath say: a column of periods carries the year and period whatever its
    /// header; a column of figures under a name is a result; a column of texts with no header is named.
    static func weigh(_ column: Column, values: [String]) -> Column {
        var column = column
        var periods = 0, figures = 0, texts = 0
        for value in values {
            switch CellEvidence(value) {
            case .empty: break
            case .period: periods += 1
            case .figure: figures += 1
            case .text: texts += 1
            }
        }
        let filled = periods + figures + texts
        guard filled > 0 else { return column }
        if periods * 10 >= filled * 8, column.role?.isValue != true {
            column.because = column.role == .period ? .header : .periods
            column.role = .period
            return column
        }
        // "Chỉ tiêu" over figures ("≥80%", 120) under an indicator's heading is what was assigned: its target.
        if column.role == .indicator, column.name != nil, figures * 10 >= filled * 6 {
            column.role = .target
            column.because = .figures
            return column
        }
        if column.role == .year || column.role == .period, figures * 10 >= filled * 8 {
            // Years down the column: the rows' year. Other figures under a bare year or period ("6 tháng đầu
            // năm" over "2023 | 2024") are that time's results.
            let years = values.filter { Int($0.trimmingCharacters(in: .whitespaces)).map { (1900...2100).contains($0) } == true }.count
            if years * 10 >= figures * 8 {
                column.role = .year
                return column
            }
            // "Kỳ báo cáo" or "Kỳ này" over figures that are no years: the period's own results.
            if column.year == nil, column.role == .period {
                column.role = .actual
                column.because = .figures
                return column
            }
            column.role = nil
        }
        if column.role == nil {
            if figures * 10 >= filled * 6, column.name != nil || column.year != nil {
                column.role = .actual
                column.because = .figures
            } else if texts * 10 >= filled * 6 {
                // Texts under a header no rule knows ("Chi cục Thuế", "Nội dung"): names, whose own look decides.
                column.because = .texts
            }
        }
        return column
    }

    /// A header that is a kind of unit, alone or with its name ("VKSND", "Phòng GD&ĐT", "Chi cục Thuế").
    static func namesAKindOfUnit(_ header: String) -> Bool {
        let words = HeaderName.fold(header)
        return FileReader.unitWords.contains { words == $0 } || looksLikeUnit(header)
    }

    static func looksLikeUnit(_ name: String) -> Bool {
        let words = HeaderName.fold(name)
        return NameClues.isTotal(unit: name) || FileReader.unitWords.contains { words.hasPrefix($0 + " ") }
    }

    private static func slots(_ columns: [Column]) -> [Slot] {
        let hasIndicator = columns.contains { $0.role == .indicator }
        let hasUnit = columns.contains { $0.role == .unit }
        var slots: [Slot] = []
        func key(_ c: Column) -> String { "\(c.name ?? "")|\(c.year.map(String.init) ?? "")|\(c.period?.label ?? "")" }
        var keys: [String] = []
        for (index, column) in columns.enumerated() {
            guard let role = column.role, role.isValue else { continue }
            let k = key(column)
            var at = keys.firstIndex(of: k)
            if at == nil {
                var slot = Slot(year: column.year, period: column.period, school: column.school)
                if let name = column.name {
                    let isUnit = hasIndicator || (!hasUnit && looksLikeUnit(name))
                    if isUnit { slot.unit = name } else {
                        slot.item = ItemMark.read(serial: "", name: name)
                        slot.indicator = slot.item?.name
                    }
                }
                slots.append(slot)
                keys.append(k)
                at = slots.count - 1
            }
            let i = at!
            switch role {
            case .target: if slots[i].target == nil { slots[i].target = index } else { slots[i].otherTargets.append(index) }
            case .actual: if slots[i].actual == nil || slots[i].estimated { slots[i].actual = index; slots[i].estimated = false }
            case .estimate: if slots[i].actual == nil { slots[i].actual = index; slots[i].estimated = true }
            case .previous: if slots[i].previous == nil { slots[i].previous = index }
            case .comparison: if slots[i].comparison == nil { slots[i].comparison = index }
            default: break
            }
        }
        return joined(slots)
    }

    /// A slot holding only the office's cùng kỳ or comparison joins the result of its name; one holding
    /// only a target joins the result of its name and year (or the only result), else it is next year's plan.
    private static func joined(_ slots: [Slot]) -> [Slot] {
        var results = slots.filter { $0.actual != nil }
        let lastYear = results.compactMap(\.year).max()
        for slot in slots where slot.actual == nil {
            let sameName = results.indices.filter { results[$0].unit == slot.unit && results[$0].indicator == slot.indicator }
            if slot.target == nil {
                guard let i = sameName.first(where: { results[$0].previous == nil || slot.previous == nil }) ?? sameName.first
                else { continue }
                results[i].previous = results[i].previous ?? slot.previous
                results[i].comparison = results[i].comparison ?? slot.comparison
                continue
            }
            let sameYear = sameName.filter { results[$0].year == slot.year || (slot.year == nil && sameName.count == 1) }
            var undated = sameName.filter { results[$0].year == nil && slot.year != nil && (lastYear == nil) }
            // An undated target beside results of several years ("Dự toán" beside "TH 2024 | TH 2023") is the latest year's.
            if slot.year == nil, sameYear.isEmpty, let lastYear { undated = sameName.filter { results[$0].year == lastYear } }
            if let i = sameYear.first ?? undated.first, results[i].target == nil {
                results[i].target = slot.target
                results[i].otherTargets += slot.otherTargets
                results[i].previous = results[i].previous ?? slot.previous
                results[i].comparison = results[i].comparison ?? slot.comparison
                if results[i].period == nil, slot.period != nil { results[i].period = slot.period }
                if results[i].year == nil { results[i].year = slot.year }
                continue
            }
            // A second target of the same result ("KH 6 tháng" beside "KH năm", in a slot of its own by its period).
            if let i = sameYear.first ?? undated.first, let target = slot.target {
                results[i].otherTargets += [target] + slot.otherTargets
                results[i].previous = results[i].previous ?? slot.previous
                results[i].comparison = results[i].comparison ?? slot.comparison
                continue
            }
            if let year = slot.year, let lastYear, year > lastYear {
                var plan = slot
                plan.planned = true
                results.append(plan)
            } else if sameName.count == 1, results[sameName[0]].target == nil {
                results[sameName[0]].target = slot.target
            }
        }
        // The headline is the target the form lists first, whichever slot it was found in.
        for i in results.indices where !results[i].otherTargets.isEmpty {
            let all = ([results[i].target].compactMap { $0 } + results[i].otherTargets).sorted()
            (results[i].target, results[i].otherTargets) = (all.first, Array(all.dropFirst()))
        }
        return results
    }
}
