import Foundation

/// `tongket-stress offices FOLDER`: the files two offices really keep, as issue "Read the offices'
/// own files as they come" describes them, and `truth.csv` — every unit row a reader must give:
///
///     vien-kiem-sat/Bieu tong hop chi tieu 2023.xlsx   a procuracy's printed form, saved from .xls:
///                                                      every number stored as text; the year only in
///                                                      the file name and the period line
///     vien-kiem-sat/Bieu tong hop chi tieu 2024.xlsx   the same form for 2024 (year in the title), with a
///                                                      hidden sheet holding an older draft
///     vien-kiem-sat/bieu-tong-hop-2024.csv             the 2024 sheet saved as CSV by Excel: merged cells
///                                                      blank but their first
///     vien-kiem-sat/chi-tieu-2023-2024.csv             a long report-shaped CSV: the year and the unit
///                                                      written once, blank below
///     vien-kiem-sat/bieu-co-loi-2024.csv               the same with one slip (a paired count typed one row
///                                                      up); truth-slip.txt names its cell
///     giao-duc/chi-tieu-so-gddt.csv                    an education KPI system's export: UTF-8 with BOM,
///                                                      ";", years as columns, "Toàn tỉnh" rows, signatures
///     giao-duc/phong-gddt-ba-tri.txt                   "Unicode text" (UTF-16 LE, tabs): one unit, named only
///                                                      in the title line; school years as columns
///     cong-an/…                                        a police department's sơ kết 6 tháng and tổng kết files,
///                                                      2022–2024 (see `PeriodReviews`), truth-periods.csv
///
/// The printed form's traits: a title block, the period line, "(Kèm theo …)", a two-row header under a
/// merged group heading whose names carry the role in other words ("Chỉ tiêu giao (KH)", "Kết quả
/// (TH)"), a numbering row, section headings merged across the table (the units' groups), the unit
/// merged down, values with unit words ("18 ngày", "Không quá 20 ngày", "≥ 90%"), the statistical
/// office's signs ("-", "...", "x", "Không phát sinh"), paired counts ("74 vụ/157 bị can"), subtotal
/// rows, a "Tổng cộng" block and the signature block. Same bytes every run.
enum OfficeForms {
    static func write(to folder: String) throws {
        for sub in ["vien-kiem-sat", "giao-duc"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        var truth = "file,year,unit,indicator,target,actual\n"
        for year in Procuracy.years {
            let name = "vien-kiem-sat/Bieu tong hop chi tieu \(year).xlsx"
            var sheets: [XLSX.SheetSource] = [.model(Procuracy.sheet(year: year, asText: year == 2023))]
            if year == 2024 {
                var draft = Procuracy.sheet(year: year, asText: false, draft: true)
                draft.hidden = true
                sheets.append(.model(draft))
            }
            try WorkbookExports.save(try XLSX.package(sheets), folder, name)
            truth += Procuracy.truth(file: name, years: [year])
        }
        let csvName = "vien-kiem-sat/bieu-tong-hop-2024.csv"
        try WorkbookExports.save([0xEF, 0xBB, 0xBF] + Array(Procuracy.savedAsCSV(year: 2024).utf8), folder, csvName)
        truth += Procuracy.truth(file: csvName, years: [2024])
        // The one genuine slip: Phòng 2's paired count typed one row up, over its "ngày" figure, the
        // paired row left blank. `truth-slip.txt` says which cell must be reported.
        var slipped = Procuracy.sheet(year: 2024, asText: false)
        let days = slipped.rows.indices.filter { i in slipped.rows[i].cells.contains { if case .text("Thời hạn giải quyết đơn khiếu nại bình quân") = $0.value { true } else { false } } }[1]
        let pairCell = slipped.rows[days + 1].cells.first { $0.column == 6 }
        slipped.rows[days].cells.removeAll { $0.column == 6 }
        if let pairCell { slipped.rows[days].cells.append(pairCell) }
        slipped.rows[days].cells.sort { $0.column < $1.column }
        slipped.rows[days + 1].cells.removeAll { $0.column == 6 }
        try WorkbookExports.save([0xEF, 0xBB, 0xBF] + Array(Procuracy.savedAsCSV(slipped).utf8), folder, "vien-kiem-sat/bieu-co-loi-2024.csv")
        try WorkbookExports.save(Array("vien-kiem-sat/bieu-co-loi-2024.csv:\(slipped.rows[days].number):6\n".utf8), folder, "truth-slip.txt")
        let longName = "vien-kiem-sat/chi-tieu-2023-2024.csv"
        try WorkbookExports.save(Array(Procuracy.longReport().utf8), folder, longName)
        truth += Procuracy.truth(file: longName, years: Procuracy.years)

        let kpiName = "giao-duc/chi-tieu-so-gddt.csv"
        try WorkbookExports.save([0xEF, 0xBB, 0xBF] + Array(Education.provinceExport().utf8), folder, kpiName)
        truth += Education.truth(file: kpiName, units: Education.units, years: Education.calendarYears)
        let txtName = "giao-duc/phong-gddt-ba-tri.txt"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in Education.unitExport().utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try WorkbookExports.save(utf16, folder, txtName)
        truth += Education.truth(file: txtName, units: [Education.singleUnit], years: Education.schoolYears)
        try WorkbookExports.save(Array(truth.utf8), folder, "truth.csv")
        var province = "files,year,indicator,target,actual,status,flags\n"
        province += Procuracy.provinceTruth(files: "vien-kiem-sat/Bieu tong hop chi tieu 2023.xlsx|vien-kiem-sat/Bieu tong hop chi tieu 2024.xlsx", totals: true)
        province += Procuracy.provinceTruth(files: longName, totals: false)
        province += Education.provinceTruth(files: kpiName)
        try WorkbookExports.save(Array(province.utf8), folder, "truth-province.csv")
        try PeriodReviews.write(to: folder)
    }

    /// One row of truth-province.csv; the status as DESIGN §3 judges it.
    static func provinceLine(_ files: String, _ year: Int, _ name: String, target: Double?, actual: Double, direction: String, flags: [String]) -> String {
        let status: String
        if let target, direction != "none" {
            status = direction == "lower" ? (actual <= target ? "met" : "not_met") : target > 0 ? (actual >= target ? "met" : "not_met") : "undefined"
        } else {
            status = "undefined"
        }
        return [files, String(year), name, plain(target), plain(actual), status, flags.joined(separator: ";")].map { csvField($0) }.joined(separator: ",") + "\n"
    }

    /// A value as truth.csv writes it: plain digits, a dot for decimals, empty for none.
    static func plain(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded() { return String(Int(value)) }
        return String(format: "%.4f", value).replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
    }

    static func csvField(_ text: String, delimiter: Character = ",") -> String {
        text.contains(delimiter) || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

/// What a cell of the form says, and what it means.
private struct Written: Sendable {
    /// As typed in the cell ("18 ngày", "-", "74 vụ/157 bị can"); nil for a number stored as one.
    var text: String?
    /// The number stored (a percentage as Excel stores it: 0.9585).
    var number: Double?
    /// The figures it stands for: one, or two for a paired count; nil where there is no value.
    var values: [Double?]

    static func number(_ value: Double) -> Written { Written(text: nil, number: value, values: [value]) }
    static func text(_ text: String, _ values: [Double?]) -> Written { Written(text: text, number: nil, values: values) }
    static let empty = Written(text: "", number: nil, values: [nil])
}

private struct FormIndicator: Sendable {
    let name: String
    let measure: String
    /// The names the reader gives a paired count's two halves ("… (vụ)", "… (bị can)").
    var pairedNames: [String]? = nil
    /// (target, actual) for a unit (by its index) and year.
    let cells: @Sendable (_ unit: Int, _ year: Int) -> (target: Written, actual: Written)
}

private enum Procuracy {
    static let years = [2023, 2024]
    static let agency = "VIỆN KIỂM SÁT NHÂN DÂN TỈNH SÓC TRĂNG"
    static let groups: [(heading: String, subtotal: String, units: [String])] = [
        ("I. CÁC PHÒNG NGHIỆP VỤ VIỆN TỈNH", "Cộng I", ["Phòng 1", "Phòng 2", "Phòng 7"]),
        ("II. VKSND CẤP HUYỆN", "Cộng cấp huyện", ["VKSND huyện Kế Sách", "VKSND thị xã Vĩnh Châu", "VKSND TP Sóc Trăng"]),
    ]
    static var units: [String] { groups.flatMap(\.units) }

    static func percent(_ tenths: Int) -> Written {
        Written(text: nil, number: Double(tenths) / 1000, values: [Double(tenths) / 10])
    }

    static let indicators: [FormIndicator] = [
        FormIndicator(name: "Số tin báo, tố giác về tội phạm đã tiếp nhận", measure: "tin") { unit, year in
            // A workload count: no target is ever assigned.
            (.text("x", [nil]), .number(Double(90 + unit * 16 + (year - 2023) * 6)))
        },
        FormIndicator(name: "Số tin báo, tố giác về tội phạm đã giải quyết", measure: "tin") { unit, year in
            let target = 80 + unit * 15 + (year - 2023) * 5, actual = target + (unit % 3) * 4 - 3
            // VKSND TP Sóc Trăng was assigned no target in 2024; Phòng 7's 2024 result typed with an extra digit.
            let typed = unit == 2 && year == 2024 ? actual * 10 : actual
            return (unit == 5 && year == 2024 ? .text("x", [nil]) : .number(Double(target)), .number(Double(typed)))
        },
        FormIndicator(name: "Tỷ lệ giải quyết tin báo, tố giác về tội phạm", measure: "%") { unit, year in
            (.text("≥ 90%", [90]), percent(951 + unit * 7 + (year - 2023) * 3))
        },
        FormIndicator(name: "Thời hạn giải quyết đơn khiếu nại bình quân", measure: "ngày") { unit, year in
            let days = 15 + unit % 4 + (year - 2023)
            return (.text("Không quá 20 ngày", [20]), .text("\(days) ngày", [Double(days)]))
        },
        FormIndicator(name: "Số vụ án, bị can đã truy tố", measure: "vụ/bị can",
                      pairedNames: ["Số vụ án, bị can đã truy tố (vụ)", "Số vụ án, bị can đã truy tố (bị can)"]) { unit, year in
            let cases = 30 + unit * 11 + (year - 2023) * 4, people = cases * 2 + unit + 9
            return (.text("\(cases - 2) vụ/\(people - 5) bị can", [Double(cases - 2), Double(people - 5)]),
                    .text("\(cases) vụ/\(people) bị can", [Double(cases), Double(people)]))
        },
        FormIndicator(name: "Số vụ án bị hủy, sửa do lỗi chủ quan", measure: "vụ") { unit, year in
            // A ceiling of 0, said only by its targets. "-": it did not happen. One district had one.
            (.number(0), unit == 4 && year == 2024 ? .number(1) : .text("-", [0]))
        },
        FormIndicator(name: "Số vụ án giải quyết theo thủ tục rút gọn", measure: "vụ") { unit, year in
            // "x": no target applies; "Không phát sinh": none arose.
            (.text("x", [nil]), unit == 1 ? .text("Không phát sinh", [0]) : .number(Double(2 + unit + year - 2023)))
        },
        FormIndicator(name: "Tỷ lệ kháng nghị phúc thẩm được Tòa án chấp nhận", measure: "%") { unit, year in
            // "-" on a rate: nothing was appealed, nothing to rate; "...": not collected.
            if unit == 0 { return (percent(700), .text("-", [nil])) }
            if unit == 5 && year == 2023 { return (percent(700), .text("...", [nil])) }
            return (percent(700), percent(700 + unit * 25 - (year - 2023) * 10))
        },
        FormIndicator(name: "Tỷ lệ kiến nghị được tiếp thu, khắc phục", measure: "%") { unit, year in
            // Only Phòng 7 makes recommendations: the others leave the row blank.
            unit == 2 ? (.text("≥ 80%", [80]), percent(857 - (year - 2023) * 20)) : (.empty, .empty)
        },
    ]

    /// What the office's "Tổng cộng" row gives for rates and averages: Σ accepted / Σ appealed over
    /// the units' own counts (which the form does not show), not the mean of the units' rates.
    static func publishedRate(_ indicator: String, _ year: Int) -> Double? {
        switch indicator {
        case "Tỷ lệ giải quyết tin báo, tố giác về tội phạm": return year == 2023 ? 95.9 : 96.4
        case "Tỷ lệ kháng nghị phúc thẩm được Tòa án chấp nhận": return year == 2023 ? 68.4 : 66.7
        case "Thời hạn giải quyết đơn khiếu nại bình quân": return year == 2023 ? 16.8 : 17.9
        default: return nil
        }
    }

    /// One cell as a sheet saved from .xls stores it: numbers as the text Excel shows.
    static func cell(_ written: Written, asText: Bool, measure: String) -> (CellValue, Int) {
        if let text = written.text { return (text.isEmpty ? .blank : .text(text), Style.text) }
        let number = written.number ?? 0
        if measure == "%" {
            guard asText else { return (.number(number), Style.percent2) }
            let shown = String(format: "%.2f", number * 100).replacingOccurrences(of: ".", with: ",")
            return (.text(shown.replacingOccurrences(of: ",00", with: "") + "%"), Style.text)
        }
        return (asText ? .text(OfficeForms.plain(number).replacingOccurrences(of: ".", with: ",")) : .number(number), asText ? Style.text : Style.number)
    }

    /// The form as the office prints it: A STT, B Đơn vị, C Chỉ tiêu, D ĐVT, E KH, F TH, G Tỷ lệ %, H Ghi chú.
    static func sheet(year: Int, asText: Bool, draft: Bool = false) -> Worksheet {
        var sheet = Worksheet(name: draft ? "Nháp (cũ)" : "Biểu 01", widths: [6, 28, 48, 10, 16, 16, 10, 14])
        var number = 0
        func row(_ build: (inout SheetRow) -> Void) {
            number += 1
            var row = SheetRow(number: number)
            build(&row)
            sheet.rows.append(row)
        }
        func across(_ text: String, style: Int) {
            row { $0.set("A", .text(text), style: style) }
            sheet.merges.append("A\(number):H\(number)")
        }
        row {
            $0.set("A", .text(agency), style: Style.boldText)
            $0.set("F", .text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), style: Style.boldText)
        }
        sheet.merges += ["A1:C1", "F1:H1"]
        row {
            $0.set("A", .text("PHÒNG THỐNG KÊ TỘI PHẠM VÀ CÔNG NGHỆ THÔNG TIN"), style: Style.boldText)
            $0.set("F", .text("Độc lập - Tự do - Hạnh phúc"), style: Style.boldText)
        }
        sheet.merges += ["A2:C2", "F2:H2"]
        row { _ in }
        // 2023's title has no year: it comes from the period line's end date (or the file name).
        across("BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHIỆP VỤ" + (year == 2023 ? "" : " NĂM \(year)"), style: Style.title)
        across("(Từ ngày 01/12/\(year - 1) đến ngày 30/11/\(year))", style: Style.subtitle)
        across("(Kèm theo Báo cáo số \(100 + year % 100)/BC-VKS ngày 05/12/\(year))", style: Style.note)
        let top = number + 1
        row {
            for (column, text) in [("A", "STT"), ("B", "Đơn vị"), ("C", "Chỉ tiêu"), ("D", "ĐVT"), ("E", "Kết quả thực hiện năm \(year)"), ("H", "Ghi chú")] {
                $0.set(column, .text(text), style: Style.header)
            }
        }
        row {
            $0.set("E", .text("Chỉ tiêu giao (KH)"), style: Style.header)
            $0.set("F", .text("Kết quả (TH)"), style: Style.header)
            $0.set("G", .text("Tỷ lệ %"), style: Style.header)
        }
        sheet.merges += ["A\(top):A\(top + 1)", "B\(top):B\(top + 1)", "C\(top):C\(top + 1)", "D\(top):D\(top + 1)",
                         "E\(top):G\(top)", "H\(top):H\(top + 1)"]
        row {
            for (column, text) in zip(["A", "B", "C", "D", "E", "F", "G", "H"], ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)=(6)/(5)", "(8)"]) {
                $0.set(column, .text(text), style: Style.centered)
            }
        }
        var serial = 0
        func block(unit: String, serial: Int?, figures: (Int) -> (Written, Written)) {
            let first = number + 1
            for (i, indicator) in indicators.enumerated() {
                let (target, actual) = figures(i)
                row {
                    if i == 0, let serial { $0.set("A", .number(Double(serial)), style: Style.centered) }
                    $0.set("B", i == 0 ? .text(unit) : .blank, style: Style.text)
                    $0.set("C", .text(indicator.name), style: Style.text)
                    $0.set("D", .text(indicator.measure), style: Style.text)
                    let (t, ts) = cell(target, asText: asText, measure: indicator.measure)
                    $0.set("E", t, style: ts)
                    let (a, style) = cell(actual, asText: asText, measure: indicator.measure)
                    $0.set("F", a, style: style)
                    if let t = target.values[0], t > 0, let a = actual.values[0], indicator.measure != "%" {
                        $0.set("G", .formula("ROUND(F\(number)/E\(number)*100,1)", cached: .number((a / t * 1000).rounded() / 10)), style: Style.number)
                    }
                }
            }
            sheet.merges.append("B\(first):B\(number)")
        }
        var all: [[(Written, Written)]] = []
        for group in groups {
            across(group.heading, style: Style.boldText)
            var members: [[(Written, Written)]] = []
            for name in group.units {
                let u = units.firstIndex(of: name) ?? 0
                serial += 1
                let figures = indicators.map { indicator -> (Written, Written) in
                    var (t, a) = indicator.cells(u, year)
                    if draft, let n = a.number { a = .number(n + 1) }
                    return (t, a)
                }
                members.append(figures)
                block(unit: name, serial: serial) { figures[$0] }
            }
            all += members
            block(unit: group.subtotal, serial: nil) { i in Self.total(members.map { $0[i] }, indicators[i], year: nil) }
        }
        block(unit: "Tổng cộng", serial: nil) { i in Self.total(all.map { $0[i] }, indicators[i], year: year) }
        row { _ in }
        row {
            $0.set("B", .text("Nơi nhận:"), style: Style.boldText)
            $0.set("F", .text("VIỆN TRƯỞNG"), style: Style.boldText)
        }
        row {
            $0.set("B", .text("- VKSND tối cao (Vụ 2);"), style: Style.note)
            $0.set("C", .text("Người lập biểu"), style: Style.boldText)
        }
        row { $0.set("B", .text("- Lưu: VT, P.TK."), style: Style.note) }
        row { $0.set("F", .text("Nguyễn Văn Thành"), style: Style.boldText) }
        return sheet
    }

    /// A subtotal or total row as the office forms it: counts summed (the targets assigned, the
    /// results as the units reported them before the one typing slip), rates left as the threshold
    /// in subtotals and given as the office's own Σ/Σ in the grand total (`year`).
    static func total(_ figures: [(Written, Written)], _ indicator: FormIndicator, year: Int?) -> (Written, Written) {
        func sum(_ cells: [Written]) -> [Double] {
            let halves = cells.map(\.values.count).max() ?? 1
            return (0..<halves).map { h in cells.compactMap { $0.values.count > h ? $0.values[h] : nil }.reduce(0, +) }
        }
        let targets = sum(figures.map(\.0)), actuals = sum(figures.map(\.1))
        switch indicator.measure {
        case "%", "ngày":
            let threshold = figures.first { $0.0.values.first.flatMap { $0 } != nil }?.0 ?? .empty
            guard let year, let rate = publishedRate(indicator.name, year) else { return (threshold, .text("", [nil])) }
            return (threshold, indicator.measure == "%" ? Written(text: nil, number: rate / 100, values: [rate]) : .number(rate))
        case "vụ/bị can":
            return (.text("\(Int(targets[0])) vụ/\(Int(targets[1])) bị can", targets),
                    .text("\(Int(actuals[0])) vụ/\(Int(actuals[1])) bị can", actuals))
        default:
            let assigned = figures.contains { $0.0.values[0] != nil }
            let correct = indicator.name == "Số tin báo, tố giác về tội phạm đã giải quyết" ? figures.map { pair -> Double in
                let value = pair.1.values[0] ?? 0
                return value > 1000 ? value / 10 : value
            }.reduce(0, +) : actuals[0]
            return (assigned ? .number(targets[0]) : .text("x", [nil]), .number(correct))
        }
    }

    /// The 2024 sheet as Excel's "CSV UTF-8" writes it: a merge's value in its first cell only.
    static func savedAsCSV(year: Int) -> String { savedAsCSV(sheet(year: year, asText: false)) }

    static func savedAsCSV(_ sheet: Worksheet) -> String {
        var lines: [String] = []
        for row in sheet.rows {
            var fields = Array(repeating: "", count: 8)
            for cell in row.cells {
                let text: String
                switch cell.value {
                case let .text(t), let .inline(t): text = t
                case let .number(n): text = cell.style == Style.percent2 ? OfficeForms.plain(n * 100).replacingOccurrences(of: ".", with: ",") + "%"
                    : OfficeForms.plain(n).replacingOccurrences(of: ".", with: ",")
                case let .formula(_, cached: .number(n)): text = OfficeForms.plain(n).replacingOccurrences(of: ".", with: ",")
                default: text = ""
                }
                fields[cell.column - 1] = OfficeForms.csvField(text)
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A long CSV kept like a report: a title line, the year and the unit written once over their rows.
    static func longReport() -> String {
        var lines = ["BẢNG TỔNG HỢP CHỈ TIÊU NGHIỆP VỤ CÁC NĂM 2023 - 2024,,,,,", "",
                     "Năm,Đơn vị,Chỉ tiêu,ĐVT,KH,TH"]
        for year in years {
            for (u, unit) in units.enumerated() {
                for (i, indicator) in indicators.enumerated() where indicator.pairedNames == nil {
                    let (target, actual) = indicator.cells(u, year)
                    func shown(_ w: Written) -> String {
                        if let text = w.text { return text }
                        guard let n = w.number else { return "" }
                        return indicator.measure == "%" ? OfficeForms.plain(n * 100).replacingOccurrences(of: ".", with: ",") + "%" : OfficeForms.plain(n)
                    }
                    let yearCell = u == 0 && i == 0 ? String(year) : ""
                    let unitCell = i == 0 ? unit : ""
                    lines.append([yearCell, unitCell, indicator.name, indicator.measure, shown(target), shown(actual)]
                        .map { OfficeForms.csvField($0) }.joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The province's figures a reader must give: the "Tổng cộng" row's where the files carry it
    /// (`totals`), else the units' — counts summed against the targets assigned, rates and
    /// averages as the units' mean against their shared threshold, one unit's indicator as its value.
    static func provinceTruth(files: String, totals: Bool) -> String {
        var out = ""
        for year in years {
            for indicator in indicators where totals || indicator.pairedNames == nil {
                let cells = units.indices.map { indicator.cells($0, year) }
                let names = indicator.pairedNames ?? [indicator.name]
                for (h, name) in names.enumerated() {
                    let actuals = cells.compactMap { $0.1.values.count > h ? $0.1.values[h] : nil }
                    let targets = cells.compactMap { $0.0.values.count > h ? $0.0.values[h] : nil }
                    guard !actuals.isEmpty else { continue }
                    let direction = indicator.measure == "ngày" || name.contains("bị hủy") ? "lower" : name.contains("tiếp nhận") || name.contains("rút gọn") ? "none" : "higher"
                    let mean = indicator.measure == "%" || indicator.measure == "ngày"
                    let single = actuals.count == 1 && cells.filter { $0.1.values[0] != nil }.count == 1 && name.contains("kiến nghị")
                    var actual = mean ? actuals.reduce(0, +) / Double(actuals.count) : actuals.reduce(0, +)
                    let target: Double? = targets.isEmpty ? nil : mean ? targets[0] : targets.reduce(0, +)
                    var flags: [String] = []
                    if totals, !single {
                        let published = mean ? publishedRate(name, year) : name == "Số tin báo, tố giác về tội phạm đã giải quyết"
                            ? cells.map { ($0.1.values[0] ?? 0) > 1000 ? ($0.1.values[0] ?? 0) / 10 : ($0.1.values[0] ?? 0) }.reduce(0, +) : actual
                        if let published {
                            // A rate the office weighs is no slip against the units' plain mean; a count that disagrees is.
                            if !mean, abs(published - actual) > 0.5 { flags.append("check") }
                            actual = published
                            flags.insert("published", at: 0)
                        }
                    } else if !totals, name == "Số tin báo, tố giác về tội phạm đã giải quyết", year == 2024 {
                        flags.append("check")
                    }
                    out += OfficeForms.provinceLine(files, year, name, target: target, actual: actual, direction: direction, flags: flags)
                }
            }
        }
        return out
    }

    static func truth(file: String, years: [Int]) -> String {
        var out = ""
        for year in years {
            for (u, unit) in units.enumerated() {
                for indicator in indicators {
                    if file.hasSuffix("chi-tieu-2023-2024.csv"), indicator.pairedNames != nil { continue }
                    let (target, actual) = indicator.cells(u, year)
                    let names = indicator.pairedNames ?? [indicator.name]
                    for (h, name) in names.enumerated() {
                        guard let value = actual.values[h] else { continue }
                        let t = target.values.count > h ? target.values[h] : nil
                        out += [file, String(year), unit, name, OfficeForms.plain(t), OfficeForms.plain(value)]
                            .map { OfficeForms.csvField($0) }.joined(separator: ",") + "\n"
                    }
                }
            }
        }
        return out
    }
}

private enum Education {
    static let department = "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BẾN TRE"
    static let units = ["Phòng GD&ĐT TP Bến Tre", "Phòng GD&ĐT huyện Châu Thành", "Phòng GD&ĐT huyện Giồng Trôm"]
    static let singleUnit = "PHÒNG GD&ĐT HUYỆN BA TRI"
    static let calendarYears = [2022, 2023, 2024]
    /// "Năm học 2022 – 2023" sits at its end year.
    static let schoolYears = [2023, 2024]

    struct KPI: Sendable {
        let name: String
        let measure: String
        /// Hundredths for rates (85 is 0,85 %), whole for counts; by unit and year.
        let value: @Sendable (Int, Int) -> Int
        let target: String
        let targetValue: Double
    }

    static let kpis: [KPI] = [
        KPI(name: "Tỷ lệ học sinh bỏ học", measure: "%", value: { u, y in 60 + u * 13 + (2024 - y) * 9 }, target: "≤ 1%", targetValue: 1),
        KPI(name: "Tỷ lệ trẻ 5 tuổi ra lớp", measure: "%", value: { u, y in 9_960 + u * 9 + (y - 2022) * 4 }, target: "≥ 99,8%", targetValue: 99.8),
        KPI(name: "Số trường đạt chuẩn quốc gia", measure: "trường", value: { u, y in 20 + u * 6 + (y - 2022) * 2 }, target: "", targetValue: 0),
        KPI(name: "Số vụ bạo lực học đường", measure: "vụ", value: { u, y in u == 1 && y == 2023 ? 1 : 0 }, target: "0", targetValue: 0),
    ]

    static func shown(_ kpi: KPI, _ value: Int) -> String {
        guard kpi.measure == "%" else { return String(value) }
        let whole = value / 100, part = value % 100
        if part == 0 { return "\(whole)%" }
        return part % 10 == 0 ? "\(whole),\(part / 10)%" : String(format: "%d,%02d%%", whole, part)
    }

    static func countTarget(_ u: Int) -> Int { 26 + u * 6 + 2 }
    /// Huyện Giồng Trôm was assigned no target for schools in 2024; the province's KH sums the others'.
    static func hasCountTarget(_ u: Int) -> Bool { u != 2 }

    /// The province's rate as the department publishes it: weighted by enrolment, which the export
    /// does not carry — so it is not the mean of the three offices' rates (hundredths).
    static func publishedRate(_ kpi: KPI, _ year: Int) -> Int {
        let all = units.indices.map { kpi.value($0, year) }
        let mean = all.reduce(0, +) / all.count
        return kpi.name == "Tỷ lệ học sinh bỏ học" ? mean + 7 : mean
    }

    static func provinceExport() -> String {
        var lines = ["\(department);;;;;;;;", "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU GIÁO DỤC GIAI ĐOẠN 2022 - 2024;;;;;;;;", ";;;;;;;;",
                     "STT;Đơn vị;Tên chỉ tiêu;ĐVT;Năm 2022;Năm 2023;Năm 2024;KH 2024;Ghi chú"]
        var serial = 0
        for (u, unit) in units.enumerated() {
            for (i, kpi) in kpis.enumerated() {
                serial += 1
                let target = kpi.measure == "trường" ? (hasCountTarget(u) ? String(countTarget(u)) : "") : kpi.target
                lines.append(([String(serial), i == 0 ? unit : unit, kpi.name, kpi.measure]
                              + calendarYears.map { shown(kpi, kpi.value(u, $0)) } + [target, ""]).joined(separator: ";"))
            }
        }
        for kpi in kpis {
            let values = calendarYears.map { y -> String in
                let all = units.indices.map { kpi.value($0, y) }
                return kpi.measure == "%" ? shown(kpi, publishedRate(kpi, y)) : String(all.reduce(0, +))
            }
            let target = kpi.measure == "trường" ? String(units.indices.filter(hasCountTarget).map(countTarget).reduce(0, +)) : kpi.target
            lines.append((["", "Toàn tỉnh", kpi.name, kpi.measure] + values + [target, ""]).joined(separator: ";"))
        }
        lines += [";;;;;;;;", ";Người lập biểu;;;;;KT. GIÁM ĐỐC;;", ";;;;;;PHÓ GIÁM ĐỐC;;", ";Trần Thị Mai;;;;;Lê Văn Hùng;;"]
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One district office's own export: its name only in the title; school years as columns.
    static func unitExport() -> String {
        var lines = ["UBND HUYỆN BA TRI", "BÁO CÁO CÁC CHỈ TIÊU GIÁO DỤC - \(singleUnit)", "",
                     "STT\tChỉ tiêu\tĐVT\tNăm học 2022 – 2023\tNăm học 2023 – 2024\tKH năm học 2024 – 2025"]
        for (i, kpi) in kpis.enumerated() {
            let target = kpi.measure == "trường" ? "30" : kpi.target
            lines.append(([String(i + 1), kpi.name, kpi.measure] + schoolYears.map { shown(kpi, kpi.value(3, $0)) } + [target]).joined(separator: "\t"))
        }
        lines += ["", "\tNgười lập biểu\t\t\tTRƯỞNG PHÒNG"]
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The "Toàn tỉnh" rows: the department's own figures, its KH 2024 (the schools' the sum of those assigned).
    static func provinceTruth(files: String) -> String {
        var out = ""
        for kpi in kpis {
            for year in calendarYears {
                let all = units.indices.map { kpi.value($0, year) }
                let actual = kpi.measure == "%" ? Double(publishedRate(kpi, year)) / 100 : Double(all.reduce(0, +))
                var target: Double?
                if year == 2024 { target = kpi.measure == "trường" ? Double(units.indices.filter(hasCountTarget).map(countTarget).reduce(0, +)) : kpi.targetValue }
                let direction = kpi.name.contains("bỏ học") || kpi.name.contains("bạo lực") ? "lower" : "higher"
                // The office's own rate differs from the units' plain mean as a weighted rate does: no mark.
                out += OfficeForms.provinceLine(files, year, kpi.name, target: target, actual: actual, direction: direction,
                                                flags: ["published"])
            }
        }
        return out
    }

    static func truth(file: String, units: [String], years: [Int]) -> String {
        var out = ""
        for (u, unit) in units.enumerated() {
            let index = units.count == 1 ? 3 : u
            for kpi in kpis {
                for year in years {
                    let value = kpi.value(index, year)
                    let actual = kpi.measure == "%" ? Double(value) / 100 : Double(value)
                    // Only the last calendar year has a target column; the school years' KH is next year's.
                    var target: Double?
                    if units.count > 1, year == 2024 {
                        target = kpi.measure == "trường" ? (hasCountTarget(u) ? Double(countTarget(u)) : nil) : kpi.targetValue
                    }
                    out += [file, String(year), unit, kpi.name, OfficeForms.plain(target), OfficeForms.plain(actual)]
                        .map { OfficeForms.csvField($0) }.joined(separator: ",") + "\n"
                }
            }
        }
        return out
    }
}
