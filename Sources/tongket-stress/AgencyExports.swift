import Foundation

/// `tongket-stress agencies FOLDER`: exports from two agencies that are not the bundled procuracy
/// sample, with the traps real exports carry planted at known places:
///
///     y-te/ketqua-2021.csv … ketqua-2024.csv            a health department (Sở Y tế), 13 units
///     kinh-te-xa-hoi/ketqua-2021.csv … ketqua-2024.csv  a province's results by district (UBND tỉnh)
///     truth.csv                                         what each indicator really is, where each trap sits
///
/// The files are for judging inference and loading against a known answer: directions that the
/// names hide ("Số vụ vi phạm được phát hiện, xử lý" is higher-is-better), rates that must never be
/// summed, ceilings met far under their limit, total rows, renamed units, spelling variants, typos.
/// Every value comes from fixed seeds and the names, so every run writes the same bytes.
enum AgencyExports {
    static let years = 2021...2024

    static func write(to folder: String) throws {
        var truth = TruthFile()
        for agency in [Agency.health, Agency.socioEconomic] {
            truth.describe(agency)
            for year in years {
                let path = "\(agency.folder)/ketqua-\(year).csv"
                let rows = try agency.rows(for: year)
                try save(agency.format.encode(rows), in: folder, path)
                truth.record(rows, in: path, of: agency)
            }
        }
        try save(truth.bytes, in: folder, "truth.csv")
    }

    private static func save(_ bytes: [UInt8], in folder: String, _ path: String) throws {
        let target = URL(fileURLWithPath: folder).appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw StressError("cannot create \(target.deletingLastPathComponent().path): \(error.localizedDescription)")
        }
        guard FileManager.default.createFile(atPath: target.path, contents: Data(bytes)) else { throw StressError("cannot write \(target.path)") }
    }
}

// MARK: - What an agency reports
// Everything below is private to this file: TongKetData has its own Direction and Rollup, and the
// rest of the target must keep seeing those.

private enum Direction: String, Sendable { case higher, lower }

/// How the province figure is formed from the units' figures.
private enum Rollup: String, Sendable { case sum, mean, none }

/// Which units report an indicator: a hospital does not count vaccinated infants.
private enum UnitGroup: String, Sendable {
    case district = "district units"
    case hospital = "provincial hospitals"
    case diseaseControl = "the disease-control centre"
    case population = "the population office"
}

private struct ReportingUnit: Sendable {
    /// The name up to 2022; also the key plants refer to.
    let name: String
    let group: UnitGroup
    /// Thousands of people served (districts) or a comparable workload (provincial units):
    /// counts scale with it, rates do not.
    let size: Double
    /// The name from `renameYear` on, when the unit was upgraded (huyện → thị xã).
    var renamed: String? = nil

    static let renameYear = 2023

    func name(in year: Int) -> String {
        if let renamed, year >= Self.renameYear { return renamed }
        return name
    }
}

/// How a unit's values move over 2021–2024. Arrays hold one value a year.
private enum Curve: Sendable {
    /// A count, `plan` per thousand of the unit's size. The target is the plan rounded as an office
    /// rounds it; the actual is the plan times `shock` (COVID in 2021, dengue in 2022) and the unit's
    /// luck. For a lower-is-better count the target is the ceiling, so a shock below 1 comes in far
    /// under it.
    case count(plan: [Double], shock: [Double], spread: Double, decimals: Int = 0, targeted: Bool = true)
    /// A rare event (deaths, poisonings) against a fixed ceiling; `rate` per thousand of size.
    case rare(ceiling: Double, rate: [Double])
    /// A rate, average or per-capita figure: `plan` is the target, `shock` is added to the actual.
    case level(plan: [Double], shock: [Double], spread: Double, decimals: Int, maximum: Double = .infinity)
}

private struct Indicator: Sendable {
    let name: String
    let measure: String
    let direction: Direction
    let rollup: Rollup
    let reporters: [UnitGroup]
    let curve: Curve
    var note: String = ""
}

/// A trap placed on purpose, by the unit and indicator names of the tables below.
private enum Plant: Sendable {
    /// The indicator is written differently in one year's file.
    case spelling(indicator: String, year: Int, written: String, what: String)
    /// One unit's count typed with an extra zero.
    case typo10x(indicator: String, unit: String, year: Int)
    /// A rate typed without its decimal comma: 91,5 becomes 915.
    case percentTypo(indicator: String, unit: String, year: Int)
    /// The total row was typed before a unit revised its figure.
    case staleTotal(indicator: String, year: Int, offBy: Double)
    /// No target was assigned to these units this year.
    case missingTargets(indicator: String, year: Int, units: [String])
}

