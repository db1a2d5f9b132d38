import Testing
import TongKetAnalytics
import TongKetData

@Suite struct MetricsTests {
    func metrics(_ records: [IndicatorRecord], level: String? = nil) throws -> Metrics {
        try Metrics(table: IndicatorTable(records: records), level: level)
    }

    func figures(_ m: Metrics, unit: String?, indicator: String, year: Int) -> Figures? {
        m.figures(year: year).first { m.indicatorName($0) == indicator && (unit == nil ? $0.scope == .province : m.unitName($0) == unit) }
    }

    @Test func unitFiguresCompareWithTheYearBefore() throws {
        let m = try metrics([
            .init(year: 2022, unit: "Phòng 7", indicator: "Phúc thẩm", measure: "vụ", target: 60, actual: 68),
            .init(year: 2023, unit: "Phòng 7", indicator: "Phúc thẩm", measure: "vụ", target: 70, actual: 74),
        ])
        let f = try #require(figures(m, unit: "Phòng 7", indicator: "Phúc thẩm", year: 2023))
        #expect(f.previousActual == 68)
        #expect(f.yoyDelta == 6)
        #expect(f.yoyPercent == 6.0 / 68.0)
        #expect(f.completion == 74.0 / 70.0)
        #expect(abs((f.completionChangePoints ?? 0) - (74.0 / 70.0 - 68.0 / 60.0) * 100) < 1e-12)
        #expect(m.measureName(f) == "vụ")
    }

    @Test func aGapYearIsNotTheYearBefore() throws {
        let m = try metrics([
            .init(year: 2021, unit: "A", indicator: "X", target: 1, actual: 10),
            .init(year: 2023, unit: "A", indicator: "X", target: 1, actual: 12),
        ])
        let f = try #require(figures(m, unit: "A", indicator: "X", year: 2023))
        #expect(f.previousActual == nil)
        #expect(f.yoyDelta == nil)
    }

    @Test func theProvinceSumsCountsOverUnits() throws {
        let m = try metrics([
            .init(year: 2023, unit: "A", indicator: "X", measure: "vụ", target: 10, actual: 12),
            .init(year: 2023, unit: "B", indicator: "X", measure: "vụ", target: 20, actual: 15),
        ])
        let p = try #require(figures(m, unit: nil, indicator: "X", year: 2023))
        #expect(p.target == 30)
        #expect(p.actual == 27)
        #expect(p.completion == 0.9)
        #expect(p.status == .notMet)
        #expect(p.unit == -1)
        #expect(!m.isMean(p))
    }

    @Test func theProvinceTargetIsUndefinedWhenAUnitHasNone() throws {
        let m = try metrics([
            .init(year: 2023, unit: "A", indicator: "X", target: 10, actual: 12),
            .init(year: 2023, unit: "B", indicator: "X", target: nil, actual: 15),
        ])
        let p = try #require(figures(m, unit: nil, indicator: "X", year: 2023))
        #expect(p.actual == 27)
        #expect(p.target == nil)
        #expect(p.status == .undefined)
    }

    @Test func ratesAreTheUnweightedMeanOfUnits() throws {
        let m = try metrics([
            .init(year: 2023, unit: "A", indicator: "Tỷ lệ án bị hủy", measure: "%", direction: .lower, target: 5, actual: 2),
            .init(year: 2023, unit: "B", indicator: "Tỷ lệ án bị hủy", measure: "%", direction: .lower, target: 5, actual: 7),
        ])
        let p = try #require(figures(m, unit: nil, indicator: "Tỷ lệ án bị hủy", year: 2023))
        #expect(p.actual == 4.5)
        #expect(p.target == 5)
        #expect(p.status == .met)
        #expect(p.direction == .lower)
        #expect(m.isMean(p))
    }

    @Test func aLevelFilterSelectsWhichUnitsTheProvinceCounts() throws {
        let records: [IndicatorRecord] = [
            .init(year: 2023, unit: "Phòng 7", indicator: "X", level: "department", target: 10, actual: 12),
            .init(year: 2023, unit: "Huyện A", indicator: "X", level: "district", target: 5, actual: 4),
            .init(year: 2023, unit: "Huyện B", indicator: "X", level: "district", target: 5, actual: 6),
        ]
        let districts = try metrics(records, level: "District")
        #expect(figures(districts, unit: nil, indicator: "X", year: 2023)?.actual == 10)
        #expect(districts.unitFigureCount == 3)
        #expect(throws: Metrics.Problem.unknownLevel("commune", available: ["department", "district"])) {
            try metrics(records, level: "commune")
        }
    }

    @Test func scorecardsCountMetOverDefined() throws {
        let m = try metrics([
            .init(year: 2023, unit: "A", indicator: "X", target: 10, actual: 12),
            .init(year: 2023, unit: "A", indicator: "Y", target: 10, actual: 8),
            .init(year: 2023, unit: "A", indicator: "Z", target: nil, actual: 8),
            .init(year: 2023, unit: "B", indicator: "X", target: 10, actual: 10),
        ])
        let cards = Scorecard.units(m, year: 2023)
        #expect(cards.map { [$0.met, $0.defined] } == [[1, 2], [1, 1]])
        #expect(cards[0].ratio == 0.5)
        #expect(cards[0].meanCompletion == 1.0)
        let province = Scorecard.province(m, year: 2023)
        #expect(province.defined == 2)
        #expect(province.met == 1)
    }

    @Test func rankingsOrderByShareMetThenMeanCompletionThenName() throws {
        let m = try metrics([
            .init(year: 2023, unit: "C", indicator: "X", target: 10, actual: 11),
            .init(year: 2023, unit: "B", indicator: "X", target: 10, actual: 15),
            .init(year: 2023, unit: "A", indicator: "X", target: 10, actual: 5),
            .init(year: 2023, unit: "D", indicator: "X", target: nil, actual: 5),
            .init(year: 2023, unit: "E", indicator: "X", target: 10, actual: 11),
        ])
        #expect(Ranking.units(m, year: 2023).map { m.table.units[Int($0.unit)] } == ["B", "C", "E", "A", "D"])
    }
}
