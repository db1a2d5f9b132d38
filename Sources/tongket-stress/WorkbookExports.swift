import Foundation
import TongKetData

/// `tongket-stress workbooks FOLDER`: Excel workbooks shaped like the ones Vietnamese provincial
/// offices keep, each beside the CSV a careful analyst would type from it, and hostile ones:
///
///     bao-cao-2021-2024.xlsx   the year-end report: a sheet per year (titles, merged unit names, percent
///                              cells, a count typed as text, ceilings written as words, formulas with
///                              cached values, a SUMIF total row, a hidden row), a notes sheet, a hidden
///                              scratch sheet
///     chi-tieu-wide.xlsx       the same figures one row per (unit, indicator), a column per year, inline strings
///     bao-cao-2021-2024.csv, chi-tieu-wide.csv   their canonical twins: what the reader must give
///     hong.xlsx                bao-cao truncated to half its bytes
///     mat-khau.xlsx            an OLE2 compound file, as a password-protected workbook is
///     khong-co-bang.xlsx       a valid workbook whose only sheet is notes
///     bom-nen.xlsx             a sheet that inflates to 600 MB; bom-nen-gia.xlsx says it is 1000 bytes
///     mot-phan.xlsx            400 sheets on one part; gop-o.xlsx a title merged a million times
///     sai-ma.xlsx              a unit's shared string with a byte that is not UTF-8 ("Ph\xF2ng 7")
///     truth.txt                which quirk sits where (sheet!cell)
///
/// Every value comes from fixed seeds and every ZIP entry has a fixed date: same bytes every run.
enum WorkbookExports {
    static func write(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var truth = Truth()
        let figures = Report.figures()

        let report = try XLSX.package(Report.sheets(figures, truth: &truth))
        try save(report, folder, "bao-cao-2021-2024.xlsx")
        try save(Report.csv(figures, targetsFrom: 2021), folder, "bao-cao-2021-2024.csv")

        let wide = try XLSX.package([.model(Wide.sheet(figures, truth: &truth))])
        try save(wide, folder, "chi-tieu-wide.xlsx")
        try save(Report.csv(figures, targetsFrom: 2024), folder, "chi-tieu-wide.csv")

        try save(Array(report.prefix(report.count / 2)), folder, "hong.xlsx")
        try save(Hostile.compoundFile(), folder, "mat-khau.xlsx")
        try save(XLSX.package([.model(Report.notes(name: "Ghi chú"))]), folder, "khong-co-bang.xlsx")
        let bombSheet = try Hostile.bombSheet()
        try save(Hostile.bomb(bombSheet, statedSize: nil), folder, "bom-nen.xlsx")
        try save(Hostile.bomb(bombSheet, statedSize: 1000), folder, "bom-nen-gia.xlsx")
        try save(XLSX.package([.model(Hostile.badCell())]), folder, "sai-so.xlsx")
        try save(XLSX.package([.model(Hostile.legacyFont())]), folder, "tcvn3.xlsx")
        try save(Hostile.changedDigit(), folder, "doi-so.xlsx")
        try save(Hostile.twoPartsOfOneName(), folder, "trung-ten.xlsx")
        var far = Hostile.badCell()
        far.rows[1].set("ZZZ", .text("một ô ngoài bảng"))
        try save(XLSX.package([.model(far)]), folder, "ngoai-cot.xlsx")
        try save(Hostile.manySheetsOnOnePart(), folder, "mot-phan.xlsx")
        try save(XLSX.package([.model(Hostile.repeatedMerges())]), folder, "gop-o.xlsx")
        try save(XLSX.package([.model(Hostile.mergeBomb())]), folder, "bom-gop.xlsx")
        try save(Hostile.textNotUTF8(), folder, "sai-ma.xlsx")
        truth.hostile(halfOf: report.count)
        try save(Array(truth.text.utf8), folder, "truth.txt")
    }

    static func save(_ bytes: [UInt8], _ folder: String, _ name: String) throws {
        let path = folder + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw StressError("cannot write \(path)") }
    }
}

// MARK: - The figures

/// One (year, unit, indicator) as the analyst's CSV has it. Rates are in tenths of a percent
/// (955 is 95,5 %), counts are whole.
private struct Figure {
    let year: Int
    let unit: String
    let indicator: String
    let measure: String
    let target: Int?
    let actual: Int
    let kind: Kind

    var isRate: Bool {
        switch kind {
        case .rate, .ceiling: true
        default: false
        }
    }

    /// As the CSV shows it: 95.5, 90, 1054.
    func shown(_ value: Int) -> String {
        guard isRate else { return String(value) }
        return value % 10 == 0 ? String(value / 10) : "\(value / 10).\(value % 10)"
    }

    /// As Excel stores a typed percentage: 95,5 % is 0.955.
    func stored(_ value: Int) -> Double { isRate ? Double(value) / 1000 : Double(value) }
}

private enum Kind {
    case count(base: Int, step: Int)
    /// Counted, never targeted: the KH cell is empty.
    case untargeted(base: Int, step: Int)
    /// A rate in tenths of a percent: the target, and the range the actual falls in.
    case rate(target: Int, low: Int, high: Int)
    /// A rate that must stay under `limit` (tenths of a percent).
    case ceiling(limit: Int, high: Int)
}

private struct Indicator {
    let name: String
    let measure: String
    let kind: Kind
}

private struct Unit {
    let name: String
    let indicators: [Indicator]
}

private enum Report {
    static let years = 2021...2024
    static let office = "VIỆN KIỂM SÁT NHÂN DÂN TỈNH HẬU GIANG"
    static let ceilingName = "Tỷ lệ án bị hủy, sửa do lỗi chủ quan"
    static let casefileName = "Số hồ sơ đề nghị giảm thời hạn chấp hành án phạt tù đã kiểm sát"
    static let tipsRateName = "Tỷ lệ giải quyết tố giác, tin báo về tội phạm"
    /// The years whose ceiling target is typed as words, and the words.
    static let ceilingWords = [2022: "Không quá 5%", 2024: "≤ 5%"]
    /// The count typed as text in a cell (Vietnamese thousands dot).
    static let textCount = (year: 2023, unit: "Phòng 8", indicator: casefileName, typed: "1.054")
    /// The real data row hidden in Excel.
    static let hiddenRow = (year: 2022, unit: "VKSND huyện Long Mỹ", indicator: "Số vụ án hình sự đã truy tố")