/// One physical line of an export, with the names it was generated from kept beside the names
/// as written, so plants can find it whatever spelling the file uses.
private struct ExportRow: Sendable {
    let year: Int
    let unit: String
    let indicator: String
    let measure: String
    var target: Double?
    var actual: Double
    var decimals: Int
    let unitKey: String
    let indicatorKey: String
    var isTotal = false
    /// Notes for truth.csv, one per trap that sits on this line.
    var traps: [String] = []
}

private struct Agency: Sendable {
    let folder: String
    let units: [ReportingUnit]
    let indicators: [Indicator]
    let totalUnit: String
    let format: ExportFormat
    let plants: [Plant]

    /// One year's file: units in office order, each unit's indicators in table order, the total rows last.
    func rows(for year: Int) throws -> [ExportRow] {
        var rows: [ExportRow] = []
        for unit in units {
            for indicator in indicators where indicator.reporters.contains(unit.group) {
                let (target, actual, decimals) = indicator.curve.values(agency: folder, indicator: indicator.name, unit: unit, year: year)
                rows.append(ExportRow(year: year, unit: unit.name(in: year), indicator: written(indicator.name, in: year), measure: indicator.measure,
                                      target: target, actual: actual, decimals: decimals, unitKey: unit.name, indicatorKey: indicator.name))
            }
        }
        try plantInUnitRows(year, &rows)
        rows += totals(of: rows, year: year)
        try plantInTotals(year, &rows)
        markFirstOccurrences(year, &rows)
        return rows
    }

    private func written(_ indicator: String, in year: Int) -> String {
        for case let .spelling(name, plantYear, spelling, _) in plants where name == indicator && plantYear == year { return spelling }
        return indicator
    }

    private func plantInUnitRows(_ year: Int, _ rows: inout [ExportRow]) throws {
        for plant in plants {
            switch plant {
            case let .typo10x(indicator, unit, plantYear) where plantYear == year:
                let i = try index(of: indicator, unit: unit, in: rows)
                let meant = rows[i].actual
                rows[i].actual = meant * 10
                rows[i].traps.append("typo-10x \(plain(meant, rows[i].decimals)) written as \(plain(rows[i].actual, rows[i].decimals)); the total row includes it")
            case let .percentTypo(indicator, unit, plantYear) where plantYear == year:
                let i = try index(of: indicator, unit: unit, in: rows)
                let meant = rows[i].actual
                // The decimal comma was lost: every digit kept, the value ten times too large.
                rows[i].actual = (meant * 10).rounded()
                rows[i].decimals = 0
                rows[i].traps.append("percent-over-100 \(plain(rows[i].actual, 0)) for \(plain(meant, 1)) (decimal comma lost); the total row's average includes it")
            case let .missingTargets(indicator, plantYear, units) where plantYear == year:
                for unit in units {
                    let i = try index(of: indicator, unit: unit, in: rows)
                    rows[i].target = nil
                    rows[i].traps.append("missing-target \(units.count) of \(rows.filter { $0.indicatorKey == indicator }.count) units have no target for this indicator this year")
                }
            default:
                continue
            }
        }
    }

    /// What an analyst's Excel total gives: SUM for counts, AVERAGE for rates, over the cells as
    /// typed (typos included); an empty target cell is skipped, as SUM and AVERAGE skip it.
    private func totals(of rows: [ExportRow], year: Int) -> [ExportRow] {
        indicators.compactMap { indicator in
            let reported = rows.filter { $0.indicatorKey == indicator.name }
            guard let first = reported.first else { return nil }
            let targets = reported.compactMap(\.target)
            let decimals = reported.map(\.decimals).max() ?? 0
            func excel(_ values: [Double]) -> Double? {
                guard !values.isEmpty else { return nil }
                let sum = values.reduce(0, +)
                return indicator.rollup == .sum ? rounded(sum, decimals) : rounded(sum / Double(values.count), max(decimals, 1))
            }
            return ExportRow(year: year, unit: totalUnit, indicator: first.indicator, measure: indicator.measure,
                             target: excel(targets), actual: excel(reported.map(\.actual)) ?? 0,
                             decimals: indicator.rollup == .sum ? decimals : max(decimals, 1),
                             unitKey: totalUnit, indicatorKey: indicator.name, isTotal: true)
        }
    }

    private func plantInTotals(_ year: Int, _ rows: inout [ExportRow]) throws {
        for case let .staleTotal(indicator, plantYear, offBy) in plants where plantYear == year {
            let i = try index(of: indicator, unit: totalUnit, in: rows)
            let sum = rows[i].actual
            rows[i].actual = sum + offBy
            rows[i].traps.append("stale-total written \(plain(rows[i].actual, rows[i].decimals)) but the units sum to \(plain(sum, rows[i].decimals)) (an old total not updated)")
        }
    }

