import Testing
import TongKetAnalytics
import TongKetCairo
import TongKetCharts
import TongKetData
import TongKetSample

/// The sample and the adversarial tables every chart must survive.
enum ChartFixtures {
    static func sample() throws -> Metrics {
        try Metrics(table: TableReader.read([InputFile(name: "hau-giang.csv", bytes: BundledSample.bytes)]).table)
    }

    static let longName = "Viện kiểm sát nhân dân huyện Phụng Hiệp, khu vực Cây Dương – Kinh Cùng – Búng Tàu – Hòa An"

    /// 40 units with names of about 80 characters, three indicators, two years.
    static func manyLongUnits() throws -> Metrics {
        var records: [IndicatorRecord] = []
        for i in 0..<40 {
            let unit = "\(longName) số \(i + 1)"
            for (k, indicator) in ["Số vụ án hình sự đã khởi tố, điều tra và truy tố trong kỳ báo cáo", "Số bị can", "Tỷ lệ án bị hủy"].enumerated() {
                for year in [2022, 2023] {
                    let actual = Double((i * 37 + k * 11 + year) % 97)
                    records.append(IndicatorRecord(year: year, unit: unit, indicator: indicator, measure: k == 2 ? "%" : "vụ",
                                                   direction: k == 2 ? .lower : .higher, target: k == 2 ? 5 : 60, actual: k == 2 ? actual / 10 : actual))
                }
            }
        }
        return try Metrics(table: IndicatorTable(records: records))
    }

    static func allZero() throws -> Metrics {
        let records = ["A", "B", "C"].flatMap { unit in
            [2022, 2023].map { IndicatorRecord(year: $0, unit: unit, indicator: "X", measure: "vụ", target: 0, actual: 0) }
        }
        return try Metrics(table: IndicatorTable(records: records))
    }

    static func oneUnitOneYear() throws -> Metrics {
        try Metrics(table: IndicatorTable(records: [IndicatorRecord(year: 2023, unit: "Phòng 7", indicator: "Số vụ phúc thẩm", measure: "vụ", target: 70, actual: 74)]))
    }

    /// Years 2019 and 2023 only: no year before the chart's year.
    static func missingYears() throws -> Metrics {
        try Metrics(table: IndicatorTable(records: [
            IndicatorRecord(year: 2019, unit: "A", indicator: "X", target: 10, actual: 12),
            IndicatorRecord(year: 2023, unit: "A", indicator: "X", target: nil, actual: 15),
            IndicatorRecord(year: 2023, unit: "B", indicator: "X", target: 10, actual: 7),
        ]))
    }

    /// More units than any slide can list: the charts must cut, not pile text up.
    static func manyUnits() throws -> Metrics {
        var records: [IndicatorRecord] = []
        for i in 0..<300 {
            for year in [2021, 2022, 2023] {
                for (k, indicator) in ["Số vụ", "Số bị can"].enumerated() {
                    records.append(IndicatorRecord(year: year, unit: "VKSND huyện số \(i + 1)", indicator: indicator, measure: "vụ",
                                                   target: 50, actual: Double((i * 13 + k * 7 + year) % 90)))
                }
            }
        }
        return try Metrics(table: IndicatorTable(records: records))
    }

    static let names = ["sample", "40 long units", "all zero", "one unit", "missing years", "300 units"]

    static func dataset(_ index: Int) throws -> Metrics {
        switch index {
        case 0: return try sample()
        case 1: return try manyLongUnits()
        case 2: return try allZero()
        case 3: return try oneUnitOneYear()
        case 4: return try missingYears()
        default: return try manyUnits()
        }
    }
}

/// One renderer for the whole test process: Pango's font setup is the slow part. Pango
/// objects must not be used from two threads at once, so every test that draws lives in
/// this one serialized suite.
nonisolated(unsafe) let sharedRenderer: ChartRenderer? = try? ChartRenderer()

@Suite(.serialized) enum RenderingTests {}