    static let units: [Unit] = {
        func district(_ name: String, _ size: Double) -> Unit {
            func scaled(_ n: Double) -> Int { Int((n * size).rounded()) }
            return Unit(name: name, indicators: [
                Indicator(name: "Số tố giác, tin báo về tội phạm đã kiểm sát", measure: "tin", kind: .count(base: scaled(110), step: 6)),
                Indicator(name: tipsRateName, measure: "%", kind: .rate(target: 900, low: 880, high: 985)),
                Indicator(name: "Số vụ án hình sự đã truy tố", measure: "vụ", kind: .count(base: scaled(76), step: 3)),
                Indicator(name: "Số bị can đã truy tố", measure: "bị can", kind: .count(base: scaled(117), step: 4)),
                Indicator(name: ceilingName, measure: "%", kind: .ceiling(limit: 50, high: 48)),
                Indicator(name: "Số vụ, việc dân sự đã kiểm sát", measure: "vụ việc", kind: .count(base: scaled(240), step: 10)),
            ])
        }
        return [
            Unit(name: "Văn phòng tổng hợp", indicators: [
                Indicator(name: "Số video báo cáo tổng kết, sơ kết", measure: "video", kind: .count(base: 12, step: 3)),
                Indicator(name: "Số cá nhân đạt danh hiệu Chiến sỹ thi đua cơ sở", measure: "người", kind: .count(base: 5, step: 0)),
                Indicator(name: "Số kế hoạch, quy chế về công nghệ thông tin, chuyển đổi số", measure: "văn bản", kind: .count(base: 3, step: 1)),
                Indicator(name: "Số báo cáo tổng hợp gửi đúng hạn", measure: "báo cáo", kind: .count(base: 48, step: 1)),
            ]),
            Unit(name: "Phòng 7", indicators: [
                Indicator(name: "Số vụ thực hành quyền công tố, kiểm sát xét xử phúc thẩm", measure: "vụ", kind: .count(base: 60, step: 5)),
                Indicator(name: "Số bị cáo trong các vụ xét xử phúc thẩm", measure: "bị cáo", kind: .untargeted(base: 131, step: 9)),
                Indicator(name: "Số kháng nghị phúc thẩm", measure: "kháng nghị", kind: .count(base: 4, step: 1)),
                Indicator(name: "Tỷ lệ kháng nghị phúc thẩm được Tòa chấp nhận", measure: "%", kind: .rate(target: 700, low: 620, high: 880)),
                Indicator(name: "Số phiên tòa rút kinh nghiệm", measure: "phiên", kind: .count(base: 6, step: 1)),
            ]),
            Unit(name: "Phòng 8", indicators: [
                Indicator(name: "Số cuộc kiểm sát trực tiếp", measure: "cuộc", kind: .count(base: 8, step: 1)),
                Indicator(name: "Số cuộc kiểm sát đột xuất", measure: "cuộc", kind: .count(base: 2, step: 1)),
                Indicator(name: "Số kháng nghị đã ban hành", measure: "kháng nghị", kind: .count(base: 2, step: 1)),
                Indicator(name: "Số kiến nghị đã ban hành", measure: "kiến nghị", kind: .count(base: 10, step: 1)),
                Indicator(name: casefileName, measure: "hồ sơ", kind: .count(base: 900, step: 50)),
            ]),
            district("VKSND huyện Châu Thành", 1.0),
            district("VKSND huyện Long Mỹ", 0.8),
            district("VKSND thành phố Vị Thanh", 1.1),
        ]
    }()

    /// Year by year, units in office order, each unit's indicators in table order.
    static func figures() -> [Figure] {
        var out: [Figure] = []
        for year in years {
            for (u, unit) in units.enumerated() {
                for (i, indicator) in unit.indicators.enumerated() {
                    var random = SplitMix(seed: UInt64(year * 10_000 + u * 100 + i))
                    let roll = Int(random.next() % 1000)
                    let step = year - years.lowerBound
                    var target: Int?
                    var actual: Int
                    switch indicator.kind {
                    case let .count(base, growth):
                        let planned = base + growth * step
                        target = planned
                        actual = max(0, Int((Double(planned) * Double(94 + roll % 16) / 100).rounded()))
                    case let .untargeted(base, growth):
                        target = nil
                        actual = base + growth * step + roll % 9
                    case let .rate(goal, low, high):
                        target = goal
                        actual = low + roll % (high - low + 1)
                    case let .ceiling(limit, high):
                        target = limit
                        actual = roll % (high + 1)
                    }
                    // The figures the truth file and the tests name.
                    if year == textCount.year, unit.name == textCount.unit, indicator.name == textCount.indicator { actual = 1054 }
                    if year == 2023, unit.name == "VKSND thành phố Vị Thanh", indicator.name == tipsRateName { actual = 955 }
                    if year == 2022, unit.name == "VKSND huyện Long Mỹ", indicator.name == ceilingName { actual = 56 }
                    out.append(Figure(year: year, unit: unit.name, indicator: indicator.name, measure: indicator.measure,
                                      target: target, actual: actual, kind: indicator.kind))
                }
            }
        }
        return out
    }