    /// Traps that are a property of the whole file are recorded at their first line.
    private func markFirstOccurrences(_ year: Int, _ rows: inout [ExportRow]) {
        if let i = rows.firstIndex(where: \.isTotal) {
            let lines = "lines \(i + 2)-\(rows.count + 1)"
            rows[i].traps.append("total-row \"\(totalUnit)\" on \(lines): SUM of counts, AVERAGE of rates, as Excel gives; not a unit")
        }
        if year == ReportingUnit.renameYear {
            for unit in units {
                guard let renamed = unit.renamed, let i = rows.firstIndex(where: { $0.unitKey == unit.name }) else { continue }
                rows[i].traps.append("rename \(unit.name) -> \(renamed) (from \(year); same unit)")
            }
        }
        for case let .spelling(indicator, plantYear, written, what) in plants where plantYear == year {
            guard let i = rows.firstIndex(where: { $0.indicatorKey == indicator }) else { continue }
            // An NFD name looks exactly like the NFC one; quoting it would only put NFD into truth.csv.
            let shown = written.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(indicator.unicodeScalars) ? "" : "\"\(written)\" for "
            rows[i].traps.append("spelling-variant \(what): \(shown)\"\(indicator)\", on every row of it in this file")
        }
        if year == AgencyExports.years.lowerBound {
            for indicator in indicators {
                let reporting = rows.filter { $0.indicatorKey == indicator.name && !$0.isTotal }
                guard reporting.count == 1, let i = rows.firstIndex(where: { $0.indicatorKey == indicator.name }) else { continue }
                rows[i].traps.append("single-unit only \(reporting[0].unit) reports \"\(indicator.name)\", every year")
            }
        }
    }

    private func index(of indicator: String, unit: String, in rows: [ExportRow]) throws -> Int {
        // A plant that matches nothing would silently drop a trap from the truth: refuse instead.
        guard let i = rows.firstIndex(where: { $0.indicatorKey == indicator && $0.unitKey == unit }) else {
            throw StressError("\(folder): a plant names \"\(indicator)\" for \"\(unit)\", which has no such row")
        }
        return i
    }
}

// MARK: - Values

private extension Curve {
    /// Target, actual and decimals for one unit, indicator and year. A unit's `bias` lasts across the
    /// years (a district is consistently strong or weak, and its targets are set knowing that); `luck`
    /// is the year's own.
    func values(agency: String, indicator: String, unit: ReportingUnit, year: Int) -> (target: Double?, actual: Double, decimals: Int) {
        let y = year - AgencyExports.years.lowerBound
        let bias = Noise.signed(agency, indicator, unit.name)
        let luck = Noise.signed(agency, indicator, unit.name, String(year))
        switch self {
        case let .count(plan, shock, spread, decimals, targeted):
            let expected = plan[y] * unit.size * (1 + 0.6 * spread * bias)
            let actual = rounded(expected * shock[y] * (1 + 0.4 * spread * luck), decimals)
            return (targeted ? officeRound(expected) : nil, max(actual, 0), decimals)
        case let .rare(ceiling, rate):
            let expected = rate[y] * unit.size * (1 + 0.5 * bias)
            var stream = Noise.stream(agency, indicator, unit.name, String(year), "events")
            return (ceiling, Double(binomial(expected, &stream)), 0)
        case let .level(plan, shock, spread, decimals, maximum):
            let expected = plan[y] + 0.6 * spread * bias
            // Offices set round targets whatever the precision reported: 92,5 % or 85 %, but 3,4 % and 9,8 ‰.
            let step = decimals == 0 ? 1 : expected >= 20 ? 0.5 : 0.1
            let target = min((expected / step).rounded() * step, maximum)
            let actual = rounded(expected + shock[y] + 0.4 * spread * luck, decimals)
            return (target, min(max(actual, 0), maximum), decimals)
        }
    }

    /// Events as a binomial of 40 trials, close to Poisson for these small means and free of libm
    /// calls (`exp`), whose last bits may differ between platforms and change the bytes.
    private func binomial(_ mean: Double, _ stream: inout SplitMix) -> Int {
        let trials = 40
        let p = min(max(mean, 0) / Double(trials), 1)
        return (0..<trials).reduce(0) { count, _ in count + (Noise.fraction(stream.next()) < p ? 1 : 0) }
    }
}

/// Targets as a provincial plan writes them: 13.000 lượt, 850 trẻ, 45 vụ, 7 trạm.
private func officeRound(_ value: Double) -> Double {
    let step: Double = switch value {
    case ..<20: 1
    case ..<100: 5
    case ..<1_000: 10
    case ..<10_000: 50
    default: 500
    }
    return (value / step).rounded() * step
}

private func rounded(_ value: Double, _ decimals: Int) -> Double {
    let scale = [1.0, 10, 100, 1_000][decimals]
    return (value * scale).rounded() / scale
}

