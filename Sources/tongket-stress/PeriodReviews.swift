import Foundation

/// A police department's review files as the office keeps them for its sơ kết and tổng kết: one CSV
/// per review, the period only in the title line ("BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2024") and the
/// file name, the year's target ("KH năm") on every row, 2022–2024:
///
///     cong-an/so-ket-6-thang-YYYY.csv    the first half of each year
///     cong-an/tong-ket-nam-YYYY.csv      each whole year
///     truth-periods.csv                  every province figure a reader must give, per year and period
///
/// Written by `tongket-stress offices` beside the other offices' files.
enum PeriodReviews {
    static let units = ["Công an TP Cần Thơ", "Công an huyện Phong Điền", "Công an huyện Cờ Đỏ", "Công an quận Ninh Kiều"]
    static let years = [2022, 2023, 2024]

    struct Indicator: Sendable {
        let name, measure, target: String
        /// The target as a number (the year's; a rate's threshold).
        let targetValue: @Sendable (Int, Int) -> Double
        /// The result of a unit (index), year and half: `half` true for the first six months.
        let value: @Sendable (Int, Int, Bool) -> Double
        let direction: String
        var isRate: Bool { measure == "%" }
    }

    static let indicators: [Indicator] = [
        Indicator(name: "Số vụ phạm pháp hình sự được điều tra làm rõ", measure: "vụ", target: "", targetValue: { u, y in Double(120 + u * 30 + (y - 2022) * 10) },
                  value: { u, y, half in Double((half ? 52 : 118) + u * (half ? 14 : 31) + (y - 2022) * (half ? 5 : 9)) }, direction: "higher"),
        Indicator(name: "Tỷ lệ điều tra khám phá án hình sự", measure: "%", target: "≥ 80%", targetValue: { _, _ in 80 },
                  value: { u, y, half in Double(780 + u * 9 + (y - 2022) * (half ? 4 : 6) + (half ? 0 : 15)) / 10 }, direction: "higher"),
        Indicator(name: "Số vụ án quá hạn điều tra", measure: "vụ", target: "Không quá 3", targetValue: { _, _ in 3 },
                  value: { u, y, half in Double((u + y) % 3 + (half ? 0 : 1) + (u == 3 && y == 2024 && half ? 3 : 0)) }, direction: "lower"),
    ]

    static func write(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder + "/cong-an", withIntermediateDirectories: true)
        for year in years {
            for half in [true, false] {
                let name = half ? "cong-an/so-ket-6-thang-\(year).csv" : "cong-an/tong-ket-nam-\(year).csv"
                try WorkbookExports.save([0xEF, 0xBB, 0xBF] + Array(file(year: year, half: half).utf8), folder, name)
            }
        }
        try WorkbookExports.save(Array(truth().utf8), folder, "truth-periods.csv")
    }

    static func shown(_ value: Double, _ indicator: Indicator) -> String {
        let text = OfficeForms.plain(value).replacingOccurrences(of: ".", with: ",")
        return indicator.isRate ? text + "%" : text
    }

    static func file(year: Int, half: Bool) -> String {
        var lines = ["CÔNG AN THÀNH PHỐ CẦN THƠ,,,,",
                     (half ? "BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM \(year)" : "BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM \(year)") + ",,,,", ",,,,",
                     "Đơn vị,Chỉ tiêu,ĐVT,KH năm,TH"]
        for (u, unit) in units.enumerated() {
            for indicator in indicators {
                let target = indicator.target.isEmpty ? OfficeForms.plain(indicator.targetValue(u, year)) : indicator.target
                lines.append([unit, indicator.name, indicator.measure, target, shown(indicator.value(u, year, half), indicator)]
                    .map { OfficeForms.csvField($0) }.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The province figures as DESIGN §3 forms them with no total row: counts summed against the
    /// sum of the year's targets, the rate as the units' mean against their threshold, the ceiling
    /// summed against the sum of limits; a half-year is compared with the same half a year before,
    /// and a count's or a ceiling's half-year against the year's target is progress (undefined),
    /// a ceiling already passed broken, a rate judged as for a year.
    static func truth() -> String {
        var out = "year,period,indicator,target,actual,status,previous_actual\n"
        for half in [true, false] {
            for year in years {
                for indicator in indicators {
                    let values = units.indices.map { indicator.value($0, year, half) }
                    let previous = year > years[0] ? units.indices.map { indicator.value($0, year - 1, half) } : nil
                    let targets = units.indices.map { indicator.targetValue($0, year) }
                    let actual = indicator.isRate ? values.reduce(0, +) / Double(values.count) : values.reduce(0, +)
                    let before = previous.map { indicator.isRate ? $0.reduce(0, +) / Double($0.count) : $0.reduce(0, +) }
                    let target = indicator.isRate ? targets[0] : targets.reduce(0, +)
                    let status: String
                    switch (indicator.direction, half, indicator.isRate) {
                    case ("higher", false, _), ("higher", true, true): status = actual >= target ? "met" : "not_met"
                    case ("lower", false, _): status = actual <= target ? "met" : "not_met"
                    case ("lower", true, _): status = actual > target ? "not_met" : "undefined"
                    default: status = "undefined"
                    }
                    out += [String(year), half ? "6 tháng đầu năm" : "cả năm", indicator.name, OfficeForms.plain(target), OfficeForms.plain(actual), status,
                            OfficeForms.plain(before)].map { OfficeForms.csvField($0) }.joined(separator: ",") + "\n"
                }
            }
        }
        return out
    }
}
