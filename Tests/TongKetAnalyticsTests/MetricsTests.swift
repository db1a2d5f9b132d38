import Testing
import TongKetAnalytics
import TongKetData

@Suite struct MetricsTests {
    func metrics(_ records: [IndicatorRecord], level: String? = nil) throws -> Metrics {
        try Metrics(table: IndicatorTable(records: records), level: level)
    }

    func figures(_ m: Metrics, unit: String?, indicator: String, year: Int) -> FigureRow? {
        m.figureRows(year: year).first { m.indicatorName($0) == indicator && (unit == nil ? $0.scope == .province : m.unitName($0) == unit) }
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

    @Test func theProvinceTargetIsTheSumOfThoseAssignedAndSaysHowMany() throws {
        let m = try metrics([
            .init(year: 2023, unit: "A", indicator: "X", target: 10, actual: 12),
            .init(year: 2023, unit: "B", indicator: "X", target: nil, actual: 15),
        ])
        let p = try #require(figures(m, unit: nil, indicator: "X", year: 2023))
        // Every unit's actual against the targets assigned, as the offices form their totals.
        #expect(p.actual == 27)
        #expect(p.target == 10)
        #expect(p.status == .met)
        #expect(m.basis(p)?.target == .assigned(units: 1, of: 2))
        #expect(FigureWords(m, .vi).basisNote(p) == "KH: tổng 1/2 đơn vị được giao")
        // Near miss: no unit has a target, so neither has the province.
        let none = try metrics([.init(year: 2023, unit: "A", indicator: "Y", target: nil, actual: 1), .init(year: 2023, unit: "B", indicator: "Y", target: nil, actual: 2)])
        #expect(try #require(figures(none, unit: nil, indicator: "Y", year: 2023)).target == nil)
    }

    @Test func aRatesProvinceTargetIsTheThresholdItsUnitsShareElseTheirMeanLabelled() throws {
        let shared = try metrics([
            .init(year: 2023, unit: "A", indicator: "Tỷ lệ X", measure: "%", target: 90, actual: 95),
            .init(year: 2023, unit: "B", indicator: "Tỷ lệ X", measure: "%", target: 90, actual: 88),
            .init(year: 2023, unit: "C", indicator: "Tỷ lệ X", measure: "%", target: nil, actual: 91),
        ])
        let p = try #require(figures(shared, unit: nil, indicator: "Tỷ lệ X", year: 2023))
        #expect(p.target == 90)
        #expect(shared.basis(p)?.target == .sharedThreshold(units: 2, of: 3))
        let differing = try metrics([
            .init(year: 2023, unit: "A", indicator: "Tỷ lệ X", measure: "%", target: 90, actual: 95),
            .init(year: 2023, unit: "B", indicator: "Tỷ lệ X", measure: "%", target: 80, actual: 88),
        ])
        let q = try #require(figures(differing, unit: nil, indicator: "Tỷ lệ X", year: 2023))
        #expect(q.target == 85)
        #expect(FigureWords(differing, .vi).basisNote(q) == "KH: trung bình kế hoạch của 2/2 đơn vị")
    }

    @Test func aRateMissesByPointsWithDecimalsThatNeverContradictTheVerdict() throws {
        let m = try metrics([
            .init(year: 2023, unit: "A", indicator: "Tỷ lệ trẻ ra lớp", measure: "%", target: 99.8, actual: 99.5),
            .init(year: 2024, unit: "A", indicator: "Tỷ lệ trẻ ra lớp", measure: "%", target: 99.8, actual: 99.77),
            .init(year: 2024, unit: "A", indicator: "Tỷ lệ đạt", measure: "%", target: 70, actual: 100),
        ])
        let words = FigureWords(m, .vi)
        let near = try #require(figures(m, unit: "A", indicator: "Tỷ lệ trẻ ra lớp", year: 2024))
        #expect(near.status == .notMet)
        #expect(words.actual(near) == "99,77 %")
        #expect(words.verdict(near) == "thiếu 0,03 điểm % so với mức 99,8 %, không đạt")
        #expect(words.change(near) == "+0,27 điểm %")
        let full = try #require(figures(m, unit: "A", indicator: "Tỷ lệ đạt", year: 2024))
        // Never "142,9 %": a rate passes its threshold by points.
        #expect(words.verdict(full) == "vượt 30 điểm % so với mức 70 %")
        #expect(words.actual(full) == "100 %")
    }

    @Test func aTargetOfZeroIsACeilingAndNoTargetAnywhereIsNoDirection() throws {
        let m = try metrics([
            .init(year: 2024, unit: "A", indicator: "Số vụ bạo lực học đường", target: 0, actual: 0),
            .init(year: 2024, unit: "B", indicator: "Số vụ bạo lực học đường", target: 0, actual: 1),
            .init(year: 2024, unit: "A", indicator: "Số đơn thụ lý", target: nil, actual: 40),
            .init(year: 2024, unit: "B", indicator: "Số đơn thụ lý", target: nil, actual: 30),
            .init(year: 2024, unit: "A", indicator: "Số trường đạt chuẩn", target: 0, actual: 3),
            .init(year: 2024, unit: "B", indicator: "Số trường đạt chuẩn", target: 4, actual: 3),
        ])
        let ceiling = try #require(figures(m, unit: nil, indicator: "Số vụ bạo lực học đường", year: 2024))
        #expect(ceiling.direction == .lower && ceiling.status == .notMet)
        #expect(FigureWords(m, .vi).verdict(ceiling) == "vượt trần 1 (trần 0)")
        let intake = try #require(figures(m, unit: nil, indicator: "Số đơn thụ lý", year: 2024))
        #expect(intake.direction == .neutral && intake.status == .undefined)
        // Near miss: beside a positive target, one unit's 0 is no ceiling.
        #expect(try #require(figures(m, unit: nil, indicator: "Số trường đạt chuẩn", year: 2024)).direction == .higher)
        #expect(try #require(figures(m, unit: "A", indicator: "Số trường đạt chuẩn", year: 2024)).status == .undefined)
        // … and check says so, at A's target.
        let zero = Review.findings(m).filter { $0.kind == .partialTargets && ($0.diagnostic.vietnamese ?? "").contains("có kế hoạch 0 ở \"A\"") }
        #expect(zero.count == 1)
    }

    @Test func oneUnitsIndicatorIsThatUnitsFigureLabelledSo() throws {
        let m = try metrics([
            .init(year: 2024, unit: "A", indicator: "Tỷ lệ kiến nghị được tiếp thu", measure: "%", target: 80, actual: 85.7),
            .init(year: 2024, unit: "A", indicator: "Số vụ", target: 5, actual: 6),
            .init(year: 2024, unit: "B", indicator: "Số vụ", target: 5, actual: 4),
        ])
        let p = try #require(figures(m, unit: nil, indicator: "Tỷ lệ kiến nghị được tiếp thu", year: 2024))
        #expect(p.actual == 85.7)
        #expect(FigureWords(m, .vi).basisNote(p) == "số của A")
        #expect(FigureWords(m, .vi).basisNote(try #require(figures(m, unit: nil, indicator: "Số vụ", year: 2024))) == nil)
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