/// Plain digits for truth.csv notes ("13250", "91.5"), so a note never needs the export's locale.
private func plain(_ value: Double, _ decimals: Int) -> String {
    VietnameseNumber.format(value, decimals: decimals).replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
}

/// Deterministic noise from names, not from one shared stream: adding an indicator or a unit changes
/// no other value. Names go through FNV-1a because Swift's `Hasher` is seeded anew in every process.
private enum Noise {
    static let seed: UInt64 = 2024

    static func stream(_ parts: String...) -> SplitMix { hashed(parts) }

    static func signed(_ parts: String...) -> Double {
        var random = hashed(parts)
        return fraction(random.next()) * 2 - 1
    }

    /// A uniform value in [0, 1) from the top 53 bits: exact, the same on every machine.
    static func fraction(_ bits: UInt64) -> Double { Double(bits >> 11) * 0x1p-53 }

    private static func hashed(_ parts: [String]) -> SplitMix {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for byte in parts.joined(separator: "|").utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return SplitMix(seed: hash)
    }
}

// MARK: - Bytes

/// Vietnamese numbers as Excel writes them in the General format: 1.054 and 85,5, no trailing zeros.
private enum VietnameseNumber {
    static func format(_ value: Double, decimals: Int) -> String {
        let scale = [1, 10, 100, 1_000][decimals]
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let digits = Array(String(scaled / scale))
        var whole = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { whole.append(".") }
            whole.append(digit)
        }
        var fraction = String(scaled % scale)
        fraction = String(repeating: "0", count: max(decimals - fraction.count, 0)) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (value < 0 ? "-" : "") + whole + (decimals > 0 && !fraction.isEmpty ? "," + fraction : "")
    }
}

private struct ExportFormat: Sendable {
    let delimiter: String
    let byteOrderMark: Bool
    let lineEnd: String
    /// Whether the file has an ĐVT (measure) column.
    let measureColumn: Bool