    /// The analyst's CSV: targets from `targetsFrom` on (the wide layout has none before 2024).
    static func csv(_ figures: [Figure], targetsFrom: Int) -> [UInt8] {
        var text = "năm,đơn vị,chỉ tiêu,đơn vị tính,kế hoạch,thực hiện\n"
        for figure in figures {
            let target = figure.year >= targetsFrom ? figure.target.map(figure.shown) ?? "" : ""
            text += [String(figure.year), figure.unit, figure.indicator, figure.measure, target, figure.shown(figure.actual)]
                .map(quoted).joined(separator: ",") + "\n"
        }
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    private static func quoted(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    // MARK: The report workbook

    static func sheets(_ figures: [Figure], truth: inout Truth) -> [XLSX.SheetSource] {
        var sheets = years.map { year in XLSX.SheetSource.model(sheet(year, figures.filter { $0.year == year }, truth: &truth)) }
        sheets.append(.model(notes(name: "Ghi chú")))
        sheets.append(.model(scratch(figures)))
        truth.report("Ghi chú", "notes only, no header row: a sheet without a table, to be skipped")
        truth.report("Tạm", "hidden sheet (state=\"hidden\"): a stale copy of three 2023 rows of VKSND huyện Châu Thành with other numbers, "
            + "under the same header at row 3 (Tạm!A3:F3), and a #REF! formula at Tạm!C8; reading it would double-count")
        return sheets
    }

    private static func percentStyle(_ year: Int) -> Int { year <= 2022 ? Style.percent2 : Style.percent1 }

    private static func sheet(_ year: Int, _ figures: [Figure], truth: inout Truth) -> Worksheet {
        let name = String(year)
        var sheet = Worksheet(name: name, widths: [6, 26, 50, 10, 11, 11, 10, 22])
        let columns = ["A", "B", "C", "D", "E", "F", "G", "H"]
        func titleRow(_ number: Int, _ text: String) {
            var row = SheetRow(number: number, height: 21)
            row.set("A", .text(text), style: Style.title)
            for column in columns.dropFirst() { row.set(column, .blank, style: Style.title) }
            sheet.rows.append(row)
            sheet.merges.append("A\(number):H\(number)")
        }
        titleRow(1, office)
        titleRow(2, "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM \(year)")
        var header = SheetRow(number: 4, height: 33)
        for (column, text) in zip(columns, ["STT", "Đơn vị", "Chỉ tiêu", "ĐVT", "KH", "TH", "Tỷ lệ %", "Ghi chú"]) {
            header.set(column, .text(text), style: Style.header)
        }
        sheet.rows.append(header)
        if year == years.lowerBound {
            truth.report("\(year)!A1:H2", "two merged title rows (A1:H1, A2:H2) above the header; row 3 is absent (Excel omits empty rows); the header is row 4")
            truth.report("\(year)!G5", "\"Tỷ lệ %\" column G: formulas F/E with cached values (style 0.0%), every row of every year")
        }
        if year <= 2022 {
            truth.report("\(year)!E:F", "rate rows (ĐVT %) stored as fractions (0.9 for 90 %) with the built-in style 0.00% (numFmtId 10)")
        } else {
            truth.report("\(year)!E:F", "rate rows (ĐVT %) stored as fractions with the custom style 0.0% (numFmtId 164)")
        }

        let first = 5
        var number = first
        var targets: [Int: CellValue] = [:], actuals: [Int: CellValue] = [:]
        for (u, unit) in units.enumerated() {
            let block = figures.filter { $0.unit == unit.name }
            let top = number
            for (k, figure) in block.enumerated() {
                var row = SheetRow(number: number)
                if k == 0 {
                    row.set("A", .number(Double(u + 1)), style: Style.centered)
                    row.set("B", .text(unit.name), style: Style.text)
                } else {
                    row.set("A", .blank, style: Style.centered)
                    row.set("B", .blank, style: Style.text)
                }
                row.set("C", .text(figure.indicator), style: Style.text)
                row.set("D", .text(figure.measure), style: Style.centered)
                let numberStyle = figure.isRate ? percentStyle(year) : Style.integer
                // KH
                var target: CellValue = .blank
                if case .ceiling = figure.kind, let words = ceilingWords[year] {
                    target = .text(words)
                    row.set("E", target, style: Style.centered)
                    row.set("H", .text("Chỉ tiêu trần"), style: Style.text)
                    truth.report("\(year)!E\(number)", "ceiling target typed as words \"\(words)\" (a text cell) for \(figure.unit) / \(figure.indicator); "
                        + "G\(number) caches #VALUE!; CSV kế hoạch 5")
                } else if let value = figure.target {
                    target = .number(figure.stored(value))
                    row.set("E", target, style: numberStyle)
                } else {
                    row.set("E", .blank, style: numberStyle)
                    row.set("H", .text("Không giao chỉ tiêu"), style: Style.text)
                    truth.report("\(year)!E\(number)", "no target (empty cell, the note says \"Không giao chỉ tiêu\") for \(figure.unit) / \(figure.indicator); G\(number) is #DIV/0!")
                }
                // TH
                var actual: CellValue = .number(figure.stored(figure.actual))
                if year == textCount.year, figure.unit == textCount.unit, figure.indicator == textCount.indicator {
                    actual = .text(textCount.typed)
                    row.set("H", .text("Số liệu phần mềm QLA"), style: Style.text)
                    truth.report("\(year)!F\(number)", "count typed as text \"\(textCount.typed)\" (t=\"s\", a Vietnamese thousands dot) for \(figure.unit) / \(figure.indicator); "
                        + "G\(number) caches 1.054 (Excel with Vietnamese settings reads the text as 1054); CSV 1054")
                }
                row.set("F", actual, style: numberStyle)
                if year == 2023, figure.unit == "VKSND thành phố Vị Thanh", figure.indicator == tipsRateName {
                    truth.report("\(year)!F\(number)", "rate stored 0.955 with style 0.0% (numFmt 164), shown 95,5 %; CSV 95.5")
                }
                if year == 2022, figure.unit == "VKSND huyện Long Mỹ", figure.indicator == ceilingName {
                    truth.report("\(year)!F\(number)", "ceiling exceeded: 5,6 % against \"Không quá 5%\"")
                }
                // Tỷ lệ % = TH / KH, as a Vietnamese Excel computes it: a text number it can read ("1.054")
                // is coerced, words are #VALUE!, an empty KH is #DIV/0!.
                row.set("G", .formula("F\(number)/E\(number)", cached: quotient(actual, target)), style: Style.percent1)
                if row.cells.last?.column != 8 { row.set("H", .blank, style: Style.text) }
                if year == hiddenRow.year, figure.unit == hiddenRow.unit, figure.indicator == hiddenRow.indicator {
                    row.hidden = true
                    truth.report("\(year)!A\(number):H\(number)", "hidden row (<row r=\"\(number)\" hidden=\"1\">), a real data row: \(figure.unit) / \(figure.indicator); in the CSV")
                }
                targets[number] = target
                actuals[number] = actual
                if figure.isRate { targets[number] = nil; actuals[number] = nil }
                sheet.rows.append(row)
                number += 1
            }
            if number - 1 > top {
                sheet.merges.append("A\(top):A\(number - 1)")
                sheet.merges.append("B\(top):B\(number - 1)")
            }
            if year == years.lowerBound, u == 0 {
                truth.report("\(year)!B\(top):B\(number - 1)", "unit name only in B\(top), merged down over its block (every unit, every year; STT merged the same way in A)")
            }
        }
        let last = number - 1
        // One empty row (not written, as Excel omits it), then the total.
        let total = last + 2
        var row = SheetRow(number: total)
        row.set("A", .blank, style: Style.centered)
        row.set("B", .text("Tổng cộng"), style: Style.boldText)
        row.set("C", .blank, style: Style.boldText)
        row.set("D", .blank, style: Style.boldText)
        sheet.merges.append("B\(total):D\(total)")
        func sum(_ values: [Int: CellValue]) -> Double {
            values.values.reduce(0) { if case let .number(v) = $1 { $0 + v } else { $0 } }
        }
        let targetSum = sum(targets), actualSum = sum(actuals)
        row.set("E", .formula("SUMIF($D$\(first):$D$\(last),\"<>%\",E\(first):E\(last))", cached: .number(targetSum)), style: Style.boldInteger)
        row.set("F", .formula("SUMIF($D$\(first):$D$\(last),\"<>%\",F\(first):F\(last))", cached: .number(actualSum)), style: Style.boldInteger)
        row.set("G", .formula("F\(total)/E\(total)", cached: .number(actualSum / targetSum)), style: Style.percent1)
        row.set("H", .blank, style: Style.text)
        sheet.rows.append(row)
        truth.report("\(year)!B\(total)", "\"Tổng cộng\" (merged B\(total):D\(total)) with SUMIF formulas over the counts in E\(total):F\(total), cached "
            + "\(XLSX.number(targetSum)) / \(XLSX.number(actualSum))"
            + (year == textCount.year ? " — SUMIF skips the text \"1.054\", so the cached TH total is 1054 short" : "") + "; not in the CSV")
        if year == years.upperBound {
            var place = SheetRow(number: total + 2)
            place.set("E", .text("Hậu Giang, ngày 20 tháng 12 năm 2024"), style: Style.subtitle)
            sheet.merges.append("E\(total + 2):H\(total + 2)")
            var roles = SheetRow(number: total + 3)
            roles.set("B", .text("NGƯỜI LẬP BIỂU"), style: Style.title)
            roles.set("E", .text("VIỆN TRƯỞNG"), style: Style.title)
            sheet.merges.append("E\(total + 3):H\(total + 3)")
            var names = SheetRow(number: total + 7)
            names.set("B", .text("Nguyễn Thị Ngọc Hân"), style: Style.title)
            names.set("E", .text("Trần Minh Khôi"), style: Style.title)
            sheet.merges.append("E\(total + 7):H\(total + 7)")
            sheet.rows += [place, roles, names]
            truth.report("\(year)!E\(total + 2):E\(total + 7)", "signature block under the table: place and date at E\(total + 2) (merged E:H), "
                + "NGƯỜI LẬP BIỂU / VIỆN TRƯỞNG at B\(total + 3) / E\(total + 3), two names at B\(total + 7) / E\(total + 7); not data, not in the CSV")
        }
        return sheet
    }

    /// F / E as Excel evaluates it (Vietnamese regional settings): what it caches in the formula cell.
    private static func quotient(_ actual: CellValue, _ target: CellValue) -> FormulaResult {
        func value(_ cell: CellValue) -> Double?? {
            switch cell {
            case let .number(v): return v
            case .blank: return .some(nil)
            case let .text(text), let .inline(text):
                // "1.054" reads as 1054 with a thousands dot; words do not read.
                guard let number = Double(text.replacingOccurrences(of: ".", with: "")) else { return nil }
                return .some(number)
            case .formula: return nil
            }
        }
        guard let a = value(actual), let t = value(target) else { return .error("#VALUE!") }
        guard let divisor = t, divisor != 0 else { return .error("#DIV/0!") }
        return .number((a ?? 0) / divisor)
    }

    static func notes(name: String) -> Worksheet {
        var sheet = Worksheet(name: name, widths: [110])
        let lines = [
            "GHI CHÚ",
            "1. Số liệu tính từ ngày 01/10 năm trước đến ngày 30/9 năm báo cáo.",
            "2. Các chỉ tiêu tỷ lệ (ĐVT %) nhập theo định dạng phần trăm của Excel; \"Tỷ lệ án bị hủy, sửa do lỗi chủ quan\" là chỉ tiêu trần: không quá 5%.",
            "3. Số liệu của Phòng 8 năm 2023 lấy từ phần mềm quản lý án & đã đối chiếu ngày 05/12/2023.",
            "4. Cột \"Tỷ lệ %\" = TH/KH; dòng \"Tổng cộng\" chỉ cộng các chỉ tiêu có ĐVT <> \"%\".",
            "",
            "Nguồn: Văn phòng tổng hợp – VKSND tỉnh Hậu Giang",
        ]
        for (i, line) in lines.enumerated() where !line.isEmpty {
            var row = SheetRow(number: i + 1)
            row.set("A", .text(line), style: i == 0 ? Style.title : Style.note)
            sheet.rows.append(row)
        }
        return sheet
    }

    /// A scratch sheet someone hid instead of deleting: a stale copy of a few rows, stray numbers, a broken reference.
    private static func scratch(_ figures: [Figure]) -> Worksheet {
        var sheet = Worksheet(name: "Tạm", hidden: true)
        var row = SheetRow(number: 1)
        row.set("A", .text("Bảng tạm – số liệu cũ, không sử dụng"))
        sheet.rows.append(row)
        var header = SheetRow(number: 3)
        for (column, text) in zip(["A", "B", "C", "D", "E", "F"], ["STT", "Đơn vị", "Chỉ tiêu", "ĐVT", "KH", "TH"]) { header.set(column, .text(text)) }
        sheet.rows.append(header)
        let stale = figures.filter { $0.year == 2023 && $0.unit == "VKSND huyện Châu Thành" && !$0.isRate }.prefix(3)
        for (k, figure) in stale.enumerated() {
            var row = SheetRow(number: 4 + k)
            row.set("A", .number(Double(k + 1)))
            row.set("B", .text(figure.unit))
            row.set("C", .text(figure.indicator))
            row.set("D", .text(figure.measure))
            row.set("E", .number(Double((figure.target ?? 0) - 7)))
            row.set("F", .number(Double(figure.actual + 13)))
            sheet.rows.append(row)
        }
        var junk = SheetRow(number: 8)
        junk.set("A", .number(12345))
        junk.set("C", .formula("SUM(#REF!)", cached: .error("#REF!")))
        sheet.rows.append(junk)
        var remark = SheetRow(number: 10)
        remark.set("B", .text("copy từ file của anh Tuấn, chưa đối chiếu"))
        sheet.rows.append(remark)
        return sheet
    }
}

// MARK: - The wide workbook

private enum Wide {
    /// One row per (unit, indicator): actuals 2021–2023, then the 2024 target and actual. Text as
    /// inline strings (no sharedStrings.xml), rates as plain numbers (95.5, no percent style), as
    /// reporting software exports it.
    static func sheet(_ figures: [Figure], truth: inout Truth) -> Worksheet {
        var sheet = Worksheet(name: "Tổng hợp", widths: [6, 26, 50, 10, 12, 12, 12, 12, 12])
        let columns = ["A", "B", "C", "D", "E", "F", "G", "H", "I"]
        for (number, title) in [(1, "TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU GIAI ĐOẠN 2021 – 2024"),
                                (2, "(Số liệu kết xuất từ phần mềm thống kê ngày 20/12/2024)")] {
            var row = SheetRow(number: number)
            row.set("A", .inline(title), style: number == 1 ? Style.title : Style.subtitle)
            sheet.rows.append(row)
            sheet.merges.append("A\(number):I\(number)")
        }
        let headings = ["STT", "Đơn vị", "Chỉ tiêu", "ĐVT", "Thực hiện 2021", "Thực hiện 2022", "Thực hiện 2023", "Kế hoạch 2024", "Thực hiện 2024"]
        var header = SheetRow(number: 3)
        for (column, text) in zip(columns, headings) { header.set(column, .inline(text), style: Style.header) }
        sheet.rows.append(header)
        let last = figures.filter { $0.year == 2024 }
        for (k, latest) in last.enumerated() {
            let number = 4 + k
            var row = SheetRow(number: number)
            row.set("A", .number(Double(k + 1)), style: Style.centered)
            row.set("B", .inline(latest.unit), style: Style.text)
            row.set("C", .inline(latest.indicator), style: Style.text)
            row.set("D", .inline(latest.measure), style: Style.centered)
            func plain(_ figure: Figure, _ value: Int) -> CellValue {
                .number(figure.isRate ? Double(value) / 10 : Double(value))
            }
            let style = latest.isRate ? Style.number : Style.integer
            for (column, year) in zip(["E", "F", "G"], 2021...2023) {
                let figure = figures.first { $0.year == year && $0.unit == latest.unit && $0.indicator == latest.indicator }!
                row.set(column, plain(figure, figure.actual), style: style)
            }
            if case .ceiling = latest.kind {
                row.set("H", .inline(Report.ceilingWords[2024]!), style: Style.centered)
                if latest.unit == Report.units[3].name {
                    truth.wide("Tổng hợp!H\(number)", "ceiling target as inline text \"≤ 5%\" (every district's \(latest.indicator) row); CSV kế hoạch 5")
                }
            } else if let target = latest.target {
                row.set("H", plain(latest, target), style: style)
            } else {
                row.set("H", .blank, style: style)
                truth.wide("Tổng hợp!H\(number)", "no 2024 target (empty cell) for \(latest.unit) / \(latest.indicator)")
            }
            row.set("I", plain(latest, latest.actual), style: style)
            if latest.indicator == Report.casefileName {
                truth.wide("Tổng hợp!G\(number)", "the 2023 count 1054 is a number here (text \"1.054\" in the report)")
            }
            if latest.unit == "VKSND thành phố Vị Thanh", latest.indicator == Report.tipsRateName {
                truth.wide("Tổng hợp!G\(number)", "rates are plain numbers (95.5 with ĐVT %), no percent style")
            }
            sheet.rows.append(row)
        }
        truth.wide("Tổng hợp!A3:I3", "header in row 3 under two merged title rows; one column per year (Thực hiện 2021 … Thực hiện 2024, Kế hoạch 2024): "
            + "years live in the header, not in a column; no target before 2024 (empty kế hoạch in the CSV for 2021–2023)")
        truth.wide("Tổng hợp", "every text cell is an inline string (t=\"inlineStr\"); the workbook has no xl/sharedStrings.xml")
        return sheet
    }
}

// MARK: - Hostile workbooks

private enum Hostile {
    /// What a password-protected workbook is: not a ZIP but an OLE2 compound file (CFB) holding
    /// EncryptionInfo and EncryptedPackage. The header's fields as a real one has them, then noise.
    /// A sheet named "2023" whose TH cell F6 holds the text "abc": the message must say `[2023]!F6`.
    static func badCell() -> Worksheet {
        var sheet = Worksheet(name: "2023")
        let header = ["STT", "Đơn vị", "Chỉ tiêu", "ĐVT", "KH", "TH"]
        var row = SheetRow(number: 4)
        for (i, name) in header.enumerated() { row.set(String(UnicodeScalar(UInt8(65 + i))), .text(name)) }
        sheet.rows.append(row)
        for (number, unit, actual) in [(5, "Phòng 7", CellValue.number(74)), (6, "Phòng 8", CellValue.text("abc"))] {
            var data = SheetRow(number: number)
            data.set("A", .number(Double(number - 4)))
            data.set("B", .text(unit))
            data.set("C", .text("Số vụ án đã truy tố"))
            data.set("D", .text("vụ"))
            data.set("E", .number(70))
            data.set("F", actual)
            sheet.rows.append(data)
        }
        return sheet
    }

    /// The bad-cell sheet with 74 for "abc", its parts kept as deflate's stored blocks, then one digit
    /// of the stored sheet changed (74 → 94) after the ZIP was written: every size still agrees,
    /// only the CRC-32 tells (Excel refuses such a file).
    static func changedDigit() throws -> [UInt8] {
        var sheet = badCell()
        sheet.rows[2].set("F", .number(74))
        var bytes = try XLSX.package([.model(sheet)], level: 0)
        let needle = Array("<v>74</v>".utf8)
        guard let at = (0...(bytes.count - needle.count)).first(where: { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }) else {
            throw StressError("the stored sheet has no <v>74</v> to change")
        }
        bytes[at + 3] = UInt8(ascii: "9")
        return bytes
    }

    /// Two sheets, the second's part renamed in the ZIP to the first's name: two parts of one name,
    /// each with its own good checksum. LibreOffice and Python read the last, a first-match reader the first.
    static func twoPartsOfOneName() throws -> [UInt8] {
        var other = badCell()
        other.rows[1].set("F", .number(740))
        other.rows[2].set("F", .number(740))
        var bytes = try XLSX.package([.model(badCell()), .model(other)])
        let from = Array("xl/worksheets/sheet2.xml".utf8), to = Array("xl/worksheets/sheet1.xml".utf8)
        var at = 0
        while at + from.count <= bytes.count {
            if bytes[at..<(at + from.count)].elementsEqual(from) { bytes.replaceSubrange(at..<(at + from.count), with: to) }
            at += 1
        }
        return bytes
    }

    /// 400 sheets whose relationships all point at the first one's part: read once per sheet, a
    /// 250 MB part took 5½ minutes. Excel never writes it.
    static func manySheetsOnOnePart() throws -> [UInt8] {
        var sheet = badCell()
        sheet.rows[2].set("F", .number(74))
        let others = (2...400).map { XLSX.SheetSource.model(Worksheet(name: "Trang \($0)")) }
        return try XLSX.package([.model(sheet)] + others, part: { _ in 1 })
    }

    /// A good table whose title row is merged a million times over (a macro that re-merged it
    /// on every run): 116 KB that once took 11 minutes to read.
    static func repeatedMerges() -> Worksheet {
        var sheet = badCell()
        sheet.rows[2].set("F", .number(74))
        var title = SheetRow(number: 2)
        title.set("A", .text("BÁO CÁO KẾT QUẢ NĂM 2023"))
        sheet.rows.insert(title, at: 0)
        sheet.merges = Array(repeating: "A2:F2", count: 1_000_000)
        return sheet
    }

    /// A good table under one 1 MB text merged over A200:XFD321 (1,998,000 cells, under the merge
    /// budget): filled cell by cell it reaches a gigabyte in its first row.
    static func mergeBomb() -> Worksheet {
        var sheet = badCell()
        sheet.rows[2].set("F", .number(74))
        var bomb = SheetRow(number: 200)
        bomb.set("A", .text(String(repeating: "Tổng hợp ", count: 100_000)))
        sheet.rows.append(bomb)
        sheet.merges = ["A200:XFD321"]
        return sheet
    }

    /// The fewest parts a reader needs, a unit's shared string holding the byte F2 (ò in
    /// Windows-1258) where UTF-8 needs two: another program's export, read as "Ph�ng 7".
    static func textNotUTF8() throws -> [UInt8] {
        var zip = ZipBuilder()
        try zip.add("xl/workbook.xml", "<workbook><sheets><sheet name=\"2023\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
        try zip.add("xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>")
        try zip.add("xl/sharedStrings.xml", Array("<sst><si><t>Đơn vị</t></si><si><t>Chỉ tiêu</t></si><si><t>KH</t></si><si><t>TH</t></si><si><t>Ph".utf8)
                    + [0xF2] + Array("ng 7</t></si></sst>".utf8))
        let header = (0..<4).map { "<c r=\"\(XLSX.columnLetters($0 + 1))1\" t=\"s\"><v>\($0)</v></c>" }.joined()
        try zip.add("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\">\(header)</row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c>"
                    + "<c r=\"B2\" t=\"inlineStr\"><is><t>Số vụ án đã truy tố</t></is></c><c r=\"C2\"><v>70</v></c><c r=\"D2\"><v>74</v></c></row></sheetData></worksheet>")
        return zip.finished()
    }

    /// An old sheet typed in the TCVN3 (.VnTime) font: its text, read as Windows shows the bytes,
    /// is "Tæng céng" for "Tổng cộng". Written here byte by byte from the TCVN3 letters used.
    static func legacyFont() -> Worksheet {
        // Each TCVN3 byte's letter, from the reader's own table, turned round: the byte shows
        // as the Latin-1 character with its number.
        var tcvn3: [Character: Character] = [:]
        for byte in UInt8(0x80)...UInt8(0xFF) {
            if let letter = LegacyVietnamese.tcvn3.decode(bytes: [byte]).first, !letter.isASCII, tcvn3[letter] == nil {
                tcvn3[letter] = Character(Unicode.Scalar(byte))
            }
        }
        func typed(_ text: String) -> String { String(text.map { tcvn3[$0] ?? $0 }) }
        var sheet = Worksheet(name: "2023")
        var row = SheetRow(number: 1)
        for (i, name) in ["năm", "đơn vị", "chỉ tiêu", "kế hoạch", "thực hiện"].enumerated() { row.set(String(UnicodeScalar(UInt8(65 + i))), .text(typed(name))) }
        sheet.rows.append(row)
        let data: [(String, String, Double, Double)] = [
            ("Phòng tổng hợp", "Số báo cáo gửi đúng hạn", 48, 47),
            ("Phòng tổng hợp", "Số cuộc kiểm tra nội bộ", 6, 7),
            ("Viện kiểm sát huyện Châu Thành", "Số vụ án đã truy tố", 60, 64),
            ("Viện kiểm sát huyện Châu Thành", "Số bị can đã truy tố", 90, 95),
            ("Viện kiểm sát thị xã Long Mỹ", "Số vụ án đã truy tố", 40, 38),
            ("Viện kiểm sát thị xã Long Mỹ", "Số bị can đã truy tố", 55, 51),
        ]
        for (i, (unit, indicator, target, actual)) in data.enumerated() {
            var r = SheetRow(number: i + 2)
            r.set("A", .number(2023))
            r.set("B", .text(typed(unit)))
            r.set("C", .text(typed(indicator)))
            r.set("D", .number(target))
            r.set("E", .number(actual))
            sheet.rows.append(r)
        }
        return sheet
    }

    static func compoundFile() -> [UInt8] {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        bytes += [UInt8](repeating: 0, count: 16)       // CLSID
        bytes.le16(0x003E)                              // minor version
        bytes.le16(0x0003)                              // major version 3: 512-byte sectors
        bytes.le16(0xFFFE)                              // byte order
        bytes.le16(0x0009)                              // sector shift
        bytes.le16(0x0006)                              // mini sector shift
        bytes += [UInt8](repeating: 0, count: 6)
        bytes.le32(0)                                   // directory sectors
        bytes.le32(1)                                   // FAT sectors
        bytes.le32(1)                                   // first directory sector
        bytes.le32(0)                                   // transaction signature
        bytes.le32(0x1000)                              // mini stream cutoff
        var random = SplitMix(seed: 0xD0CF_11E0)
        while bytes.count < 8192 { bytes.append(UInt8(truncatingIfNeeded: random.next())) }
        return bytes
    }

    static let bombSize = 600_000_000

    /// A sheet that inflates to 600 MB of spaces between `<sheetData>` and its one row: well-formed
    /// XML, so only a size limit stops a reader. Deflated as it is generated, a megabyte at a time,
    /// once for both bombs.
    static func bombSheet() throws -> Deflater {
        try ZipBuilder.deflate(level: 9) { sink in
            try sink.append(XLSX.sheetHead(dimension: "A1", selected: true, widths: []))
            try sink.flush()
            let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 1 << 20)
            var left = bombSize
            try spaces.withUnsafeBytes { buffer in
                while left > 0 {
                    let n = min(left, buffer.count)
                    try sink.deflater.write(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                    left -= n
                }
            }
            try sink.append("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>bom</t></is></c></row></sheetData>" + XLSX.pageMargins + "</worksheet>")
        }
    }

    /// A workbook around that sheet; `statedSize` makes both ZIP headers lie about its inflated size.
    static func bomb(_ sheet: Deflater, statedSize: UInt32?) throws -> [UInt8] {
        var zip = ZipBuilder()
        try zip.add("[Content_Types].xml", XLSX.contentTypes(sheets: 1, shared: false))
        try zip.add("_rels/.rels", XLSX.rootRelationships)
        try zip.add("xl/workbook.xml", XLSX.workbook([.model(Worksheet(name: "Sheet1"))]))
        try zip.add("xl/_rels/workbook.xml.rels", XLSX.workbookRelationships(sheets: 1, shared: false))
        try zip.add("xl/worksheets/sheet1.xml", deflated: sheet, statedSize: statedSize)
        try zip.add("xl/styles.xml", XLSX.styles)
        try zip.add("docProps/core.xml", XLSX.core)
        try zip.add("docProps/app.xml", XLSX.app(["Sheet1"]))
        return zip.finished()
    }
}

// MARK: - truth.txt

private struct Truth {
    private var reportLines: [String] = []
    private var wideLines: [String] = []
    private var hostileLines: [String] = []

    mutating func report(_ place: String, _ what: String) { reportLines.append("  \(place): \(what)") }
    mutating func wide(_ place: String, _ what: String) { wideLines.append("  \(place): \(what)") }

    mutating func hostile(halfOf size: Int) {
        hostileLines = [
            "  hong.xlsx: bao-cao-2021-2024.xlsx cut to its first \(size / 2) of \(size) bytes: local headers and some parts, no central directory, no end record",
            "  mat-khau.xlsx: an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1, a CFB header, then noise) as a password-protected workbook is; not a ZIP",
            "  khong-co-bang.xlsx: a valid workbook with one sheet \"Ghi chú\" of notes (A1:A7), no header row, no table",
            "  bom-nen.xlsx: xl/worksheets/sheet1.xml inflates to \(Hostile.bombSize) spaces inside <sheetData> plus one cell (A1 \"bom\"); "
                + "the central directory and local header state the true size",
            "  bom-nen-gia.xlsx: the same entry, but both its local header and its central directory state an uncompressed size of 1000 bytes",
            "  sai-so.xlsx: sheet 2023, header in row 4; F6 (TH of Phòng 8) holds the text \"abc\"",
            "  tcvn3.xlsx: sheet 2023 typed in the TCVN3 (.VnTime) font: \"Phßng tæng hîp\" for \"Phòng tổng hợp\"",
        ]
    }

    var text: String {
        """
        tongket-stress workbooks: where each quirk sits (sheet!cell). Every value is in the CSV twin,
        written as an analyst would type it (rates as the percentage shown, 95.5; counts without
        grouping, 1054; ceilings as their number, 5), without total rows; hidden rows are data, hidden
        sheets are not.

        bao-cao-2021-2024.xlsx (sheets 2021, 2022, 2023, 2024, Ghi chú, Tạm [hidden]; twin bao-cao-2021-2024.csv):
        \(reportLines.joined(separator: "\n"))

        chi-tieu-wide.xlsx (sheet Tổng hợp; twin chi-tieu-wide.csv):
        \(wideLines.joined(separator: "\n"))

        hostile:
        \(hostileLines.joined(separator: "\n"))

        """
    }
}

// MARK: - workbook-large

/// `tongket-stress workbook-large ROWS FILE`: a canonical long-layout workbook, the shape the
/// reader's fast path sees: `year | unit | indicator | unit_of_measure | target | actual` in row 1,
/// then ROWS rows of 2,000 units × 50 indicators a year from 2021 on, names as shared strings,
/// numbers as numeric cells. The sheet is streamed through the deflater a quarter megabyte at a time.
enum LargeWorkbook {
    static let unitCount = 2000
    static let indicatorCount = 50
    static let maximumRows = 1_048_575

    static func write(rows: Int, to path: String) throws {
        guard rows <= maximumRows else { throw StressError("a sheet holds at most \(maximumRows) data rows (Excel's 1,048,576 rows less the header)") }
        let strings = SharedStrings()
        let headings = ["year", "unit", "indicator", "unit_of_measure", "target", "actual"]
        for heading in headings { strings.register(heading) }
        let districts = ["Châu Thành", "Châu Thành A", "Phụng Hiệp", "Vị Thủy", "Long Mỹ", "Ngã Bảy", "Vị Thanh", "Cái Răng"]
        let topics: [(String, String)] = [
            ("Số tố giác, tin báo về tội phạm đã kiểm sát", "tin"), ("Số vụ án hình sự đã truy tố", "vụ"), ("Số bị can đã truy tố", "bị can"),
            ("Số vụ, việc dân sự đã kiểm sát", "vụ việc"), ("Số cuộc kiểm sát trực tiếp", "cuộc"), ("Số kháng nghị phúc thẩm", "kháng nghị"),
            ("Số kiến nghị đã ban hành", "kiến nghị"), ("Số đơn khiếu nại, tố cáo đã giải quyết", "đơn"), ("Số hồ sơ đã kiểm sát", "hồ sơ"),
            ("Tỷ lệ giải quyết tố giác, tin báo về tội phạm", "%"),
        ]
        let measureIDs = topics.map { strings.register($0.1) }
        let indicatorIDs = (0..<indicatorCount).map { i in
            strings.register("\(topics[i % topics.count].0) (nhóm \(i / topics.count + 1))")
        }
        let unitIDs = (0..<unitCount).map { u in strings.register("VKSND \(districts[u % districts.count]) – đơn vị \(u + 1)") }
        strings.references = headings.count + 3 * rows

        let sheet = XLSX.SheetSource.stream(name: "Sheet1", dimension: "A1:F\(rows + 1)", widths: []) { sink, _ in
            var headerRow = "<row r=\"1\" spans=\"1:6\">"
            for (i, _) in headings.enumerated() {
                headerRow += "<c r=\"\(XLSX.columnLetters(i + 1))1\" t=\"s\"><v>\(i)</v></c>"
            }
            try sink.append(headerRow + "</row>")
            var random = SplitMix(seed: 20_241_220)
            let perYear = unitCount * indicatorCount
            for r in 0..<rows {
                let year = 2021 + r / perYear
                let unit = (r % perYear) / indicatorCount
                let indicator = r % indicatorCount
                let topic = indicator % topics.count
                let roll = Int(random.next() % 1_000_000)
                let target: Int, actual: Int
                let rate = topics[topic].1 == "%"
                if rate {
                    target = 900
                    actual = 600 + roll % 400
                } else {
                    // The unit and the indicator set the plan, a little higher each year; the year's luck the result.
                    target = 20 + (unit &* 7919 &+ indicator &* 104_729) % 600 + (year - 2021) * 3
                    actual = target * (80 + roll % 41) / 100
                }
                let n = r + 2
                sink.withBuffer { b in
                    b += #"<row r=""#.utf8; b.decimal(n); b += #"" spans="1:6"><c r="A"#.utf8; b.decimal(n)
                    b += #""><v>"#.utf8; b.decimal(year); b += #"</v></c><c r="B"#.utf8; b.decimal(n)
                    b += #"" t="s"><v>"#.utf8; b.decimal(unitIDs[unit]); b += #"</v></c><c r="C"#.utf8; b.decimal(n)
                    b += #"" t="s"><v>"#.utf8; b.decimal(indicatorIDs[indicator]); b += #"</v></c><c r="D"#.utf8; b.decimal(n)
                    b += #"" t="s"><v>"#.utf8; b.decimal(measureIDs[topic]); b += #"</v></c><c r="E"#.utf8; b.decimal(n)
                    b += #""><v>"#.utf8
                    if rate { b.tenths(target) } else { b.decimal(target) }
                    b += #"</v></c><c r="F"#.utf8; b.decimal(n); b += #""><v>"#.utf8
                    if rate { b.tenths(actual) } else { b.decimal(actual) }
                    b += #"</v></c></row>"#.utf8
                }
                try sink.flushIfFull()
            }
        }
        let bytes = try XLSX.package([sheet], strings: strings)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw StressError("cannot write \(path)") }
    }
}

extension [UInt8] {
    /// 875 as 87.5, 900 as 90: a rate in tenths of a percent as the percentage.
    mutating func tenths(_ value: Int) {
        decimal(value / 10)
        if value % 10 != 0 {
            append(UInt8(ascii: "."))
            append(UInt8(48 + value % 10))
        }
    }
}