    var header: [String] {
        measureColumn ? ["Năm", "Đơn vị", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"] : ["Năm", "Đơn vị", "Chỉ tiêu", "Kế hoạch", "Thực hiện"]
    }

    func encode(_ rows: [ExportRow]) -> [UInt8] {
        var text = line(header)
        for row in rows {
            var fields = [String(row.year), row.unit, row.indicator]
            if measureColumn { fields.append(row.measure) }
            fields.append(row.target.map { VietnameseNumber.format($0, decimals: row.decimals) } ?? "")
            fields.append(VietnameseNumber.format(row.actual, decimals: row.decimals))
            text += line(fields)
        }
        // `.utf8` keeps the scalars as they are, so an NFD name stays NFD on disk.
        return (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    }

    private func line(_ fields: [String]) -> String {
        fields.map { quoted($0, delimiter: delimiter) }.joined(separator: delimiter) + lineEnd
    }
}

/// RFC 4180: quote a field holding the delimiter, a quote or a line break, doubling its quotes.
private func quoted(_ field: String, delimiter: String) -> String {
    guard field.contains(delimiter) || field.contains("\"") || field.contains("\n") || field.contains("\r") else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// truth.csv: one row per indicator, one per trap, UTF-8, comma-separated, LF.
private struct TruthFile {
    private var lines = ["agency,kind,name,direction,rollup,note"]

    var bytes: [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) }

    mutating func describe(_ agency: Agency) {
        for indicator in agency.indicators {
            let reporters = indicator.reporters.map(\.rawValue).joined(separator: " + ")
            var note = "ĐVT \(indicator.measure); reported by \(reporters)"
            if !agency.format.measureColumn { note += "; the file has no ĐVT column" }
            if !indicator.note.isEmpty { note += "; " + indicator.note }
            append([agency.folder, "indicator", indicator.name, indicator.direction.rawValue, indicator.rollup.rawValue, note])
        }
    }

    mutating func record(_ rows: [ExportRow], in path: String, of agency: Agency) {
        for (i, row) in rows.enumerated() {
            for trap in row.traps { append([agency.folder, "trap", "\(path):\(i + 2)", "", "", trap]) }
        }
    }

    private mutating func append(_ fields: [String]) {
        lines.append(fields.map { quoted($0, delimiter: ",") }.joined(separator: ","))
    }
}

// MARK: - The two agencies

private extension Agency {
    /// Sở Y tế: the provincial units first, then the district health centres, as its reports list them.
    /// Comma-delimited with a BOM and an ĐVT column, LF line ends.
    static let health = Agency(
        folder: "y-te",
        units: [
            ReportingUnit(name: "Bệnh viện Đa khoa tỉnh", group: .hospital, size: 300),
            ReportingUnit(name: "Bệnh viện Sản - Nhi", group: .hospital, size: 140),
            ReportingUnit(name: "Trung tâm Kiểm soát bệnh tật tỉnh", group: .diseaseControl, size: 20),
            ReportingUnit(name: "Chi cục Dân số - Kế hoạch hóa gia đình", group: .population, size: 1),
        ] + districts.map { district in
            ReportingUnit(name: "Trung tâm Y tế " + district.name.lowercasedKind, group: .district, size: district.size,
                          renamed: district.renamed.map { "Trung tâm Y tế " + $0.lowercasedKind })
        },
        indicators: healthIndicators,
        totalUnit: "Tổng cộng",
        format: ExportFormat(delimiter: ",", byteOrderMark: true, lineEnd: "\n", measureColumn: true),
        plants: [
            .spelling(indicator: "Công suất sử dụng giường bệnh", year: 2022, written: "Công suất sử dụng Giường bệnh", what: "capital G"),
            .spelling(indicator: "Số lượt khám bệnh", year: 2023, written: "Số lượt khám bệnh ", what: "trailing space"),
            .spelling(indicator: "Số lượt khám bệnh", year: 2024, written: "Số  lượt khám bệnh", what: "double space"),
            .staleTotal(indicator: "Số lượt điều trị nội trú", year: 2022, offBy: -1_240),
            .typo10x(indicator: "Số lượt điều trị nội trú", unit: "Trung tâm Y tế huyện Thới Lai", year: 2024),
            .percentTypo(indicator: "Tỷ lệ dân số tham gia bảo hiểm y tế", unit: "Trung tâm Y tế huyện Châu Thành A", year: 2023),
        ]
    )

    /// UBND tỉnh: results by district. Semicolons, no BOM, CRLF, and none of the optional columns.
    static let socioEconomic = Agency(
        folder: "kinh-te-xa-hoi",
        units: districts,
        indicators: socioEconomicIndicators,
        totalUnit: "Toàn tỉnh",
        format: ExportFormat(delimiter: ";", byteOrderMark: false, lineEnd: "\r\n", measureColumn: false),
        plants: [
            .spelling(indicator: "Thời gian giải quyết hồ sơ đất đai", year: 2022,
                      written: "Thời gian giải quyết hồ sơ đất đai".decomposedStringWithCanonicalMapping, what: "NFD (decomposed diacritics)"),
            .spelling(indicator: "Tỷ lệ hộ nghèo", year: 2024, written: "Tỷ lệ hộ nghèo.", what: "trailing period"),
            .staleTotal(indicator: "Số hộ thoát nghèo", year: 2023, offBy: 137),
            .typo10x(indicator: "Số việc làm mới được tạo ra", unit: "Huyện Vị Thủy", year: 2022),
            .missingTargets(indicator: "Số km đường giao thông nông thôn được cứng hóa", year: 2022,
                            units: ["Thị xã Ngã Bảy", "Huyện Châu Thành", "Huyện Phong Điền"]),
        ]
    )

    /// The nine districts, in the order a provincial report lists them (city, towns, then rural districts);
    /// sizes are thousands of inhabitants.
    static let districts = [
        ReportingUnit(name: "Thành phố Vị Thanh", group: .district, size: 76),
        ReportingUnit(name: "Thị xã Ngã Bảy", group: .district, size: 62),
        ReportingUnit(name: "Huyện Long Mỹ", group: .district, size: 60, renamed: "Thị xã Long Mỹ"),
        ReportingUnit(name: "Huyện Châu Thành", group: .district, size: 81),
        ReportingUnit(name: "Huyện Châu Thành A", group: .district, size: 100),
        ReportingUnit(name: "Huyện Phụng Hiệp", group: .district, size: 186),
        ReportingUnit(name: "Huyện Vị Thủy", group: .district, size: 99),
        ReportingUnit(name: "Huyện Phong Điền", group: .district, size: 104),
        ReportingUnit(name: "Huyện Thới Lai", group: .district, size: 121),
    ]

    // Years are 2021, 2022, 2023, 2024 in every array. 2021 is the COVID year (fewer visits, fewer
    // accidents, more urban unemployment, mass PCR testing), 2022 the dengue epidemic and the new
    // multidimensional poverty line (the poverty rate jumps), 2023 the vaccine shortage.
    static let healthIndicators: [Indicator] = [
        Indicator(name: "Số lượt khám bệnh", measure: "lượt", direction: .higher, rollup: .sum, reporters: [.district, .hospital, .diseaseControl],
                  curve: .count(plan: [1_050, 1_150, 1_200, 1_250], shock: [0.82, 1.04, 1.05, 1.03], spread: 0.15)),
        Indicator(name: "Số lượt điều trị nội trú", measure: "lượt", direction: .higher, rollup: .sum, reporters: [.district, .hospital],
                  curve: .count(plan: [95, 100, 104, 108], shock: [0.85, 1.03, 1.04, 1.02], spread: 0.15)),
        Indicator(name: "Số ca phẫu thuật", measure: "ca", direction: .higher, rollup: .sum, reporters: [.hospital],
                  curve: .count(plan: [38, 41, 43, 45], shock: [0.9, 1.03, 1.05, 1.04], spread: 0.1), note: "the two hospitals only"),
        Indicator(name: "Công suất sử dụng giường bệnh", measure: "%", direction: .higher, rollup: .mean, reporters: [.district, .hospital],
                  curve: .level(plan: [85, 90, 90, 92], shock: [-8, 2, 3, 2], spread: 14, decimals: 1, maximum: 130),
                  note: "may exceed 100 % legitimately (beds shared by two patients)"),
        Indicator(name: "Thời gian chờ khám bệnh trung bình", measure: "phút", direction: .lower, rollup: .mean, reporters: [.district, .hospital],
                  curve: .level(plan: [60, 60, 50, 45], shock: [-22, -20, -14, -10], spread: 12, decimals: 0),
                  note: "a ceiling met far under its limit; no ceiling word in the name"),
        Indicator(name: "Tỷ lệ người bệnh hài lòng với dịch vụ y tế", measure: "%", direction: .higher, rollup: .mean, reporters: [.district, .hospital],
                  curve: .level(plan: [90, 92, 93, 94], shock: [0, 0.5, 0.8, 0.6], spread: 3, decimals: 1, maximum: 100)),
        Indicator(name: "Số trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", measure: "trẻ", direction: .higher, rollup: .sum, reporters: [.district],
                  curve: .count(plan: [14.5, 14.2, 13.9, 13.6], shock: [0.98, 1.01, 0.88, 1.02], spread: 0.06)),
        Indicator(name: "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin", measure: "%", direction: .higher, rollup: .mean,
                  reporters: [.district], curve: .level(plan: [95, 95, 95, 95], shock: [1, -0.5, -8, 0.2], spread: 2, decimals: 1, maximum: 100)),
        Indicator(name: "Số trạm y tế xã đạt chuẩn quốc gia", measure: "trạm", direction: .higher, rollup: .sum, reporters: [.district],
                  curve: .count(plan: [0.07, 0.075, 0.08, 0.085], shock: [0.97, 0.98, 0.99, 0.98], spread: 0.15),
                  note: "a stock (cumulative), not a flow"),
        Indicator(name: "Tỷ lệ trạm y tế xã có bác sĩ làm việc", measure: "%", direction: .higher, rollup: .mean, reporters: [.district],
                  curve: .level(plan: [85, 88, 90, 92], shock: [-1, 0, 0.5, 1], spread: 6, decimals: 1, maximum: 100)),
        Indicator(name: "Tỷ lệ phụ nữ đẻ được khám thai ít nhất 4 lần trong 3 thời kỳ", measure: "%", direction: .higher, rollup: .mean,
                  reporters: [.district], curve: .level(plan: [85, 87, 88, 90], shock: [-3, 0.5, 0.8, 1], spread: 4, decimals: 1, maximum: 100)),
        Indicator(name: "Tỷ lệ dân số tham gia bảo hiểm y tế", measure: "%", direction: .higher, rollup: .mean, reporters: [.district],
                  curve: .level(plan: [91, 92, 93, 94], shock: [0.4, -0.8, -0.5, 0.3], spread: 2.5, decimals: 1, maximum: 100)),
        Indicator(name: "Số giường bệnh trên 1 vạn dân", measure: "giường/vạn dân", direction: .higher, rollup: .mean, reporters: [.district],
                  curve: .level(plan: [18, 19, 20, 21], shock: [0, 0.2, 0.3, 0.2], spread: 4, decimals: 1),
                  note: "per capita: never summed; district beds only, so the mean is not the province's figure"),
        Indicator(name: "Số bác sĩ trên 1 vạn dân", measure: "bác sĩ/vạn dân", direction: .higher, rollup: .mean, reporters: [.district],
                  curve: .level(plan: [8.5, 9, 9.5, 10], shock: [0.1, -0.2, 0.1, 0.3], spread: 1.5, decimals: 1), note: "per capita: never summed"),
        Indicator(name: "Số ca mắc sốt xuất huyết", measure: "ca", direction: .lower, rollup: .sum, reporters: [.district],
                  curve: .count(plan: [1.6, 1.6, 1.5, 1.5], shock: [0.45, 2.2, 0.7, 1.05], spread: 0.25),
                  note: "ceiling: far under in 2021 and 2023, far over in the 2022 epidemic"),
        Indicator(name: "Số ca tử vong do sốt xuất huyết", measure: "ca", direction: .lower, rollup: .sum, reporters: [.district],
                  curve: .rare(ceiling: 0, rate: [0.001, 0.005, 0.001, 0.002]), note: "target 0: met only at 0, completion undefined"),
        Indicator(name: "Số vụ ngộ độc thực phẩm", measure: "vụ", direction: .lower, rollup: .sum, reporters: [.district],
                  curve: .rare(ceiling: 1, rate: [0.004, 0.007, 0.006, 0.005])),
        Indicator(name: "Số vụ vi phạm được phát hiện, xử lý", measure: "vụ", direction: .higher, rollup: .sum, reporters: [.district],
                  curve: .count(plan: [0.35, 0.4, 0.42, 0.45], shock: [0.8, 1.1, 1.15, 1.1], spread: 0.3),
                  note: "food-safety enforcement: higher is better although the name says vi phạm"),
        Indicator(name: "Tỷ suất tử vong trẻ em dưới 1 tuổi", measure: "‰", direction: .lower, rollup: .mean, reporters: [.district],
                  curve: .level(plan: [10.5, 10.2, 10, 9.8], shock: [-0.5, -0.3, 0, -0.2], spread: 1.5, decimals: 1), note: "per mille, not per cent"),
        Indicator(name: "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân", measure: "%", direction: .lower, rollup: .mean, reporters: [.district],
                  curve: .level(plan: [10.5, 10, 9.6, 9.2], shock: [0.1, -0.1, -0.2, -0.3], spread: 1.2, decimals: 1, maximum: 100)),
        Indicator(name: "Số mẫu xét nghiệm", measure: "mẫu", direction: .higher, rollup: .sum, reporters: [.diseaseControl],
                  curve: .count(plan: [9_000, 3_000, 1_500, 1_600], shock: [1, 1, 1, 1], spread: 0.1, targeted: false),
                  note: "no target in any year; 2021 is the COVID testing peak"),
        Indicator(name: "Tỷ số giới tính khi sinh", measure: "bé trai/100 bé gái", direction: .lower, rollup: .none, reporters: [.population],
                  curve: .level(plan: [112, 111.5, 111, 110.5], shock: [-0.8, 0.4, 0.3, -0.2], spread: 0, decimals: 1),
                  note: "a ratio with a ceiling (không quá); no ceiling word in the name"),
        Indicator(name: "Tỷ lệ sinh con thứ ba trở lên", measure: "%", direction: .lower, rollup: .mean, reporters: [.population],
                  curve: .level(plan: [8.5, 8.3, 8, 7.8], shock: [0.6, 0.3, -0.2, -0.4], spread: 0, decimals: 1, maximum: 100)),
    ]

    static let socioEconomicIndicators: [Indicator] = [
        Indicator(name: "Tổng vốn đầu tư toàn xã hội", measure: "tỷ đồng", direction: .higher, rollup: .sum, reporters: [.district],
                  curve: .count(plan: [18, 20, 21.5, 23], shock: [0.93, 1.03, 0.98, 1.04], spread: 0.2, decimals: 1)),
        Indicator(name: "Tổng thu ngân sách nhà nước trên địa bàn", measure: "tỷ đồng", direction: .higher, rollup: .sum, reporters: [.district],
                  curve: .count(plan: [1.1, 1.2, 1.25, 1.3], shock: [1.05, 1.12, 0.95, 1.08], spread: 0.25, decimals: 1)),
        Indicator(name: "Thu nhập bình quân đầu người", measure: "triệu đồng", direction: .higher, rollup: .mean, reporters: [.district],
                  curve: .level(plan: [48, 52, 56, 60], shock: [-2, 1, 0.5, 1], spread: 6, decimals: 1),
                  note: "per capita: never summed (the province's own figure is population-weighted)"),
        Indicator(name: "Số doanh nghiệp thành lập mới", measure: "doanh nghiệp", direction: .higher, rollup: .sum, reporters: [.district],
                  curve: .count(plan: [0.5, 0.55, 0.6, 0.62], shock: [0.8, 1.1, 0.92, 1.0], spread: 0.3)),
        Indicator(name: "Số việc làm mới được tạo ra", measure: "lao động", direction: .higher, rollup: .sum, reporters: [.district],
                  curve: .count(plan: [18, 19, 19, 19.5], shock: [0.9, 1.08, 1.03, 1.02], spread: 0.12)),
        Indicator(name: "Tỷ lệ lao động thất nghiệp khu vực thành thị", measure: "%", direction: .lower, rollup: .mean, reporters: [.district],
                  curve: .level(plan: [3.5, 3.3, 3.2, 3.1], shock: [0.6, -0.2, -0.1, -0.2], spread: 0.5, decimals: 2, maximum: 100)),
        Indicator(name: "Số hộ thoát nghèo", measure: "hộ", direction: .higher, rollup: .sum, reporters: [.district],
                  curve: .count(plan: [2.2, 2.8, 2.6, 2.4], shock: [1.05, 1.0, 1.08, 1.03], spread: 0.2)),
        Indicator(name: "Số hộ nghèo", measure: "hộ", direction: .lower, rollup: .sum, reporters: [.district],
                  curve: .count(plan: [6.5, 11, 9, 7], shock: [0.98, 1.04, 0.97, 0.96], spread: 0.25),
                  note: "jumps in 2022 with the new poverty line"),
        Indicator(name: "Tỷ lệ hộ nghèo", measure: "%", direction: .lower, rollup: .mean, reporters: [.district],
                  curve: .level(plan: [2.6, 4.4, 3.5, 2.8], shock: [-0.05, 0.2, 0, 0.05], spread: 0.6, decimals: 2, maximum: 100),
                  note: "jumps in 2022 with the new poverty line"),
        Indicator(name: "Tỷ lệ học sinh bỏ học", measure: "%", direction: .lower, rollup: .mean, reporters: [.district],
                  curve: .level(plan: [1, 1, 0.8, 0.8], shock: [-0.55, -0.45, -0.35, -0.3], spread: 0.2, decimals: 2, maximum: 100),
                  note: "a ceiling met far under its limit"),
        Indicator(name: "Tỷ lệ trường học đạt chuẩn quốc gia", measure: "%", direction: .higher, rollup: .mean, reporters: [.district],
                  curve: .level(plan: [62, 66, 70, 74], shock: [-1, 0.5, 0.8, 0.3], spread: 10, decimals: 1, maximum: 100)),
        Indicator(name: "Tỷ lệ xã đạt chuẩn nông thôn mới", measure: "%", direction: .higher, rollup: .mean, reporters: [.district],
                  curve: .level(plan: [75, 82, 88, 92], shock: [-2, 1, 0, 1], spread: 12, decimals: 1, maximum: 100)),
        Indicator(name: "Số km đường giao thông nông thôn được cứng hóa", measure: "km", direction: .higher, rollup: .sum, reporters: [.district],
                  curve: .count(plan: [0.25, 0.28, 0.3, 0.3], shock: [0.85, 1.05, 1, 1.05], spread: 0.3, decimals: 1)),
        Indicator(name: "Số vụ tai nạn giao thông", measure: "vụ", direction: .lower, rollup: .sum, reporters: [.district],
                  curve: .count(plan: [0.2, 0.2, 0.19, 0.18], shock: [0.62, 0.95, 1.05, 0.92], spread: 0.25)),
        Indicator(name: "Số người chết do tai nạn giao thông", measure: "người", direction: .lower, rollup: .sum, reporters: [.district],
                  curve: .count(plan: [0.13, 0.13, 0.12, 0.12], shock: [0.7, 1, 1.08, 0.95], spread: 0.3)),
        Indicator(name: "Số hồ sơ giải quyết quá hạn", measure: "hồ sơ", direction: .lower, rollup: .sum, reporters: [.district],
                  curve: .count(plan: [0.6, 0.5, 0.4, 0.35], shock: [0.3, 0.22, 0.18, 0.2], spread: 0.5),
                  note: "a ceiling met far under its limit (completion about 20 %)"),
        Indicator(name: "Tỷ lệ hồ sơ giải quyết đúng hạn", measure: "%", direction: .higher, rollup: .mean, reporters: [.district],
                  curve: .level(plan: [95, 96, 97, 98], shock: [2, 2.5, 2, 1.2], spread: 2, decimals: 1, maximum: 100)),
        Indicator(name: "Thời gian giải quyết hồ sơ đất đai", measure: "ngày", direction: .lower, rollup: .mean, reporters: [.district],
                  curve: .level(plan: [30, 30, 25, 25], shock: [-8, -10, -7, -8], spread: 5, decimals: 0),
                  note: "a ceiling; no ceiling word in the name"),
        Indicator(name: "Tỷ lệ dân số tham gia bảo hiểm y tế", measure: "%", direction: .higher, rollup: .mean, reporters: [.district],
                  curve: .level(plan: [91, 92, 93, 94], shock: [0.4, -0.8, -0.5, 0.3], spread: 2.5, decimals: 1, maximum: 100),
                  note: "also in y-te, with the health centres' own (different) figures"),
    ]
}

private extension String {
    /// "Huyện Long Mỹ" → "huyện Long Mỹ", as it reads inside "Trung tâm Y tế huyện Long Mỹ".
    var lowercasedKind: String {
        for kind in ["Thành phố", "Thị xã", "Huyện"] where hasPrefix(kind) { return kind.lowercased() + dropFirst(kind.count) }
        return self
    }
}
